import { EXAMPLE_PLAN, EXAMPLE_QUICK_SCAN, EXAMPLE_QUICK_SCAN_NO_ROOM } from '../bench/support/example-file';
import { describeEachDatabase, type TestDatabase } from './support/databases';
import { ProjectClient } from './support/project-client';
import { startTestApp, type TestApp } from './support/test-app';

type Blocker = { code: string };
const codes = (body: { blockers?: Blocker[] }) => (body.blockers ?? []).map((b) => b.code);

/**
 * The rules of issue 10 that live in the service, over HTTP, on both databases: the inspraak
 * settled where the route is decided and enforced on both routes (§1.4, afdeling 3.4 Awb), the
 * procedures of forms b and f, and the silence clock following the planned levels (§1.3).
 */
describeEachDatabase('the guide and the law over HTTP', (createDatabase) => {
  let database: TestDatabase;
  let t: TestApp;
  let api: ProjectClient;
  beforeAll(async () => {
    database = await createDatabase();
    // The municipality's inspraakverordening gives 30 days here (form b), and sets the postal week aside.
    // The raad made participation mandatory for one activity (Omgevingswet art. 16.55 lid 7); challenges are assessed within 21 days.
    t = await startTestApp(database, { INSPRAAK_TERM_DAYS: '30', INSPRAAK_POSTAL_WEEK: 'off', MANDATORY_PARTICIPATION_ACTIVITIES: 'bouwactiviteit-omgevingsplan, kappen', MANDATORY_PARTICIPATION_DECISION: 'Raadsbesluit 2024/31', MANDATORY_PARTICIPATION_SINCE: '2024-07-01', CHALLENGE_ASSESSMENT_DAYS: '21' });
    api = await ProjectClient.for(t);
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  const as = (token: string) => ({
    put: (path: string, body: unknown) => t.http().put(path).set('authorization', `Bearer ${token}`).send(body as object),
    post: (path: string, body: unknown) => t.http().post(path).set('authorization', `Bearer ${token}`).send(body as object),
    patch: (path: string, body: unknown) => t.http().patch(path).set('authorization', `Bearer ${token}`).send(body as object),
    get: (path: string) => t.http().get(path).set('authorization', `Bearer ${token}`),
  });
  const manager = () => as(api.manager);
  const decideAndMove = async (id: string, event: string) => {
    expect((await api.decide(id, event, 'college')).status).toBe(201);
    return api.event(id, { type: event }, { fileAsIs: true });
  };
  const newProject = async (title: string) => (await api.create({ title, origin: 'municipality', politicalSensitivity: 'low' })).body.id as string;
  /** Decided non-interactive with the given inspraak, and through to the advice step. */
  const nonInteractiveToAdvice = async (title: string, inspraak: Record<string, unknown>) => {
    const id = await newProject(title);
    expect((await manager().put(`/api/projects/${id}/quick-scan`, { ...EXAMPLE_QUICK_SCAN_NO_ROOM, inspraak })).status).toBe(200);
    expect((await decideAndMove(id, 'DECIDE_NON_INTERACTIVE')).status).toBe(200);
    await api.step(id, 'PROBLEM_DEFINED', 'college');
    await api.step(id, 'SOLUTIONS_CHOSEN', 'college');
    return id;
  };

  it('settles the inspraak with the quick scan when deciding non-interactive, and holds that route to afdeling 3.4 Awb (form e)', async () => {
    const id = await newProject('Verkeersbesluit Stationsweg');
    const scan = (inspraak: unknown) => manager().put(`/api/projects/${id}/quick-scan`, { ...EXAMPLE_QUICK_SCAN_NO_ROOM, inspraak });

    const noDuty = await scan({ form: 'd' });
    expect(noDuty.body).toMatchObject({ complete: false, missing: ['inspraak.legallyRequired'] });
    expect(codes((await decideAndMove(id, 'DECIDE_NON_INTERACTIVE')).body)).toEqual(['quick-scan-incomplete', 'inspraak-form-missing']);

    expect((await scan({ legallyRequired: true })).body.complete).toBe(true);
    expect(codes((await api.event(id, { type: 'DECIDE_NON_INTERACTIVE' }, { fileAsIs: true })).body)).toEqual(['inspraak-form-missing']);
    expect((await scan({ legallyRequired: false, form: 'a' })).status).toBe(200);
    expect(codes((await api.event(id, { type: 'DECIDE_NON_INTERACTIVE' }, { fileAsIs: true })).body)).toEqual(['inspraak-form-interactive']);
    const notOnOffer = await scan({ legallyRequired: true, form: 'c' });
    expect(notOnOffer.status).toBe(422);
    expect(notOnOffer.body.code).toBe('inspraak-form-not-allowed');

    expect((await scan({ legallyRequired: true, form: 'e' })).status).toBe(200);
    expect((await api.event(id, { type: 'DECIDE_NON_INTERACTIVE' }, { fileAsIs: true })).body.state).toBe('policyCycle.preparation.problemDefinition');
    await api.step(id, 'PROBLEM_DEFINED', 'college');
    await api.step(id, 'SOLUTIONS_CHOSEN', 'college');

    // No plan of approach, yet the draft must lie open: the duty came with the route.
    expect(codes((await decideAndMove(id, 'ADVICE_SUBMITTED')).body)).toEqual(['inspection-missing']);
    const opened = await manager().post(`/api/projects/${id}/inspection`, { laidOpenOn: '2026-09-01', publishedIn: 'Gemeenteblad 2026, 40001' });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ procedure: 'awb-3.4', termDays: 42, endsOn: '2026-10-12' });
    // Posted on the last day, received within the week after: on time (art. 3:16 lid 3 with 6:9 lid 2 Awb).
    const letter = await manager().post(`/api/projects/${id}/inspection/reactions`, { receivedOn: '2026-10-16', channel: 'letter', postedOn: '2026-10-12', sender: 'Fam. De Boer', summary: 'Te weinig parkeerplaatsen.' });
    expect(letter.body.late).toBe(false);
    expect(codes((await api.event(id, { type: 'ADVICE_SUBMITTED' }, { fileAsIs: true })).body)).toEqual(['reactions-unanswered']);
    expect((await manager().post(`/api/projects/${id}/inspection/reactions/${letter.body.id}/answer`, { answer: 'Er komen tien plaatsen bij.', answeredOn: '2026-10-20' })).status).toBe(204);
    expect((await api.event(id, { type: 'ADVICE_SUBMITTED' }, { fileAsIs: true })).body.state).toBe('policyCycle.decisionMaking');
  });

  it('follows the inspraakverordening under form b: its own term, and no postal week where the ordinance says so (Gemeentewet art. 150 lid 2)', async () => {
    const id = await nonInteractiveToAdvice('Cultuurnota', { legallyRequired: false, form: 'b' });
    const fixed = await manager().post(`/api/projects/${id}/inspection`, { laidOpenOn: '2026-09-01', publishedIn: 'Gemeenteblad 2026, 40002', termDays: 10 });
    expect(fixed.status).toBe(422);
    expect(fixed.body.code).toBe('term-fixed');
    const opened = await manager().post(`/api/projects/${id}/inspection`, { laidOpenOn: '2026-09-01', publishedIn: 'Gemeenteblad 2026, 40002' });
    expect(opened.body).toMatchObject({ procedure: 'ordinance', termDays: 30, endsOn: '2026-09-30' });
    const letter = await manager().post(`/api/projects/${id}/inspection/reactions`, { receivedOn: '2026-10-02', channel: 'letter', postedOn: '2026-09-29', sender: 'Toneelvereniging', summary: 'Meer geld voor amateurkunst.' });
    expect(letter.body.late).toBe(true);
  });

  it('follows the college’s own procedure under form f: its term and the collegebesluit that set it are required', async () => {
    const id = await nonInteractiveToAdvice('Standplaatsenbeleid', { legallyRequired: true, form: 'f' });
    const bare = await manager().post(`/api/projects/${id}/inspection`, { laidOpenOn: '2026-09-01', publishedIn: 'Gemeenteblad 2026, 40003' });
    expect(bare.status).toBe(422);
    expect(bare.body.code).toBe('procedure-term-required');
    const opened = await manager().post(`/api/projects/${id}/inspection`, { laidOpenOn: '2026-09-01', publishedIn: 'Gemeenteblad 2026, 40003', termDays: 28, procedureReference: 'Collegebesluit 2026/88' });
    expect(opened.body).toMatchObject({ procedure: 'college-procedure', termDays: 28, endsOn: '2026-09-28', procedureReference: 'Collegebesluit 2026/88' });
    const trail = (await api.audit(id)).body as Array<{ type: string; payload: Record<string, unknown> }>;
    expect(trail.find((e) => e.type === 'inspection-opened')!.payload).toMatchObject({ procedure: 'college-procedure', termDays: 28, procedureReference: 'Collegebesluit 2026/88' });
  });

  it('lays nothing open under form d on either route', async () => {
    const id = await nonInteractiveToAdvice('Nieuw postsysteem', { legallyRequired: false, form: 'd' });
    const refused = await manager().post(`/api/projects/${id}/inspection`, { laidOpenOn: '2026-09-01', publishedIn: 'Gemeenteblad 2026, 40004' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('inspection-not-applicable');
  });

  it('carries the quick scan’s inspraak into the plan, and refuses a plan that denies the legal duty', async () => {
    const id = await newProject('Omgevingsvisie');
    expect((await manager().put(`/api/projects/${id}/quick-scan`, { ...EXAMPLE_QUICK_SCAN, inspraak: { legallyRequired: true, form: 'e' } })).status).toBe(200);
    expect((await decideAndMove(id, 'START_INTERACTIVE')).status).toBe(200);
    const { inspraak: _dropped, ...planWithoutInspraak } = EXAMPLE_PLAN;
    expect((await manager().put(`/api/projects/${id}/plan`, planWithoutInspraak)).status).toBe(200);
    expect((await manager().get(`/api/projects/${id}/plan`)).body.data.inspraak).toEqual({ legallyRequired: true, form: 'e' });
    const denied = await manager().put(`/api/projects/${id}/plan`, EXAMPLE_PLAN);
    expect(denied.status).toBe(422);
    expect(denied.body.code).toBe('inspraak-duty-differs');
  });

  it('counts no silence for a project without interaction at level none, until its owner switches counting on (§1.3)', async () => {
    const id = await newProject('Aanschaf postregistratiesysteem');
    expect((await manager().put(`/api/projects/${id}/quick-scan`, { ...EXAMPLE_QUICK_SCAN_NO_ROOM, levelWithoutInteraction: 'none' })).status).toBe(200);
    const decided = await decideAndMove(id, 'DECIDE_NON_INTERACTIVE');
    expect(decided.body.silence).toMatchObject({ silentSince: null, status: null, countedAlways: false });

    const switched = await manager().patch(`/api/projects/${id}`, { silenceAlways: true });
    expect(switched.status).toBe(200);
    expect(switched.body.silence.countedAlways).toBe(true);
    expect(switched.body.silence.silentSince).not.toBeNull();
    expect(switched.body.silence.status).toBe('ok');
    const off = await manager().patch(`/api/projects/${id}`, { silenceAlways: false });
    expect(off.body.silence).toMatchObject({ silentSince: null, status: null });
  });

  it('starts the silence clock only in the phase where the plan starts interaction (§1.3)', async () => {
    const id = await newProject('Herinrichting speeltuin');
    expect((await decideAndMove(id, 'START_INTERACTIVE')).status).toBe(409); // no quick scan yet
    expect((await manager().put(`/api/projects/${id}/quick-scan`, EXAMPLE_QUICK_SCAN)).status).toBe(200);
    expect((await api.event(id, { type: 'START_INTERACTIVE' }, { fileAsIs: true })).body.silence.silentSince).not.toBeNull();
    await api.step(id, 'COMMIT', 'college');
    const lateStart = { ...EXAMPLE_PLAN, levels: { preparation: 'none', decisionMaking: 'none', execution: 'inform', evaluation: 'inform' } };
    expect((await manager().put(`/api/projects/${id}/plan`, lateStart)).status).toBe(200);
    expect((await decideAndMove(id, 'ADOPT_PLAN')).body.silence).toMatchObject({ silentSince: null, status: null });
    // Changing the adopted plan so preparation informs starts the clock at once, and the trail says so.
    const changed = await manager().put(`/api/projects/${id}/plan`, { ...lateStart, levels: { ...lateStart.levels, preparation: 'inform' }, changeReason: 'De buurt vroeg om informatie.' });
    expect(changed.status).toBe(200);
    expect((await api.get(id)).body.silence.silentSince).not.toBeNull();
    const trail = (await api.audit(id)).body as Array<{ type: string; payload: Record<string, unknown> }>;
    expect(trail.filter((e) => e.type === 'plan-saved').at(-1)!.payload.silenceCounted).toBe(true);
  });

  it('lets the initiator take its own steps, and asks green lights only for what the municipality decides (§1.1, §1.2)', async () => {
    const { body: project } = await api.create({ title: 'Buurtmoestuin', origin: 'initiative', politicalSensitivity: 'low' });
    expect(project.initiativeKind).toBe('initiative');
    expect((await api.event(project.id, { type: 'FORMALLY_SUBMITTED', submittedOn: '2026-11-02', reference: 'Z-2026-1' })).status).toBe(200);
    await api.step(project.id, 'START_INTERACTIVE', 'college');
    await api.step(project.id, 'COMMIT', 'college');
    const adopted = await api.step(project.id, 'ADOPT_PLAN', 'college');
    expect(adopted.nextSteps.find((s: { event: string }) => s.event === 'PROBLEM_DEFINED')).toMatchObject({ requiredBody: null, allowed: true });
    const refused = await api.decide(project.id, 'PROBLEM_DEFINED', 'college');
    expect([refused.status, refused.body.code]).toEqual([422, 'no-green-light-needed']);
    const own = await api.event(project.id, { type: 'PROBLEM_DEFINED' });
    expect(own.body.state).toBe('policyCycle.preparation.solutionDirections');
    const trail = (await api.audit(project.id)).body as Array<{ type: string; payload: Record<string, unknown> }>;
    expect(trail.at(-1)).toMatchObject({ type: 'transition', payload: { event: 'PROBLEM_DEFINED' } });
    expect(trail.at(-1)!.payload.greenLight).toBeUndefined();
  });

  it('takes a challenge (uitdaagrecht) in, reminds its owner of the assessment term, and decides only after the assessment', async () => {
    const { body: project } = await api.create({ title: 'Onderhoud groen Dorpsstraat', origin: 'initiative', initiativeKind: 'challenge', politicalSensitivity: 'low', ownerEmail: 'owner@gemeente.example' });
    expect(project.initiativeKind).toBe('challenge');
    expect((await api.event(project.id, { type: 'FORMALLY_SUBMITTED', submittedOn: '2026-11-02', reference: 'UD-2026-7' })).status).toBe(200);
    const milestones = (await manager().get(`/api/projects/${project.id}/milestones`)).body as Array<{ title: string; dueAt: string }>;
    // 21 days after 2 November: Monday 23 November, due at the end of that Dutch day.
    expect(milestones).toEqual([expect.objectContaining({ title: 'Uitdaging beoordelen (uitdaagrecht): uiterlijk maandag 23 november 2026', dueAt: '2026-11-23T23:00:00.000Z' })]);

    expect((await manager().put(`/api/projects/${project.id}/quick-scan`, EXAMPLE_QUICK_SCAN)).status).toBe(200);
    expect(codes((await decideAndMove(project.id, 'START_INTERACTIVE')).body)).toEqual(['challenge-assessment-missing']);
    // The assessment is the college's decision (issue 18), recorded by its office, on the municipality's criteria.
    const secretary = as(api.collegeSecretary);
    const assessment = { assessedOn: '2026-11-20', body: 'college', reference: 'B&W 2026/431', conclusion: 'honoured', reasons: 'De bewoners kunnen het onderhoud aan; de kosten blijven gelijk.', criteria: [{ criterion: 'draagvlak', met: true }, { criterion: 'kosten', met: true }] };
    const byManager = await manager().put(`/api/projects/${project.id}/challenge-assessment`, assessment);
    expect(byManager.status).toBe(403);
    const future = await secretary.put(`/api/projects/${project.id}/challenge-assessment`, { ...assessment, assessedOn: '2099-01-01' });
    expect([future.status, future.body.code]).toEqual([422, 'assessment-in-future']);
    const assessed = await secretary.put(`/api/projects/${project.id}/challenge-assessment`, assessment);
    expect([assessed.status, assessed.body.dueOn, assessed.body.late]).toEqual([200, '2026-11-23', false]);
    expect((await api.event(project.id, { type: 'START_INTERACTIVE' }, { fileAsIs: true })).body.state).toBe('formalCommitment');
    expect((await manager().get(`/api/projects/${project.id}/challenge-assessment`)).body.data).toMatchObject({ conclusion: 'honoured', body: 'college', reference: 'B&W 2026/431' });

    const own = (await api.create({ title: 'Gewoon initiatief', origin: 'initiative', politicalSensitivity: 'low' })).body.id;
    await api.event(own, { type: 'FORMALLY_SUBMITTED', submittedOn: '2026-11-02', reference: 'Z-2' });
    const notChallenge = await as(api.collegeSecretary).put(`/api/projects/${own}/challenge-assessment`, { assessedOn: '2026-11-20', body: 'college', reference: 'x', conclusion: 'honoured', reasons: 'x', criteria: [{ criterion: 'kwaliteit', met: true }] });
    expect([notChallenge.status, notChallenge.body.code]).toEqual([409, 'not-a-challenge']);
  });

  it('receives an application without the account the raad made mandatory, and decides on it only once the account is there (Omgevingswet art. 16.55 lid 7, Awb art. 4:5)', async () => {
    const { body: project } = await api.create({ title: 'Appartementen Kerkstraat', origin: 'initiative', politicalSensitivity: 'high', permitActivity: 'bouwactiviteit-omgevingsplan' });
    expect(project.permitActivity).toBe('bouwactiviteit-omgevingsplan');
    // Issue 18: its day of receipt is not lost; the hersteltermijn starts, with a reminder to the owner.
    const received = await api.event(project.id, { type: 'FORMALLY_SUBMITTED', submittedOn: '2026-11-02', reference: 'OLO-123' });
    expect(received.body.state).toBe('quickScan');
    const trail = (await api.audit(project.id)).body as Array<{ type: string; payload: Record<string, unknown> }>;
    expect(trail.find((e) => e.type === 'submission-recorded')!.payload).toMatchObject({ submission: { submittedOn: '2026-11-02' }, participationMandatory: { decision: 'Raadsbesluit 2024/31', accountMissing: ['tookPlace', 'how', 'results'] } });
    const milestones = (await manager().get(`/api/projects/${project.id}/milestones`)).body as Array<{ title: string }>;
    // Recorded after the hersteltermijn passed unused: the decision term ran again from then (Awb art. 4:15 lid 1 onder a), 14 days on.
    expect(milestones.map((m) => m.title)).toEqual([
      'Aanvraag laten aanvullen (artikel 4:5 Awb): participatieverslag van de aanvrager uiterlijk maandag 16 november 2026',
      'Einde beslistermijn aanvraag (artikel 16.64 lid 1 Omgevingswet): besluiten uiterlijk maandag 11 januari 2027',
    ]);

    expect((await manager().put(`/api/projects/${project.id}/quick-scan`, EXAMPLE_QUICK_SCAN)).status).toBe(200);
    expect((await api.decide(project.id, 'START_INTERACTIVE', 'raad')).status).toBe(201);
    expect(codes((await api.event(project.id, { type: 'START_INTERACTIVE' }, { fileAsIs: true })).body)).toEqual(['participation-account-missing']);
    const partial = await manager().put(`/api/projects/${project.id}/applicant-account`, { tookPlace: false, how: 'Niet gedaan.' });
    expect(partial.body.missing).toEqual(['tookPlace', 'results']);
    expect(codes((await api.event(project.id, { type: 'START_INTERACTIVE' }, { fileAsIs: true })).body)).toEqual(['participation-account-missing']);
    // The account came in on 10 November, within the hersteltermijn: the term was suspended eight days, not fourteen.
    expect((await manager().put(`/api/projects/${project.id}/applicant-account`, { tookPlace: true, how: 'Twee avonden met de buren.', results: 'Eén verdieping minder.', receivedOn: '2026-11-10' })).body.missing).toEqual([]);
    expect((await api.get(project.id)).body.decisionTerm).toMatchObject({ status: 'running', startsOn: '2026-11-11', endsOn: '2027-01-05', suspendedDays: 8, source: 'Omgevingswet art. 16.64 lid 1, suspended under Awb art. 4:15 lid 1 onder a', sourceNl: 'artikel 16.64 lid 1 Omgevingswet, opgeschort volgens artikel 4:15 lid 1 onder a Awb' });
    expect(((await manager().get(`/api/projects/${project.id}/milestones`)).body as Array<{ title: string }>).map((m) => m.title)).toContain('Einde beslistermijn aanvraag (artikel 16.64 lid 1 Omgevingswet): besluiten uiterlijk dinsdag 5 januari 2027');
    expect((await api.event(project.id, { type: 'START_INTERACTIVE' }, { fileAsIs: true })).body.state).toBe('formalCommitment');

    const elsewhere = (await api.create({ title: 'Dakkapel', origin: 'initiative', politicalSensitivity: 'low', permitActivity: 'dakkapel' })).body.id;
    expect((await api.event(elsewhere, { type: 'FORMALLY_SUBMITTED', submittedOn: '2026-11-02', reference: 'OLO-124' })).body.state).toBe('quickScan');
    const own = await api.create({ title: 'Eigen project', origin: 'municipality', politicalSensitivity: 'low', permitActivity: 'kappen' });
    expect([own.status, own.body.code]).toEqual([422, 'initiative-fields-without-initiative']);
  });

  it('informs the raad where the plan asks it: before a green light, or instead of a decision (§2.4)', async () => {
    const id = await newProject('Sportaccommodaties');
    await api.step(id, 'START_INTERACTIVE', 'college');
    await api.step(id, 'COMMIT', 'college');
    const plan = { ...EXAMPLE_PLAN, process: { ...EXAMPLE_PLAN.process, raadInforming: { PROBLEM_DEFINED: 'instead', SOLUTIONS_CHOSEN: 'before' } } };
    expect((await manager().put(`/api/projects/${id}/plan`, plan)).status).toBe(200);
    expect((await decideAndMove(id, 'ADOPT_PLAN')).status).toBe(200);
    const clerk = as(api.councilClerk);

    expect(codes((await api.event(id, { type: 'PROBLEM_DEFINED' })).body)).toEqual(['raad-not-informed']);
    expect((await api.decide(id, 'PROBLEM_DEFINED', 'college')).body.code).toBe('no-green-light-needed');
    const treated = await clerk.post(`/api/projects/${id}/raad-information`, { gate: 'PROBLEM_DEFINED', kind: 'commissie', date: '2026-11-10', reference: 'Commissie Samenleving, agendapunt 6' });
    expect(treated.status).toBe(201);
    expect(treated.body).toMatchObject({ cycle: 1, version: 1 });
    expect((await api.event(id, { type: 'PROBLEM_DEFINED' })).body.state).toBe('policyCycle.preparation.solutionDirections');

    expect(codes((await decideAndMove(id, 'SOLUTIONS_CHOSEN')).body)).toEqual(['raad-not-informed']);
    expect((await clerk.post(`/api/projects/${id}/raad-information`, { gate: 'SOLUTIONS_CHOSEN', kind: 'raadsinformatiebrief', date: '2026-11-12', reference: 'RIB 2026-041' })).status).toBe(201);
    expect((await api.event(id, { type: 'SOLUTIONS_CHOSEN' }, { fileAsIs: true })).body.state).toBe('policyCycle.preparation.advice');
    const listed = (await manager().get(`/api/projects/${id}/raad-information`)).body as Array<{ gate: string; kind: string }>;
    expect(listed.map((i) => `${i.gate}:${i.kind}`)).toEqual(['PROBLEM_DEFINED:commissie', 'SOLUTIONS_CHOSEN:raadsinformatiebrief']);
    const trail = (await api.audit(id)).body as Array<{ type: string }>;
    expect(trail.filter((e) => e.type === 'raad-informed')).toHaveLength(2);
  });
});
