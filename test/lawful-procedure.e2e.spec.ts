import { EXAMPLE_QUICK_SCAN, EXAMPLE_QUICK_SCAN_NO_ROOM } from '../bench/support/example-file';
import { dutchDay, longDay } from '../machines/calendar/dutch-day';
import { addDays } from '../machines/interaction/legal-terms';
import { describeEachDatabase } from './support/databases';
import { useRunningService, type ProjectClient } from './support/project-client';
import { webSessionToken } from './support/test-app';

type Blocker = { code: string };
const codes = (body: { blockers?: Blocker[] }) => (body.blockers ?? []).map((b) => b.code);
const today = dutchDay(new Date());

/**
 * Issue 18: a trail that cannot prove a flawed procedure. Each case the lawyer found is refused
 * here, with its code and its article, over HTTP on both databases.
 */
describeEachDatabase('a procedure true in law', (createDatabase) => {
  const service = useRunningService(createDatabase, { COLLEGE_PROCEDURE_MIN_TERM_DAYS: '14', CHALLENGE_ASSESSMENT_DAYS: '21' });
  let api: ProjectClient;
  beforeAll(() => {
    api = service.api;
  });
  const as = (token: string) => api.as(token);
  const manager = () => as(api.manager);
  const trailOf = async (id: string) => (await api.audit(id)).body as Array<{ type: string; payload: Record<string, unknown> }>;
  /** The latest entry of a type: reminder jobs may append entries of their own at any moment, so never by position. */
  const lastOf = async (id: string, type: string) => (await trailOf(id)).filter((e) => e.type === type).at(-1);
  /** Decided non-interactive under the given inspraak, and through to the advice step. */
  const toAdvice = async (title: string, inspraak: Record<string, unknown>) => {
    const id = (await api.create({ title, origin: 'municipality', politicalSensitivity: 'low' })).body.id as string;
    expect((await manager().put(`/api/projects/${id}/quick-scan`, { ...EXAMPLE_QUICK_SCAN_NO_ROOM, inspraak })).status).toBe(200);
    expect((await api.decide(id, 'DECIDE_NON_INTERACTIVE', 'college')).status).toBe(201);
    expect((await api.event(id, { type: 'DECIDE_NON_INTERACTIVE' }, { fileAsIs: true })).status).toBe(200);
    await api.step(id, 'PROBLEM_DEFINED', 'college');
    await api.step(id, 'SOLUTIONS_CHOSEN', 'college');
    return id;
  };

  it('refuses an advice approved while the zienswijzen term ran, and holds one that the answers postdate (Awb art. 3:16, 6:9, 3:46)', async () => {
    const id = await toAdvice('Verkeersbesluit Kerkweg', { legallyRequired: true, form: 'e' });
    // 1 October to 11 November 2026; a letter posted within it counts until 18 November.
    const opened = await manager().post(`/api/projects/${id}/inspection`, { laidOpenOn: '2026-10-01', publishedIn: 'Gemeenteblad 2026, 60001' });
    expect(opened.body).toMatchObject({ endsOn: '2026-11-11', postalWeek: true });
    const early = await api.decide(id, 'ADVICE_SUBMITTED', 'college', { decidedOn: '2026-10-20' });
    expect([early.status, early.body.code]).toEqual([422, 'green-light-too-early']);
    expect(early.body.tooEarly).toContainEqual({ fact: 'inspection-postal-week', day: '2026-11-18', earliest: '2026-11-19', source: 'Awb art. 3:16 lid 3 with art. 6:9 lid 2' });
    expect(early.body.messageNl).toContain('artikel 3:16 lid 3 en artikel 6:9 lid 2 Awb');
    expect((await trailOf(id)).some((e) => e.type === 'decision-recorded' && e.payload.gate === 'ADVICE_SUBMITTED')).toBe(false);

    // The answers the decision rests on are not dated after today, and the decision follows them.
    const reaction = await manager().post(`/api/projects/${id}/inspection/reactions`, { receivedOn: '2026-11-05', sender: 'Fam. Visser', summary: 'Te hard rijden.' });
    const futureAnswer = await manager().post(`/api/projects/${id}/inspection/reactions/${reaction.body.id}/answer`, { answer: 'Er komen drempels.', answeredOn: '2099-01-01' });
    expect([futureAnswer.status, futureAnswer.body.code]).toEqual([422, 'answer-in-future']);
    expect((await manager().post(`/api/projects/${id}/inspection/reactions/${reaction.body.id}/answer`, { answer: 'Er komen drempels.', answeredOn: today })).status).toBe(204);
    expect((await api.decide(id, 'ADVICE_SUBMITTED', 'college')).status).toBe(201);
    expect((await api.event(id, { type: 'ADVICE_SUBMITTED' }, { fileAsIs: true })).body.state).toBe('policyCycle.decisionMaking');
  });

  it('redoes a terinzagelegging whose kennisgeving was faulty: the first withdrawn with its reason and kept, its zienswijzen carried to the new one, whose term counts', async () => {
    const id = await toAdvice('Verkeersbesluit Molenstraat', { legallyRequired: true, form: 'e' });
    expect((await manager().post(`/api/projects/${id}/inspection`, { laidOpenOn: '2026-09-03', publishedIn: 'Huis-aan-huisblad' })).status).toBe(201);
    expect((await manager().post(`/api/projects/${id}/inspection/reactions`, { receivedOn: '2026-09-08', sender: 'Fam. Kok', summary: 'Te smal.' })).status).toBe(201);
    expect((await manager().post(`/api/projects/${id}/inspection`, { laidOpenOn: '2026-09-17', publishedIn: 'Gemeenteblad 2026, 61000' })).body.code).toBe('inspection-exists');

    const noReason = await manager().post(`/api/projects/${id}/inspection/withdrawal`, {});
    expect([noReason.status, noReason.body.code]).toEqual([400, 'invalid-request']);
    const withdrawn = await manager().post(`/api/projects/${id}/inspection/withdrawal`, { reason: 'De kennisgeving stond niet in het Gemeenteblad (artikel 3:12 Awb).' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ laidOpenOn: '2026-09-03', reactions: 1, withdrawnOn: today, withdrawalReason: 'De kennisgeving stond niet in het Gemeenteblad (artikel 3:12 Awb).' });
    // Until it is laid open anew nothing stands: no zienswijze can be registered, and the step waits for an inspection.
    expect((await manager().get(`/api/projects/${id}/inspection`)).status).toBe(404);
    expect((await manager().post(`/api/projects/${id}/inspection/reactions`, { receivedOn: '2026-09-20', sender: 'Dhr. Ali', summary: 'Eens.' })).body.code).toBe('no-inspection');
    expect((await manager().post(`/api/projects/${id}/inspection/withdrawal`, { reason: 'Nog eens.' })).body.code).toBe('no-inspection');

    expect((await manager().post(`/api/projects/${id}/inspection`, { laidOpenOn: '2026-09-17', publishedIn: 'Gemeenteblad 2026, 61000' })).body).toMatchObject({ endsOn: '2026-10-28', postalWeek: true });
    const inspection = (await manager().get(`/api/projects/${id}/inspection`)).body;
    expect(inspection.reactions.map((r: { sender: string; late: boolean }) => [r.sender, r.late])).toEqual([['Fam. Kok', false]]);
    expect(inspection.withdrawn).toEqual([{ id: withdrawn.body.id, laidOpenOn: '2026-09-03', publishedIn: 'Huis-aan-huisblad', endsOn: '2026-10-14', withdrawnOn: today, withdrawalReason: 'De kennisgeving stond niet in het Gemeenteblad (artikel 3:12 Awb).' }]);
    const trail = await trailOf(id);
    expect(trail.find((e) => e.type === 'inspection-withdrawn')!.payload).toMatchObject({ inspectionId: withdrawn.body.id, reason: 'De kennisgeving stond niet in het Gemeenteblad (artikel 3:12 Awb).', reactions: 1 });
    expect(trail.filter((e) => e.type === 'inspection-opened').at(-1)!.payload).toMatchObject({ laidOpenOn: '2026-09-17', carriedOver: 1 });

    // The new term is the one the order of events reads: its postal week ends on 4 November.
    const early = await api.decide(id, 'ADVICE_SUBMITTED', 'college', { decidedOn: '2026-11-02' });
    expect(early.body.tooEarly).toContainEqual(expect.objectContaining({ fact: 'inspection-postal-week', day: '2026-11-04' }));
  });

  it('keeps the registration number each zienswijze got when it was entered; sorting by date is a choice of its own', async () => {
    const id = await toAdvice('Verkeersbesluit Lindelaan', { legallyRequired: true, form: 'e' });
    await manager().post(`/api/projects/${id}/inspection`, { laidOpenOn: '2026-09-01', publishedIn: 'Gemeenteblad 2026, 80001' });
    const first = await manager().post(`/api/projects/${id}/inspection/reactions`, { receivedOn: '2026-09-15', sender: 'Fam. Eik', summary: 'Later ontvangen, eerst ingevoerd.' });
    const second = await manager().post(`/api/projects/${id}/inspection/reactions`, { receivedOn: '2026-09-05', channel: 'letter', postedOn: '2026-09-04', sender: 'Fam. Beuk', summary: 'Eerder ontvangen, later ingevoerd.' });
    expect([first.body.number, second.body.number]).toEqual([1, 2]);
    expect(((await manager().get(`/api/projects/${id}/inspection`)).body.reactions as Array<{ number: number; sender: string }>).map((r) => [r.number, r.sender])).toEqual([[1, 'Fam. Eik'], [2, 'Fam. Beuk']]);
    const nota = (await manager().get(`/api/projects/${id}/nota-van-beantwoording?versie=intern`)).body as { reactions: Array<{ number: number; sender: string }> };
    expect(nota.reactions.map((r) => [r.number, r.sender])).toEqual([[1, 'Fam. Eik'], [2, 'Fam. Beuk']]);
    const session = `iw_session=${await webSessionToken('A. de Vries', ['process-manager'])}`;
    const byDate = (await service.t.http().get(`/projecten/${id}/inspraak?sorteer=datum`).set('cookie', session)).text;
    expect(byDate.indexOf('Zienswijze 2: Fam. Beuk')).toBeLessThan(byDate.indexOf('Zienswijze 1: Fam. Eik'));
    const byNumber = (await service.t.http().get(`/projecten/${id}/inspraak`).set('cookie', session)).text;
    expect(byNumber.indexOf('Zienswijze 1: Fam. Eik')).toBeLessThan(byNumber.indexOf('Zienswijze 2: Fam. Beuk'));
  });

  it('records the bekendmaking after the decision as the law asks, and computes the appeal term from the terinzagelegging (Awb art. 3:40–3:45, 6:7, 6:8 lid 4)', async () => {
    const id = await toAdvice('Verkeersbesluit Dorpsstraat', { legallyRequired: true, form: 'e' });
    await manager().post(`/api/projects/${id}/inspection`, { laidOpenOn: '2026-09-03', publishedIn: 'Gemeenteblad 2026, 50001' });
    const reaction = await manager().post(`/api/projects/${id}/inspection/reactions`, { receivedOn: '2026-09-10', sender: 'Fam. de Wit', summary: 'Meer oversteekplaatsen.' });
    await manager().post(`/api/projects/${id}/inspection/reactions/${reaction.body.id}/answer`, { answer: 'Er komt er één bij.', answeredOn: today });
    await api.step(id, 'ADVICE_SUBMITTED', 'college');
    const decision = (await api.decide(id, 'DECISION_TAKEN', 'college')).body as { id: string };
    expect((await api.event(id, { type: 'DECISION_TAKEN' }, { fileAsIs: true })).body.state).toBe('policyCycle.execution');
    const publish = (body: Record<string, unknown>) => manager().post(`/api/projects/${id}/decisions/${decision.id}/publication`, body);

    // Made known before it was taken, not laid open, the zienswijzen's givers not told, and an objection where only appeal lies.
    const flawed = await publish({ way: 'publication', publishedOn: addDays(today, -1), publishedIn: 'Gemeenteblad 2026, 50999', remedy: 'bezwaar' });
    expect([flawed.status, flawed.body.code]).toEqual([422, 'publication-before-decision']);
    expect(flawed.body.conflicts.map(({ code, source }: { code: string; source: string }) => ({ code, source }))).toEqual([
      { code: 'publication-before-decision', source: 'Awb art. 3:40' },
      { code: 'decision-not-laid-open', source: 'Awb art. 3:44 lid 1 onder a' },
      { code: 'reactors-not-notified', source: 'Awb art. 3:44 lid 1 onder b' },
      { code: 'no-objection-after-awb-34', source: 'Awb art. 7:1 lid 1 onder d' },
    ]);
    expect(flawed.body.messageNl).toContain('artikel 7:1 lid 1 onder d Awb');
    const future = await publish({ way: 'publication', publishedOn: addDays(today, 1), publishedIn: 'Gemeenteblad', remedy: 'beroep' });
    expect([future.status, future.body.code]).toEqual([422, 'publication-in-future']);

    const made = await publish({ way: 'publication', publishedOn: today, publishedIn: 'Gemeenteblad 2026, 51000', laidOpenOn: today, reactorsNotifiedOn: today, remedy: 'beroep' });
    expect(made.status).toBe(201);
    expect(made.body.appeal).toMatchObject({ startsOn: addDays(today, 1), nominalEnd: addDays(today, 42), source: 'Awb art. 6:7 with art. 6:8 lid 4' });
    expect(made.body.appeal.endsOn >= made.body.appeal.nominalEnd).toBe(true);
    const again = await publish({ way: 'publication', publishedOn: today, publishedIn: 'Gemeenteblad 2026, 51000', laidOpenOn: today, reactorsNotifiedOn: today, remedy: 'beroep' });
    expect([again.status, again.body.code]).toEqual([409, 'already-made-known']);

    expect((await api.get(id)).body.publications).toEqual([made.body]);
    expect(await lastOf(id, 'decision-made-known')).toMatchObject({ type: 'decision-made-known', payload: { decisionId: decision.id, remedy: 'beroep', appeal: made.body.appeal } });
    const milestones = (await manager().get(`/api/projects/${id}/milestones`)).body as Array<{ title: string; dueAt: string }>;
    expect(milestones.map((m) => m.title)).toContain(`Einde beroepstermijn (artikel 6:7 Awb) van besluit college-DECISION_TAKEN: tot en met ${longDay(made.body.appeal.endsOn, 'nl')}`);
  });

  it('computes the term to decide on an application from its receipt, and marks a decision after it late, with the term (Omgevingswet art. 16.64, Awb art. 4:13)', async () => {
    const id = (await api.create({ title: 'Dakterras Molenweg', origin: 'initiative', politicalSensitivity: 'low', permitActivity: 'dakterras' })).body.id as string;
    expect((await api.get(id)).body.decisionTerm).toBeNull();
    // Received Thursday 1 October 2026: eight weeks run from the day after, to Thursday 26 November.
    await api.event(id, { type: 'FORMALLY_SUBMITTED', submittedOn: '2026-10-01', reference: 'OLO-881' });
    expect((await api.get(id)).body.decisionTerm).toEqual({ status: 'running', startsOn: '2026-10-02', nominalEnd: '2026-11-26', endsOn: '2026-11-26', extended: false, source: 'Omgevingswet art. 16.64 lid 1', sourceNl: 'artikel 16.64 lid 1 Omgevingswet', suspendedDays: 0 });
    const milestones = (await manager().get(`/api/projects/${id}/milestones`)).body as Array<{ title: string }>;
    expect(milestones.map((m) => m.title)).toEqual(['Einde beslistermijn aanvraag (artikel 16.64 lid 1 Omgevingswet): besluiten uiterlijk donderdag 26 november 2026']);
    const overview = async () => (await service.t.http().get(`/projecten/${id}`).set('cookie', `iw_session=${await webSessionToken('A. de Vries', ['process-manager'])}`)).text;
    expect(await overview()).toContain('Beslistermijn van de aanvraag: besluiten uiterlijk op 26 november 2026 (artikel 16.64 lid 1 Omgevingswet).');

    expect((await manager().put(`/api/projects/${id}/quick-scan`, { ...EXAMPLE_QUICK_SCAN_NO_ROOM, inspraak: { legallyRequired: false, form: 'd' } })).status).toBe(200);
    await api.step(id, 'DECIDE_NON_INTERACTIVE', 'college');
    for (const own of ['PROBLEM_DEFINED', 'SOLUTIONS_CHOSEN', 'ADVICE_SUBMITTED']) expect((await api.event(id, { type: own }, { fileAsIs: true })).status).toBe(200);
    expect((await api.decide(id, 'DECISION_TAKEN', 'college')).status).toBe(201);
    expect(await lastOf(id, 'decision-recorded')).toMatchObject({ type: 'decision-recorded', payload: { gate: 'DECISION_TAKEN', decidedOn: today, late: { termEndsOn: '2026-11-26', source: 'Omgevingswet art. 16.64 lid 1' } } });
    // Decided: the term leaves the Overzicht, and the decision says it came after it.
    expect((await api.event(id, { type: 'DECISION_TAKEN' }, { fileAsIs: true })).status).toBe(200);
    expect(await overview()).not.toContain('Beslistermijn van de aanvraag');
    const decisionsPage = (await service.t.http().get(`/projecten/${id}/besluiten`).set('cookie', `iw_session=${await webSessionToken('A. de Vries', ['process-manager'])}`)).text;
    expect(decisionsPage).toContain('Dit besluit is genomen na het einde van de beslistermijn op 26 november 2026 (artikel 16.64 lid 1 Omgevingswet).');
  });

  it('refuses a step dated before the decision of the step before it (§2.4), and marks a decision recorded after its day', async () => {
    const id = (await api.create({ title: 'Speelplaats De Hoek', origin: 'municipality', politicalSensitivity: 'low' })).body.id as string;
    await api.step(id, 'START_INTERACTIVE', 'college');
    const before = await api.decide(id, 'COMMIT', 'college', { decidedOn: '2026-10-05' });
    expect([before.status, before.body.code, before.body.tooEarly.map((f: { fact: string }) => f.fact)]).toEqual([422, 'green-light-too-early', ['previous-step']]);
    // A stop may be decided at any time, and this one is recorded later than it was taken: the trail says both days.
    const stop = await api.decide(id, 'STOP', 'college', { decidedOn: '2026-10-05' });
    expect(stop.status).toBe(201);
    expect((await lastOf(id, 'decision-recorded'))!.payload).toMatchObject({ decidedOn: '2026-10-05', recordedOn: today });
  });

  it('refuses an adoption dated before the version of the plan it adopts, and the raad informed on the day of the green light it had to precede (§2.3, §2.4)', async () => {
    const id = (await api.create({ title: 'Sportpark Oost', origin: 'municipality', politicalSensitivity: 'low' })).body.id as string;
    await api.step(id, 'START_INTERACTIVE', 'college');
    await api.step(id, 'COMMIT', 'college');
    const yesterday = dutchDay(new Date(Date.now() - 86_400_000));
    await api.event(id, { type: 'ADOPT_PLAN' });
    const adoption = await api.decide(id, 'ADOPT_PLAN', 'college', { decidedOn: yesterday });
    expect([adoption.status, adoption.body.code]).toEqual([422, 'green-light-too-early']);
    expect(adoption.body.tooEarly.map((f: { fact: string }) => f.fact)).toContain('plan');
  });

  it('gives the raad an omgevingsplan whatever its sensitivity, refusing the college’s green light and a plan that hands it over (Omgevingswet art. 2.4)', async () => {
    const handedOver = await api.create({ title: 'Omgevingsplan Centrum', origin: 'municipality', politicalSensitivity: 'low', decisionKind: 'omgevingsplan', gateBodies: { DECISION_TAKEN: 'college' } });
    expect([handedOver.status, handedOver.body.code]).toEqual([422, 'body-not-competent']);
    const { body: project } = await api.create({ title: 'Omgevingsplan Centrum', origin: 'municipality', politicalSensitivity: 'low', decisionKind: 'omgevingsplan' });
    expect(project.decisionKind).toBe('omgevingsplan');
    const scan = await manager().put(`/api/projects/${project.id}/quick-scan`, { ...EXAMPLE_QUICK_SCAN_NO_ROOM, inspraak: { legallyRequired: true, form: 'e' } });
    expect(scan.status).toBe(200);
    expect((await api.decide(project.id, 'DECIDE_NON_INTERACTIVE', 'college')).status).toBe(201);
    expect((await api.event(project.id, { type: 'DECIDE_NON_INTERACTIVE' }, { fileAsIs: true })).status).toBe(200);
    const refused = await api.decide(project.id, 'DECISION_TAKEN', 'college');
    expect([refused.status, refused.body.code, refused.body.source]).toEqual([422, 'body-not-competent', 'Omgevingswet art. 2.4']);
    const current = (await api.get(project.id)).body;
    expect(current.nextSteps.find((s: { event: string }) => s.event === 'PROBLEM_DEFINED').requiredBody).toBe('college');
    // Form f cannot deviate from the procedure the Omgevingswet imposes (art. 16.30 lid 1).
    const formF = await manager().put(`/api/projects/${project.id}/quick-scan`, { ...EXAMPLE_QUICK_SCAN_NO_ROOM, inspraak: { legallyRequired: true, form: 'f' } });
    expect([formF.status, formF.body.code]).toEqual([422, 'inspraak-form-against-statute']);
    expect(formF.body.messageNl).toContain('artikel 16.30 lid 1');
  });

  it('holds the inspraak terms to the law: a floor under form f, a longer statutory term with its source, the postal week under form b', async () => {
    const formF = await toAdvice('Parkeerregels', { legallyRequired: true, form: 'f' });
    const oneDay = await manager().post(`/api/projects/${formF}/inspection`, { laidOpenOn: '2026-11-02', publishedIn: 'Gemeenteblad 2026, 1', termDays: 1, procedureReference: 'B&W 2026/12' });
    expect([oneDay.status, oneDay.body.code, oneDay.body.minimumDays]).toEqual([422, 'procedure-term-too-short', 14]);
    expect((await manager().post(`/api/projects/${formF}/inspection`, { laidOpenOn: '2026-11-02', publishedIn: 'Gemeenteblad 2026, 1', termDays: 14, procedureReference: 'B&W 2026/12' })).body).toMatchObject({ termDays: 14, postalWeek: false });

    const longer = await toAdvice('Bestemming haven', { legallyRequired: true, form: 'e' });
    const noSource = await manager().post(`/api/projects/${longer}/inspection`, { laidOpenOn: '2026-09-01', publishedIn: 'Gemeenteblad 2026, 2', termDays: 56 });
    expect([noSource.status, noSource.body.code]).toEqual([422, 'term-source-required']);
    const shorter = await manager().post(`/api/projects/${longer}/inspection`, { laidOpenOn: '2026-09-01', publishedIn: 'Gemeenteblad 2026, 2', termDays: 28, termSource: 'Verordening 2020' });
    expect([shorter.status, shorter.body.code]).toEqual([422, 'term-too-short']);
    const eightWeeks = await manager().post(`/api/projects/${longer}/inspection`, { laidOpenOn: '2026-09-01', publishedIn: 'Gemeenteblad 2026, 2', termDays: 56, termSource: 'Havenverordening 2019, artikel 4' });
    expect(eightWeeks.body).toMatchObject({ termDays: 56, termSource: 'Havenverordening 2019, artikel 4', endsOn: '2026-10-26', postalWeek: true });

    const formB = await toAdvice('Inspraak speeltuin', { legallyRequired: false, form: 'b' });
    const ordinance = await manager().post(`/api/projects/${formB}/inspection`, { laidOpenOn: '2026-09-01', publishedIn: 'Gemeenteblad 2026, 3' });
    expect(ordinance.body).toMatchObject({ procedure: 'ordinance', postalWeek: true });
    const letter = await manager().post(`/api/projects/${formB}/inspection/reactions`, { receivedOn: addDays(ordinance.body.endsOn, 3), channel: 'letter', postedOn: ordinance.body.endsOn, sender: 'Fam. Smit', summary: 'Meer schaduw.' });
    expect(letter.body.late).toBe(false);
    // The oral zienswijze's report is art. 3:17 Awb.
    const oral = await manager().post(`/api/projects/${formB}/inspection/reactions`, { receivedOn: '2026-09-10', channel: 'oral', sender: 'Dhr. Bos', summary: 'Mondeling.' });
    expect(oral.body.message).toContain('art. 3:17 Awb');
  });

  it('refuses level "none" beside a legal duty of inspraak, naming both, and shows the level that holds during the terinzagelegging (§1.1, §1.3, §1.4)', async () => {
    const id = (await api.create({ title: 'Verkeersbesluit zonder rol', origin: 'municipality', politicalSensitivity: 'low' })).body.id as string;
    const none = await manager().put(`/api/projects/${id}/quick-scan`, { ...EXAMPLE_QUICK_SCAN_NO_ROOM, inspraak: { legallyRequired: true, form: 'e' }, levelWithoutInteraction: 'none' });
    expect([none.status, none.body.code]).toEqual([422, 'level-contradicts-inspraak-duty']);
    expect(none.body.messageNl).toContain('Inspraakvorm e');
    expect(none.body.messageNl).toContain('Geen rol');
    expect((await manager().put(`/api/projects/${id}/quick-scan`, { ...EXAMPLE_QUICK_SCAN_NO_ROOM, inspraak: { legallyRequired: true, form: 'e' }, levelWithoutInteraction: 'inform' })).status).toBe(200);
    // Before the route is decided the project has no level yet; once it goes ahead without interaction (and so without a plan), its phases have the scan's.
    expect((await api.get(id)).body.levels.map((l: { level: string | null }) => l.level)).toEqual([null, null, null, null]);
    expect((await api.decide(id, 'DECIDE_NON_INTERACTIVE', 'college')).status).toBe(201);
    expect((await api.event(id, { type: 'DECIDE_NON_INTERACTIVE' }, { fileAsIs: true })).status).toBe(200);
    expect((await manager().post(`/api/projects/${id}/inspection`, { laidOpenOn: today, publishedIn: 'Gemeenteblad 2026, 70001' })).status).toBe(201);
    const { body: project } = await api.get(id);
    expect(project.levels.map((l: { phase: string; level: string | null }) => [l.phase, l.level])).toEqual([['preparation', 'inform'], ['decisionMaking', 'inform'], ['execution', 'inform'], ['evaluation', 'inform']]);
    // Silence counts while residents may react, and the public page says what they may expect during the terinzagelegging.
    expect(project.silence.status).not.toBeNull();
    const slug = (await manager().patch(`/api/projects/${id}`, { public: true })).body.slug as string;
    const page = await service.t.http().get(`/openbaar/${slug}`);
    expect(page.text).toContain('Het plan (het ontwerpbesluit) ligt sinds');
    expect(page.text).toContain('Reageer online');
    expect(page.text).toContain('Beleidsvoorbereiding: informeren');
  });

  it('ends a challenge the college did not honour, and marks an assessment after its term late with the term (uitdaagrecht)', async () => {
    const id = (await api.create({ title: 'Beheer buurthuis', origin: 'initiative', initiativeKind: 'challenge', politicalSensitivity: 'low' })).body.id as string;
    expect((await api.event(id, { type: 'FORMALLY_SUBMITTED', submittedOn: '2026-10-01', reference: 'UD-2026-9' })).status).toBe(200);
    expect((await manager().put(`/api/projects/${id}/quick-scan`, EXAMPLE_QUICK_SCAN)).status).toBe(200);
    // Due on 22 October (21 days); assessed five weeks later.
    const assessed = await as(api.collegeSecretary).put(`/api/projects/${id}/challenge-assessment`, {
      assessedOn: '2026-11-26',
      body: 'college',
      reference: 'B&W 2026/480',
      conclusion: 'not-honoured',
      reasons: 'De continuïteit van het beheer is niet verzekerd.',
      criteria: [{ criterion: 'continuiteit', met: false, explanation: 'Geen tweede beheerder.' }, { criterion: 'draagvlak', met: true }],
    });
    expect([assessed.status, assessed.body.dueOn, assessed.body.late]).toEqual([200, '2026-10-22', true]);
    expect(await lastOf(id, 'challenge-assessed')).toMatchObject({ type: 'challenge-assessed', payload: { late: true, dueOn: '2026-10-22', body: 'college', reference: 'B&W 2026/480' } });
    expect((await api.decide(id, 'START_INTERACTIVE', 'college', { justification: 'Toch doen.' })).status).toBe(201);
    expect(codes((await api.event(id, { type: 'START_INTERACTIVE' }, { fileAsIs: true })).body)).toEqual(['challenge-not-honoured']);
    // It ends with the reasons sent to the challenger (Awb art. 3:41, 3:46), not before.
    expect((await api.decide(id, 'STOP', 'college')).status).toBe(201);
    expect(codes((await api.event(id, { type: 'STOP', reason: 'Uitdaging niet gehonoreerd.' })).body)).toEqual(['challenger-not-informed']);
    const early = await manager().post(`/api/projects/${id}/challenge-assessment/notice`, { sentOn: '2026-11-20' });
    expect([early.status, early.body.code]).toEqual([422, 'notice-before-assessment']);
    const notice = await as(api.collegeSecretary).post(`/api/projects/${id}/challenge-assessment/notice`, { sentOn: '2026-11-27' });
    expect([notice.status, notice.body.challengerInformedOn, notice.body.conclusion]).toEqual([200, '2026-11-27', 'not-honoured']);
    expect(await lastOf(id, 'challenger-informed')).toMatchObject({ type: 'challenger-informed', payload: { sentOn: '2026-11-27', conclusion: 'not-honoured' } });
    expect((await api.event(id, { type: 'STOP', reason: 'Uitdaging niet gehonoreerd.' })).body.state).toBe('stopped');
  });

  it('takes up a challenge the college honoured by an agreement with its term, and only then into execution (uitdaagrecht)', async () => {
    const id = (await api.create({ title: 'Beheer speeltuin De Linde', origin: 'initiative', initiativeKind: 'challenge', politicalSensitivity: 'low' })).body.id as string;
    expect((await api.event(id, { type: 'FORMALLY_SUBMITTED', submittedOn: '2026-10-01', reference: 'UD-2026-12' })).status).toBe(200);
    const agreement = { concludedOn: '2026-10-20', reference: 'OVK 2026/17', task: 'Beheer en onderhoud van de speeltuin', startsOn: '2027-01-01', endsOn: '2028-12-31' };
    const tooSoon = await manager().put(`/api/projects/${id}/challenge-agreement`, agreement);
    expect([tooSoon.status, tooSoon.body.code]).toEqual([409, 'challenge-not-honoured']);
    const assessed = await as(api.collegeSecretary).put(`/api/projects/${id}/challenge-assessment`, { assessedOn: '2026-10-15', body: 'college', reference: 'B&W 2026/433', conclusion: 'honoured', reasons: 'Voldoet aan de criteria.', criteria: [{ criterion: 'draagvlak', met: true }] });
    expect(assessed.status).toBe(200);
    for (const gate of ['START_INTERACTIVE', 'COMMIT', 'ADOPT_PLAN']) await api.step(id, gate, 'college');
    // The initiator's own steps take no green light (§1.1).
    for (const own of ['PROBLEM_DEFINED', 'SOLUTIONS_CHOSEN', 'ADVICE_SUBMITTED']) expect((await api.event(id, { type: own })).status).toBe(200);
    expect((await api.decide(id, 'DECISION_TAKEN', 'college')).status).toBe(201);
    expect(codes((await api.event(id, { type: 'DECISION_TAKEN' })).body)).toEqual(['challenge-agreement-missing']);

    const backwards = await manager().put(`/api/projects/${id}/challenge-agreement`, { ...agreement, endsOn: '2026-12-31' });
    expect([backwards.status, backwards.body.code]).toEqual([422, 'agreement-term-invalid']);
    const beforeAssessment = await manager().put(`/api/projects/${id}/challenge-agreement`, { ...agreement, concludedOn: '2026-10-10' });
    expect([beforeAssessment.status, beforeAssessment.body.code]).toEqual([422, 'agreement-before-assessment']);
    const saved = await manager().put(`/api/projects/${id}/challenge-agreement`, agreement);
    expect([saved.status, saved.body]).toEqual([200, { ...agreement, version: 1 }]);
    expect((await manager().get(`/api/projects/${id}/challenge-agreement`)).body.data).toEqual(agreement);
    const milestones = (await manager().get(`/api/projects/${id}/milestones`)).body as Array<{ title: string; remindDaysBefore: number }>;
    expect(milestones.find((m) => m.title.startsWith('Einde overeenkomst uitdaagrecht'))).toMatchObject({ title: 'Einde overeenkomst uitdaagrecht OVK 2026/17: zondag 31 december 2028; evalueer de uitvoering', remindDaysBefore: 30 });
    expect((await api.event(id, { type: 'DECISION_TAKEN' })).body.state).toBe('policyCycle.execution');
  });
});
