import { EXAMPLE_COMMITMENT, EXAMPLE_PLAN, EXAMPLE_QUICK_SCAN } from '../bench/support/example-file';
import { sqliteDatabase } from './support/databases';
import { useRunningService } from './support/project-client';

type Blocker = { code: string; missing?: string[] };
const codes = (body: { blockers?: Blocker[] }) => (body.blockers ?? []).map((b) => b.code);

/** Four of the guide's own examples (§1.1), end to end over HTTP, with the rules of §1.3–§2.4 enforced on the gates. */
describe('the Interactiewijzer’s rules over HTTP', () => {
  const service = useRunningService(() => sqliteDatabase());
  const http = () => service.t.http();
  const as = (token: string) => ({
    put: (path: string, body: unknown) => http().put(path).set('authorization', `Bearer ${token}`).send(body as object),
    post: (path: string, body: unknown) => http().post(path).set('authorization', `Bearer ${token}`).send(body as object),
    get: (path: string) => http().get(path).set('authorization', `Bearer ${token}`),
  });
  const manager = () => as(service.api.manager);
  const decideAndMove = async (id: string, event: string, overrides: Record<string, unknown> = {}) => {
    expect((await service.api.decide(id, event, 'college', overrides)).status).toBe(201);
    return service.api.event(id, { type: event }, { fileAsIs: true });
  };

  it('serves the catalogue: seven levels with derived style, IAP2 and Arnstein lookups, twelve goals, forms a–f', async () => {
    const { body } = await manager().get('/api/catalogue/levels');
    expect(body.levels.map((l: { level: string }) => l.level)).toEqual(['initiate', 'collaborate', 'co-decide', 'advise-early', 'advise-late', 'inform', 'none']);
    expect(body.levels[2]).toMatchObject({ name: { nl: 'Meebeslissen' }, style: { key: 'delegate', nl: 'Delegeren' }, category: 'interactive-policy', iap2: 'empower', arnstein: { rung: 7 } });
    expect(body.goals).toHaveLength(12);
    expect(body.inspraakForms.filter((f: { legallyRequired: boolean }) => f.legallyRequired).map((f: { form: string }) => f.form)).toEqual(['e', 'f']);
    expect(body.quickScan.scores.map((s: { nl: string }) => s.nl)).toEqual(['geen', 'nauwelijks', 'beetje', 'redelijk', 'veel']);
  });

  it('a traffic decision (inform): the scan advises against interaction; going ahead needs a justification; not doing it is fine', async () => {
    const { body: project } = await service.api.create({ title: '30 km/u in de Bloemenwijk', origin: 'municipality', politicalSensitivity: 'low' });
    const early = await decideAndMove(project.id, 'DECIDE_NON_INTERACTIVE');
    expect(early.status).toBe(409);
    expect(codes(early.body)).toEqual(['quick-scan-incomplete']);

    const scan = { ...EXAMPLE_QUICK_SCAN, scores: { ...EXAMPLE_QUICK_SCAN.scores, roomForInfluence: 'none' }, greenLights: [], redLights: ['b'], inspraak: { legallyRequired: false, form: 'd' } };
    const advice = await manager().put(`/api/projects/${project.id}/quick-scan`, scan);
    expect(advice.status).toBe(200);
    expect(advice.body).toMatchObject({ complete: true, advice: 'not-interactive' });
    expect(advice.body.reasons.map((r: { code: string; subject?: string }) => `${r.code}:${r.subject ?? ''}`)).toEqual(['precondition-none:roomForInfluence', 'red-light:b', 'only-red-lights:']);

    const unjustified = await decideAndMove(project.id, 'START_INTERACTIVE');
    expect(codes(unjustified.body)).toEqual(['justification-required']);
    const moved = await decideAndMove(project.id, 'DECIDE_NON_INTERACTIVE');
    expect(moved.body).toMatchObject({ state: 'policyCycle.preparation.problemDefinition', quickScanAdvice: 'not-interactive' });
  });

  it('shows the justification for going against the advice wherever the decision is read: its answer, the list, its audit entry and the step it allowed', async () => {
    const { body: project } = await service.api.create({ title: 'Parkeerregulering centrum', origin: 'municipality', politicalSensitivity: 'low' });
    const scan = { ...EXAMPLE_QUICK_SCAN, scores: { ...EXAMPLE_QUICK_SCAN.scores, roomForInfluence: 'none' }, greenLights: [], redLights: ['b'] };
    expect((await manager().put(`/api/projects/${project.id}/quick-scan`, scan)).body.advice).toBe('not-interactive');
    const justification = 'De raad heeft bij motie gevraagd de bewoners toch te betrekken.';
    const decision = await service.api.decide(project.id, 'START_INTERACTIVE', 'college', { justification });
    expect(decision.status).toBe(201);
    expect(decision.body.justification).toBe(justification);
    expect((await service.api.event(project.id, { type: 'START_INTERACTIVE' }, { fileAsIs: true })).status).toBe(200);

    const listed = (await manager().get(`/api/projects/${project.id}/decisions`)).body;
    expect(listed.map((d: { justification: string | null }) => d.justification)).toEqual([justification]);
    const trail = (await manager().get(`/api/projects/${project.id}/audit?limit=500`)).body as Array<{ type: string; payload: Record<string, unknown> }>;
    expect(trail.find((e) => e.type === 'decision-recorded')!.payload.justification).toBe(justification);
    expect(trail.find((e) => e.type === 'transition')!.payload.greenLight).toMatchObject({ justification });
  });

  it('asks a justification for deciding non-interactive against an interactive advice too (§1.6)', async () => {
    const { body: project } = await service.api.create({ title: 'Toch niet interactief', origin: 'municipality', politicalSensitivity: 'low' });
    expect((await manager().put(`/api/projects/${project.id}/quick-scan`, { ...EXAMPLE_QUICK_SCAN, inspraak: { legallyRequired: false, form: 'd' } })).body.advice).toBe('interactive');
    const unjustified = await decideAndMove(project.id, 'DECIDE_NON_INTERACTIVE');
    expect(unjustified.body.blockers).toEqual([expect.objectContaining({ code: 'justification-required', messageNl: expect.stringMatching(/adviseert een interactieve aanpak/) })]);
    const justified = await decideAndMove(project.id, 'DECIDE_NON_INTERACTIVE', { justification: 'Het besluit ligt wettelijk vast; er is geen ruimte.' });
    expect(justified.body.state).toBe('policyCycle.preparation.problemDefinition');
  });

  it('counts the days a decree equated with holidays (Atw art. 3 lid 3), and warns when no decree covers the term’s year yet', async () => {
    const laidOpen = async (title: string, laidOpenOn: string) => {
      const { body: project } = await service.api.create({ title, origin: 'municipality', politicalSensitivity: 'low' });
      const id = project.id as string;
      await service.api.step(id, 'START_INTERACTIVE', 'college');
      await service.api.step(id, 'COMMIT', 'college');
      await manager().put(`/api/projects/${id}/plan`, { ...EXAMPLE_PLAN, inspraak: { legallyRequired: false, form: 'c' } });
      await manager().post(`/api/projects/${id}/communications`, { channel: 'website', audience: 'alle inwoners', summary: 'Het niveau van deze fase.', announcesLevelOf: 'preparation' });
      expect((await decideAndMove(id, 'ADOPT_PLAN')).body.state).toBe('policyCycle.preparation.problemDefinition');
      const opened = await manager().post(`/api/projects/${id}/inspection`, { laidOpenOn, publishedIn: 'Gemeenteblad' });
      expect(opened.status).toBe(201);
      return { opened: opened.body, read: (await manager().get(`/api/projects/${id}/inspection`)).body };
    };
    // Six weeks end on Ascension 2026; the decree equates Friday 15 May, so the term runs over the weekend to Monday 18 May.
    const ascension = await laidOpen('Hemelvaart 2026', '2026-04-03');
    expect(ascension.opened).toMatchObject({ nominalEnd: '2026-05-14', endsOn: '2026-05-18', warnings: [] });
    // A term ending in 2029: no decree for that year is known yet.
    const later = await laidOpen('Na de bekende besluiten', '2029-01-15');
    expect(later.opened.warnings.map((w: { code: string }) => w.code)).toEqual(['term-beyond-known-decrees']);
    expect(later.read.warnings[0].message.nl).toMatch(/2029/);
  });

  it('a square’s redesign (co-decide): commitment, stakeholders, a complete plan, the level told to participants, warnings and a recorded level change', async () => {
    const { body: project } = await service.api.create({ title: 'Herinrichting Marktplein', origin: 'municipality', politicalSensitivity: 'low' });
    const id = project.id;
    expect((await manager().put(`/api/projects/${id}/quick-scan`, EXAMPLE_QUICK_SCAN)).body.advice).toBe('interactive');
    expect((await decideAndMove(id, 'START_INTERACTIVE')).body.state).toBe('formalCommitment');

    const noAgreements = await decideAndMove(id, 'COMMIT');
    expect(codes(noAgreements.body)).toEqual(['commitment-incomplete']);
    expect((await manager().put(`/api/projects/${id}/commitment`, EXAMPLE_COMMITMENT)).body.missing).toEqual([]);
    expect((await service.api.event(id, { type: 'COMMIT' }, { fileAsIs: true })).body.state).toBe('planOfApproach');

    const neighbours = await manager().post(`/api/projects/${id}/stakeholders`, { name: 'Omwonenden Marktplein', domain: 'public', kind: 'neighbours', approach: 'Huis-aan-huisbrief en een avond op het plein' });
    expect(neighbours.status).toBe(201);
    // §1.5: a developer is a business partner, a professional, not a member of the public.
    const developer = await manager().post(`/api/projects/${id}/stakeholders`, { name: 'Projectontwikkelaar', domain: 'public', kind: 'business-partners', approach: 'Overleg' });
    expect([developer.status, developer.body.code, developer.body.domain]).toEqual([422, 'stakeholder-kind-wrong-domain', 'professional']);
    expect((await manager().put(`/api/projects/${id}/plan`, { targetGroups: [{ stakeholderId: '7d3f1c1e-0000-4000-8000-000000000000', name: 'x', why: 'y' }] })).body.code).toBe('unknown-stakeholder');

    const draft = await manager().put(`/api/projects/${id}/plan`, { targetGroups: [{ stakeholderId: neighbours.body.id, name: 'Omwonenden', why: 'Het is hun plein.' }] });
    expect(draft.body.missingParts).toEqual(['goals', 'levels', 'scope', 'opportunitiesAndThreats', 'approach', 'process', 'adviceWeight', 'frames', 'inspraak']);
    expect((await decideAndMove(id, 'ADOPT_PLAN')).body.blockers.find((b: Blocker) => b.code === 'plan-incomplete').missing).toContain('frames');

    const levels = { preparation: 'co-decide', decisionMaking: 'inform', execution: 'inform', evaluation: 'advise-late' };
    const weighed = { ...EXAMPLE_PLAN, targetGroups: [{ stakeholderId: neighbours.body.id, name: 'Omwonenden', why: 'Het is hun plein.' }], levels, inspraak: { legallyRequired: false, form: 'a' } };
    // Residents decide, yet their result is only "taken into account": the plan is warned (§2.4 with §1.2).
    const weak = await manager().put(`/api/projects/${id}/plan`, weighed);
    expect(weak.body.warnings.map((w: { code: string }) => w.code)).toEqual(['resistance-risk', 'advice-weight-contradicts-level']);
    const plan = { ...weighed, adviceWeight: 'decisive' };
    const saved = await manager().put(`/api/projects/${id}/plan`, plan);
    expect(saved.body).toMatchObject({ version: 3, missingParts: [] });
    expect(saved.body.warnings.map((w: { code: string }) => w.code)).toEqual(['resistance-risk']);

    const untold = await service.api.event(id, { type: 'ADOPT_PLAN' }, { fileAsIs: true });
    expect(codes(untold.body)).toEqual(['level-not-communicated']);
    const told = await manager().post(`/api/projects/${id}/communications`, { channel: 'bewonersavond', audience: 'alle deelnemers', summary: 'U beslist mee over de inrichting, binnen het budget.', announcesLevelOf: 'preparation' });
    expect(told.body).toMatchObject({ announcesPhase: 'preparation', announcesLevel: 'co-decide' });
    const adopted = await service.api.event(id, { type: 'ADOPT_PLAN' }, { fileAsIs: true });
    expect(adopted.body.state).toBe('policyCycle.preparation.problemDefinition');
    expect(adopted.body.levels[0]).toMatchObject({ phase: 'preparation', level: 'co-decide', style: 'delegate', styleNl: 'Delegeren' });

    const audit = (await service.api.audit(id)).body;
    expect(audit.find((e: { type: string; payload: { event?: string } }) => e.type === 'transition' && e.payload.event === 'ADOPT_PLAN').payload).toMatchObject({ planVersion: 3, warnings: ['resistance-risk'] });

    const unexplained = await manager().put(`/api/projects/${id}/plan`, { ...plan, levels: { ...levels, execution: 'co-decide' } });
    expect(unexplained.body).toMatchObject({ code: 'change-reason-required', phases: ['execution'] });
    const changed = await manager().put(`/api/projects/${id}/plan`, { ...plan, levels: { ...levels, execution: 'co-decide' }, changeReason: 'Bewoners onderhouden het plein zelf.' });
    expect(changed.body).toMatchObject({ version: 4, warnings: [] });
    const versions = (await manager().get(`/api/projects/${id}/plan/versions`)).body;
    expect(versions.map((v: { version: number; adoptedAt: string | null }) => [v.version, v.adoptedAt !== null])).toEqual([[4, false], [3, true], [2, false], [1, false]]);
    expect(versions[0].changeReason).toBe('Bewoners onderhouden het plein zelf.');
  });

  it('a draft culture memorandum (advise-late, Awb 3.4): the six-week term past King’s Day, a late reaction, and every reaction answered', async () => {
    const { body: project } = await service.api.create({ title: 'Concept-cultuurnota', origin: 'municipality', politicalSensitivity: 'low' });
    const id = project.id;
    const plan = { ...EXAMPLE_PLAN, levels: { preparation: 'advise-late', decisionMaking: 'inform', execution: 'inform', evaluation: 'inform' } };
    expect((await manager().put(`/api/projects/${id}/quick-scan`, EXAMPLE_QUICK_SCAN)).status).toBe(200);
    expect((await manager().put(`/api/projects/${id}/plan`, { ...plan, inspraak: { legallyRequired: false, form: 'e' } })).body.code).toBe('inspraak-form-not-allowed');
    expect((await manager().put(`/api/projects/${id}/plan`, { ...plan, inspraak: { legallyRequired: false, form: 'c' } })).status).toBe(200);
    expect((await manager().post(`/api/projects/${id}/inspection`, { laidOpenOn: '2026-03-17', publishedIn: 'Gemeenteblad 2026, 45678' })).body.code).toBe('inspection-outside-preparation');

    await service.api.step(id, 'START_INTERACTIVE', 'college');
    await service.api.step(id, 'COMMIT', 'college');
    await manager().post(`/api/projects/${id}/communications`, { channel: 'website', audience: 'alle inwoners', summary: 'U kunt reageren op de conceptnota.', announcesLevelOf: 'preparation' });
    expect((await decideAndMove(id, 'ADOPT_PLAN')).body.state).toBe('policyCycle.preparation.problemDefinition');
    await service.api.step(id, 'PROBLEM_DEFINED', 'college');
    await service.api.step(id, 'SOLUTIONS_CHOSEN', 'college');

    const notYet = await decideAndMove(id, 'ADVICE_SUBMITTED');
    expect(codes(notYet.body)).toEqual(['inspection-missing']);
    // Laid open on Tuesday 17 March 2026: six weeks end on Monday 27 April, King's Day, so the term runs to the 28th.
    const inspection = await manager().post(`/api/projects/${id}/inspection`, { laidOpenOn: '2026-03-17', publishedIn: 'Gemeenteblad 2026, 45678' });
    expect(inspection.body).toMatchObject({ nominalEnd: '2026-04-27', endsOn: '2026-04-28', warnings: [] });
    expect((await manager().post(`/api/projects/${id}/inspection`, { laidOpenOn: '2026-03-18', publishedIn: 'x' })).body.code).toBe('inspection-exists');
    const milestones = (await manager().get(`/api/projects/${id}/milestones`)).body;
    expect(milestones.map((m: { title: string }) => m.title)).toEqual(['Einde termijn zienswijzen (artikel 3:16 Awb): tot en met dinsdag 28 april 2026']);

    const inTime = await manager().post(`/api/projects/${id}/inspection/reactions`, { receivedOn: '2026-04-28', sender: 'Stichting Podium', summary: 'Meer geld voor het poppodium.' });
    const late = await manager().post(`/api/projects/${id}/inspection/reactions`, { receivedOn: '2026-04-29', sender: 'Bibliotheek', summary: 'De bibliotheek ontbreekt.' });
    expect([inTime.body.late, late.body.late]).toEqual([false, true]);
    // By post (art. 6:9 lid 2 with 3:16 lid 3 Awb): posted on the last day and received within the week after is on time; posted a day late is not.
    const posted = await manager().post(`/api/projects/${id}/inspection/reactions`, { receivedOn: '2026-05-05', channel: 'letter', postedOn: '2026-04-28', sender: 'Mevr. Jansen', summary: 'Per brief.' });
    const postedLate = await manager().post(`/api/projects/${id}/inspection/reactions`, { receivedOn: '2026-04-30', channel: 'letter', postedOn: '2026-04-29', sender: 'Dhr. de Wit', summary: 'Te laat gepost.' });
    expect([posted.body.late, postedLate.body.late, posted.body.channel, posted.body.postedOn]).toEqual([false, true, 'letter', '2026-04-28']);
    // An oral zienswijze needs its report; a postmark belongs to a letter.
    const oral = { receivedOn: '2026-04-20', channel: 'oral', sender: 'Buurtvereniging', summary: 'Ter zitting.' };
    expect((await manager().post(`/api/projects/${id}/inspection/reactions`, oral)).body.code).toBe('oral-report-missing');
    expect((await manager().post(`/api/projects/${id}/inspection/reactions`, { ...oral, channel: 'email', postedOn: '2026-04-19' })).body.code).toBe('postmark-without-letter');
    const heard = await manager().post(`/api/projects/${id}/inspection/reactions`, { ...oral, report: 'Verslag van de hoorzitting: zorgen over parkeren.' });
    expect([heard.status, heard.body.late, heard.body.report]).toEqual([201, false, 'Verslag van de hoorzitting: zorgen over parkeren.']);

    const unanswered = await service.api.event(id, { type: 'ADVICE_SUBMITTED' }, { fileAsIs: true });
    expect(unanswered.body.blockers).toEqual([expect.objectContaining({ code: 'reactions-unanswered', messageNl: 'Er zijn nog 5 zienswijzen zonder antwoord van de gemeente.' })]);
    for (const reaction of [inTime.body, late.body, posted.body, postedLate.body, heard.body]) {
      expect((await manager().post(`/api/projects/${id}/inspection/reactions/${reaction.id}/answer`, { answer: 'Meegenomen in de nota.', answeredOn: '2026-05-06' })).status).toBe(204);
    }
    expect((await manager().post(`/api/projects/${id}/inspection/reactions/${late.body.id}/answer`, { answer: 'Nogmaals.', answeredOn: '2026-05-07' })).body.code).toBe('reaction-already-answered');
    expect((await service.api.event(id, { type: 'ADVICE_SUBMITTED' }, { fileAsIs: true })).body.state).toBe('policyCycle.decisionMaking');
    const view = (await manager().get(`/api/projects/${id}/inspection`)).body;
    // In the order they were registered, each with its number (issue 19), not by the day received.
    expect(view.reactions.map((r: { number: number; late: boolean; channel: string }) => [r.number, r.channel, r.late])).toEqual([
      [1, 'email', false],
      [2, 'email', true],
      [3, 'letter', false],
      [4, 'letter', true],
      [5, 'oral', false],
    ]);
  });

  it('a residents’ initiative for a shopping centre (initiate): no scan, level or plan before it is formally submitted', async () => {
    const { body: project } = await service.api.create({ title: 'Winkelcentrum in eigen beheer', origin: 'initiative', politicalSensitivity: 'low' });
    const id = project.id;
    for (const [path, body] of [['plan', { levels: { preparation: 'initiate' } }], ['quick-scan', EXAMPLE_QUICK_SCAN], ['commitment', EXAMPLE_COMMITMENT]] as const) {
      const refused = await manager().put(`/api/projects/${id}/${path}`, body);
      expect([path, refused.status, refused.body.code]).toEqual([path, 409, 'initiative-not-submitted']);
    }
    expect((await manager().post(`/api/projects/${id}/stakeholders`, { name: 'Winkeliersvereniging', domain: 'public', kind: 'organisations', approach: 'Maandelijks overleg' })).status).toBe(201);
    expect((await service.api.event(id, { type: 'FORMALLY_SUBMITTED', submittedOn: '2026-11-20', reference: 'Z/26/0815' })).body.state).toBe('quickScan');
    const plan = await manager().put(`/api/projects/${id}/plan`, { ...EXAMPLE_PLAN, levels: { preparation: 'initiate', decisionMaking: 'initiate', execution: 'initiate', evaluation: 'initiate' }, adviceWeight: 'final', inspraak: { legallyRequired: false, form: 'a' } });
    expect(plan.body).toMatchObject({ version: 1, missingParts: [], warnings: [] });
    const scan = await manager().put(`/api/projects/${id}/quick-scan`, EXAMPLE_QUICK_SCAN);
    expect(scan.body.advice).toBe('interactive');
  });

  it('refuses inspraak form d beside a level of inspraak, and warns when form a finds no interactive level (§1.4)', async () => {
    const { body: project } = await service.api.create({ title: 'Vormen van inspraak', origin: 'municipality', politicalSensitivity: 'low' });
    await service.api.step(project.id, 'START_INTERACTIVE', 'college');
    const levels = { ...EXAMPLE_PLAN.levels, preparation: 'advise-late' };
    const contradiction = await manager().put(`/api/projects/${project.id}/plan`, { ...EXAMPLE_PLAN, levels, inspraak: { legallyRequired: false, form: 'd' } });
    expect([contradiction.status, contradiction.body.code]).toEqual([422, 'inspraak-form-contradicts-levels']);
    expect(contradiction.body.messageNl).toMatch(/vorm d/);
    const formA = await manager().put(`/api/projects/${project.id}/plan`, { ...EXAMPLE_PLAN, levels, inspraak: { legallyRequired: false, form: 'a' } });
    expect(formA.status).toBe(200);
    expect(formA.body.warnings.map((w: { code: string }) => w.code)).toContain('inspraak-form-without-interactive-level');
  });

  it('refuses a malformed file with 400, naming the fields', async () => {
    const { body: project } = await service.api.create({ title: 'Fouten', origin: 'municipality', politicalSensitivity: 'low' });
    const bad = await manager().put(`/api/projects/${project.id}/quick-scan`, { scores: { roomForInfluence: 'lots', bogus: 'much' }, greenLights: ['z'] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['greenLights', 'scores']);
    expect((await manager().put('/api/projects/00000000-0000-4000-8000-000000000000/plan', {})).status).toBe(404);
  });
});
