import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { dutchDay } from '../machines/calendar/dutch-day';
import { describeEachDatabase, postgresDatabase } from './support/databases';
import { waitFor } from './support/mail-catcher';
import { startTestApp } from './support/test-app';
import { verifyOffline } from './support/offline-verifier';
import { useRunningService } from './support/project-client';

const guideFile = (name: string) => parse(readFileSync(join(__dirname, '..', 'guides', name), 'utf8')) as Record<string, unknown>;
const POLICY_CYCLE: Array<[string, 'college' | 'raad']> = [
  ['SOLUTIONS_CHOSEN', 'college'],
  ['ADVICE_SUBMITTED', 'college'],
  ['DECISION_TAKEN', 'college'],
  ['EXECUTION_COMPLETED', 'college'],
];

describeEachDatabase('guides as versioned data over HTTP', (createDatabase) => {
  const service = useRunningService(createDatabase);
  const admin = () => service.t.token('admin', 'A. Beheerder');

  it('lists the shipped guides, publishes the schema, and answers a version exactly as POST takes it', async () => {
    const reader = service.api.as(service.api.manager);
    const list = await reader.get('/api/guides');
    expect(list.status).toBe(200);
    expect(list.body.map((g: { id: string }) => g.id).sort()).toEqual(['overbetuwe-2018', 'voorbeeldrijk-2026']);
    expect((await reader.get('/api/guides/schema')).body).toMatchObject({ title: 'Interactiewijzer guide', required: expect.arrayContaining(['steps', 'gates']) });
    const version = await reader.get('/api/guides/voorbeeldrijk-2026/versions/1');
    expect(version.body).toMatchObject({ id: 'voorbeeldrijk-2026', version: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), document: guideFile('voorbeeldrijk-2026.yaml') });
    expect((await reader.get('/api/guides/voorbeeldrijk-2026/versions/9')).body.code).toBe('guide-version-not-found');
    // The machine of a guide, for diagrams and clients: no commitment step in the second guide.
    const machine = (await reader.get('/api/machine?guide=voorbeeldrijk-2026')).body;
    expect(machine.states.map((s: { id: string }) => s.id)).not.toContain('formalCommitment');
    expect((await reader.get('/api/machine')).body.states.map((s: { id: string }) => s.id)).toContain('formalCommitment');
    expect((await reader.get('/api/machine?guide=nergens')).status).toBe(404);
    expect((await reader.get('/api/guides/nowhere/versions')).status).toBe(404);
  });

  it('publishes a changed version for an admin only, never changes a published one, and refuses every fault with its path', async () => {
    const token = await admin();
    const { body: current } = await service.api.as(token).get('/api/guides/overbetuwe-2018/versions/1');
    const next = { ...current.document, version: 2, silence: { windowDays: 21 } };
    expect((await service.api.as(service.api.manager).post('/api/guides/overbetuwe-2018/versions', next)).status).toBe(403);
    const published = await service.api.as(token).post('/api/guides/overbetuwe-2018/versions', next);
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ id: 'overbetuwe-2018', version: 2, publishedBy: 'A. Beheerder' });
    expect(published.body.sha256).not.toBe(current.sha256);

    const again = await service.api.as(token).post('/api/guides/overbetuwe-2018/versions', { ...next, silence: { windowDays: 7 } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('guide-version-exists');
    expect((await service.api.as(token).get('/api/guides/overbetuwe-2018/versions/2')).body.document.silence).toEqual({ windowDays: 21 });

    const broken = { ...next, version: 3, gates: { ...current.document.gates, COMMIT: { rules: {} } } };
    broken.steps = structuredClone(current.document.steps);
    broken.steps[1].transitions[0].to = 'nowhere';
    const refused = await service.api.as(token).post('/api/guides/overbetuwe-2018/versions', broken);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'guide-invalid', errors: [{ path: 'gates.COMMIT.body', message: 'must have required property body', messageNl: 'moet de eigenschap body bevatten' }] });
    // With the schema met, the names it points to are checked next.
    const unknownStep = await service.api.as(token).post('/api/guides/overbetuwe-2018/versions', { ...broken, gates: current.document.gates });
    expect(unknownStep.body.errors).toEqual([{ path: 'steps[1].transitions[0].to', message: "There is no step 'nowhere'.", messageNl: "Er is geen stap 'nowhere'." }]);

    const newGuide = await service.api.as(token).post('/api/guides', { ...current.document, id: 'mijngemeente-2027', municipality: 'Mijngemeente' });
    expect(newGuide.status).toBe(201);
    expect((await service.api.as(token).post('/api/guides', { ...current.document, id: 'mijngemeente-2027' })).body.code).toBe('guide-exists');
    // A project started now runs under the latest version; one started before keeps its own.
    const { body: project } = await service.api.create({ title: 'Na versie 2', origin: 'municipality', politicalSensitivity: 'low' });
    expect(project.guide).toMatchObject({ id: 'overbetuwe-2018', version: 2, sha256: published.body.sha256 });
    expect(project.silence.windowDays).toBe(21);
  });

  it('walks a project under the second guide: no commitment step, the frame to the raad, one cycle', async () => {
    const created = await service.api.create({ title: 'Speelplekken Voorbeeldrijk', origin: 'municipality', politicalSensitivity: 'low', guide: 'voorbeeldrijk-2026' });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body.guide).toMatchObject({ id: 'voorbeeldrijk-2026', version: 1, name: { nl: 'Participatiewijzer Voorbeeldrijk' } });
    expect(created.body.silence.windowDays).toBe(42);

    expect((await service.api.step(id, 'START_INTERACTIVE', 'college')).state).toBe('planOfApproach');
    expect((await service.api.event(id, { type: 'COMMIT' })).body.code).toBe('event-not-possible');
    const plan = await service.api.step(id, 'ADOPT_PLAN', 'college');
    expect(plan).toMatchObject({ state: 'policyCycle.preparation.problemDefinition' });
    expect(plan.nextSteps.find((s: { event: string }) => s.event === 'PROBLEM_DEFINED').requiredBody).toBe('raad');

    // The frame is the raad's in this guide, whatever the sensitivity: the college's green light opens nothing.
    await service.api.decide(id, 'PROBLEM_DEFINED', 'college');
    const wrongBody = await service.api.event(id, { type: 'PROBLEM_DEFINED' });
    expect(wrongBody.body.blockers.map((b: { code: string }) => b.code)).toEqual(['green-light-wrong-body']);
    expect((await service.api.step(id, 'PROBLEM_DEFINED', 'raad')).state).toBe('policyCycle.preparation.solutionDirections');
    for (const [event, body] of POLICY_CYCLE) await service.api.step(id, event, body);

    const evaluation = await service.api.get(id);
    expect(evaluation.body.nextSteps.map((s: { event: string }) => s.event)).toEqual(['CLOSE', 'STOP']);
    expect((await service.api.event(id, { type: 'START_NEW_CYCLE' })).body.code).toBe('event-not-possible');
    // The guide has the raad informed of the evaluation before the project closes (§2.4).
    await service.api.decide(id, 'CLOSE', 'college');
    expect((await service.api.event(id, { type: 'CLOSE' })).body.blockers.map((b: { code: string }) => b.code)).toEqual(['raad-not-informed']);
    const yesterday = dutchDay(new Date(Date.now() - 86_400_000));
    const informed = await service.api.as(service.api.manager).post(`/api/projects/${id}/raad-information`, { gate: 'CLOSE', kind: 'raadsinformatiebrief', date: yesterday, reference: 'RIB 2027-003' });
    expect(informed.status).toBe(201);
    expect((await service.api.event(id, { type: 'CLOSE' })).body.state).toBe('closed');

    const trail = (await service.api.audit(id)).body as Array<{ type: string; payload: Record<string, unknown> }>;
    expect(trail[0]).toMatchObject({ type: 'project-created', payload: { guide: { id: 'voorbeeldrijk-2026', version: 1, sha256: created.body.guide.sha256 } } });
    const auditor = service.api.as(await service.t.token('auditor'));
    expect((await auditor.get(`/api/projects/${id}/audit/verify`)).body.valid).toBe(true);

    // The signed export carries the guide itself: an auditor reads the rules offline, and the verifier checks its hash against the trail.
    const { body: exported } = await auditor.get(`/api/projects/${id}/audit/export`);
    expect(exported.guides).toEqual([{ id: 'voorbeeldrijk-2026', version: 1, sha256: created.body.guide.sha256, document: guideFile('voorbeeldrijk-2026.yaml') }]);
    const offline = await verifyOffline(exported);
    expect(offline).toMatchObject({ code: 0, output: expect.stringContaining(`guide: voorbeeldrijk-2026 version 1 (${created.body.guide.sha256})`) });
    const tampered = structuredClone(exported);
    tampered.guides[0].document.gates.PROBLEM_DEFINED.body = 'college';
    expect(await verifyOffline(tampered)).toMatchObject({ code: 1, output: expect.stringContaining('guide voorbeeldrijk-2026 version 1: its definition does not hash') });
    const withoutGuide = { ...structuredClone(exported), guides: [] };
    expect((await verifyOffline(withoutGuide)).output).toContain('entry 1 (project-created): the export lacks guide voorbeeldrijk-2026 version 1');
  });

  it('takes the light track of the second guide straight to the draft, and refuses what the guide does not offer', async () => {
    const { body: project } = await service.api.create({ title: 'Bankje bij de vijver', origin: 'municipality', politicalSensitivity: 'low', guide: 'voorbeeldrijk-2026' });
    const plan = (await service.api.as(service.api.manager).get(`/api/guides/voorbeeldrijk-2026/versions/1`)).body.document;
    expect(plan.inspraak.forms).not.toContain('f');
    expect((await service.api.step(project.id, 'DECIDE_NON_INTERACTIVE', 'college')).state).toBe('policyCycle.preparation.advice');

    const { body: other } = await service.api.create({ title: 'Plein', origin: 'municipality', politicalSensitivity: 'low', guide: 'voorbeeldrijk-2026' });
    await service.api.step(other.id, 'START_INTERACTIVE', 'college');
    const level = await service.api.putFile(other.id, 'plan', { levels: { decisionMaking: 'co-decide' } });
    expect(level.status).toBe(422);
    expect(level.body).toMatchObject({ code: 'level-not-offered', levels: [{ phase: 'decisionMaking', level: 'co-decide' }] });
    const form = await service.api.putFile(other.id, 'plan', { inspraak: { legallyRequired: true, form: 'f' } });
    expect(form.body.code).toBe('inspraak-form-not-offered');
    expect((await service.api.create({ title: 'X', origin: 'municipality', politicalSensitivity: 'low', guide: 'nergens' })).body.code).toBe('guide-not-found');
  });
});

describe('a guide version published on one instance, on another', () => {
  const onPostgres = process.env.IW_POSTGRES_AVAILABLE === 'no' ? it.skip : it;
  onPostgres('is loaded there within seconds; until then a project pinned to it answers 503 guide-not-loaded, never a wrong rule', async () => {
    const database = await postgresDatabase();
    const [a, b] = await Promise.all([startTestApp(database), startTestApp(database)]);
    try {
      const admin = await a.token('admin');
      const manager = await a.token('process-manager');
      const { body: current } = await a.http().get('/api/guides/voorbeeldrijk-2026/versions/1').set('authorization', `Bearer ${admin}`);
      const published = await a.http().post('/api/guides/voorbeeldrijk-2026/versions').set('authorization', `Bearer ${admin}`).send({ ...current.document, version: 2, silence: { windowDays: 35 } });
      expect(published.status).toBe(201);
      const { body: project } = await a.http().post('/api/projects').set('authorization', `Bearer ${manager}`).send({ title: 'Over twee instanties', origin: 'municipality', politicalSensitivity: 'low', guide: 'voorbeeldrijk-2026' });
      expect(project.guide.version).toBe(2);
      const seen = await waitFor('the other instance to load version 2', async () => {
        const answer = await b.http().get(`/api/projects/${project.id}`).set('authorization', `Bearer ${manager}`);
        if (answer.status === 503) expect(answer.body.code).toBe('guide-not-loaded');
        else expect(answer.status).toBe(200);
        return answer.status === 200 && answer.body;
      }, 30_000);
      expect(seen.guide).toMatchObject({ version: 2, sha256: published.body.sha256 });
    } finally {
      await Promise.all([a.close(), b.close()]);
      await database.drop();
    }
  }, 90_000);
});
