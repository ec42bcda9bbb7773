import { describeEachDatabase } from './support/databases';
import { POLICY_CYCLE, useRunningService } from './support/project-client';


describeEachDatabase('the lifecycle over HTTP', (createDatabase) => {
  const service = useRunningService(createDatabase);

  it('closes only after the evaluation (§2.4): a verdict on each goal and the participants’ judgement', async () => {
    const { body: project } = await service.api.create({ title: 'Evaluatie eerst', origin: 'municipality', politicalSensitivity: 'low' });
    const id = project.id as string;
    await service.api.step(id, 'DECIDE_NON_INTERACTIVE', 'college');
    for (const event of POLICY_CYCLE) await service.api.step(id, event, 'college');
    await service.api.decide(id, 'CLOSE', 'college');
    const refused = await service.api.event(id, { type: 'CLOSE' }, { fileAsIs: true });
    expect(refused.body.blockers).toEqual([expect.objectContaining({ code: 'evaluation-incomplete', missing: ['participantsJudgement'] })]);
    const saved = await service.api.putFile(id, 'evaluation', { participantsJudgement: 'Goed geïnformeerd, weinig invloed: zoals afgesproken.' });
    expect(saved.body).toMatchObject({ version: 1, missing: [] });
    expect((await service.api.event(id, { type: 'CLOSE' }, { fileAsIs: true })).body.state).toBe('closed');
    const trail = (await service.api.audit(id)).body as Array<{ type: string; payload: { cycle?: number } }>;
    expect(trail.find((e) => e.type === 'evaluation-recorded')!.payload.cycle).toBe(1);
  });

  it('takes a municipality project through quick scan, plan and two policy cycles to closed', async () => {
    const created = await service.api.create({ title: 'Herinrichting Dorpsplein', origin: 'municipality', politicalSensitivity: 'low' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'quickScan', cycle: 1, version: 1, status: 'active' });
    const id = created.body.id;

    expect((await service.api.step(id, 'START_INTERACTIVE', 'college')).state).toBe('formalCommitment');
    expect((await service.api.step(id, 'COMMIT', 'college')).state).toBe('planOfApproach');
    expect((await service.api.step(id, 'ADOPT_PLAN', 'college')).state).toBe('policyCycle.preparation.problemDefinition');
    for (const event of POLICY_CYCLE) await service.api.step(id, event, 'college');
    const evaluated = await service.api.step(id, 'START_NEW_CYCLE', 'college');
    expect(evaluated).toMatchObject({ state: 'policyCycle.preparation.problemDefinition', cycle: 2 });

    // A green light of cycle 1 does not open the same gate in cycle 2.
    const blocked = await service.api.event(id, { type: 'PROBLEM_DEFINED' });
    expect(blocked.status).toBe(409);
    expect(blocked.body.blockers.map((b: { code: string }) => b.code)).toEqual(['green-light-missing']);

    for (const event of POLICY_CYCLE) await service.api.step(id, event, 'college');
    const closed = await service.api.step(id, 'CLOSE', 'college');
    expect(closed).toMatchObject({ state: 'closed', status: 'done', cycle: 2, nextSteps: [] });

    const audit = (await service.api.audit(id)).body;
    const transitions = audit.filter((e: { type: string }) => e.type === 'transition');
    expect(transitions).toHaveLength(3 + 5 + 1 + 5 + 1);
    expect(transitions.at(-1).payload).toMatchObject({ event: 'CLOSE', from: 'policyCycle.evaluation', to: 'closed', cycle: 2, greenLight: { body: 'college', outcome: 'approved' } });
    expect(audit.map((e: { seq: number }) => e.seq)).toEqual(audit.map((_: unknown, i: number) => i + 1));
    expect(audit[0]).toMatchObject({ type: 'project-created', actor: { name: 'P. Manager', role: 'process-manager' } });

    const decisions = (await service.t.http().get(`/api/projects/${id}/decisions`).set('authorization', `Bearer ${service.api.manager}`)).body;
    expect(decisions).toHaveLength(15);
    expect(decisions.every((d: { consumed: boolean }) => d.consumed)).toBe(true);
    const verify = await service.t.http().get(`/api/projects/${id}/audit/verify`).set('authorization', `Bearer ${await service.t.token('auditor')}`);
    expect(verify.body).toEqual({ valid: true, entries: audit.length, brokenAtSeq: null, unboundDecisions: [], erasures: [], head: { seq: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) } });
  });

  it('keeps an initiative in intake until it is formally submitted, and then runs it by the raad', async () => {
    const { body: project } = await service.api.create({ title: 'CPO eco-woningen', origin: 'initiative', politicalSensitivity: 'high' });
    expect(project.state).toBe('intake');
    expect(project.nextSteps.map((s: { event: string }) => s.event)).toEqual(['FORMALLY_SUBMITTED', 'STOP']);

    const early = await service.api.decide(project.id, 'START_INTERACTIVE', 'raad');
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('initiative-not-submitted');

    const incomplete = await service.api.event(project.id, { type: 'FORMALLY_SUBMITTED', submittedOn: '2026-11-20' });
    expect(incomplete.status).toBe(409);
    expect(incomplete.body.blockers[0].code).toBe('submission-incomplete');

    const submitted = await service.api.event(project.id, { type: 'FORMALLY_SUBMITTED', submittedOn: '2026-11-20', reference: 'Z/26/0815' });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ state: 'quickScan', submission: { submittedOn: '2026-11-20', reference: 'Z/26/0815' } });

    expect((await service.api.step(project.id, 'DECIDE_NON_INTERACTIVE', 'raad')).state).toBe('policyCycle.preparation.problemDefinition');
    const stopped = await service.api.step(project.id, 'STOP', 'raad');
    expect(stopped).toMatchObject({ state: 'stopped', status: 'done' });

    const types = (await service.api.audit(project.id)).body.map((e: { type: string }) => e.type);
    expect(types).toEqual(['project-created', 'submission-recorded', 'decision-recorded', 'quick-scan-recorded', 'transition', 'decision-recorded', 'transition']);
  });

  it('refuses a green light of the wrong body, and keeps a rejection without letting it allow anything', async () => {
    const { body: project } = await service.api.create({ title: 'Gevoelig dossier', origin: 'municipality', politicalSensitivity: 'high' });
    expect(project.nextSteps[0]).toMatchObject({ event: 'START_INTERACTIVE', requiredBody: 'raad', allowed: false });

    expect((await service.api.decide(project.id, 'START_INTERACTIVE', 'college')).status).toBe(201);
    const wrongBody = await service.api.event(project.id, { type: 'START_INTERACTIVE' });
    expect(wrongBody.status).toBe(409);
    expect(wrongBody.body).toMatchObject({ code: 'blocked', blockers: [{ code: 'green-light-wrong-body' }] });
    expect(wrongBody.body.blockers[0].messageNl).toBe('Voor de stap ‘Interactief starten’ is alleen een besluit van het college vastgelegd. Deze stap vraagt een raadsbesluit.');

    expect((await service.api.decide(project.id, 'START_INTERACTIVE', 'raad', { outcome: 'rejected', reference: 'R-2026-12', note: 'Eerst de begroting.' })).status).toBe(201);
    const rejected = await service.api.event(project.id, { type: 'START_INTERACTIVE' });
    expect(rejected.status).toBe(409);
    expect(rejected.body.blockers[0].code).toBe('green-light-rejected');
    expect((await service.api.get(project.id)).body).toMatchObject({ state: 'quickScan', version: 1 });

    const later = await service.api.decide(project.id, 'START_INTERACTIVE', 'raad', { reference: 'R-2026-19' });
    expect(later.status).toBe(201);
    const moved = await service.api.event(project.id, { type: 'START_INTERACTIVE' });
    expect(moved.status).toBe(200);
    const decisions = (await service.t.http().get(`/api/projects/${project.id}/decisions`).set('authorization', `Bearer ${service.api.manager}`)).body;
    expect(decisions.map((d: { body: string; outcome: string; consumed: boolean }) => [d.body, d.outcome, d.consumed])).toEqual([
      ['college', 'approved', false],
      ['raad', 'rejected', false],
      ['raad', 'approved', true],
    ]);
  });

  it('follows a per-gate override of the required body', async () => {
    const { body: project } = await service.api.create({ title: 'Override', origin: 'municipality', politicalSensitivity: 'low', gateBodies: { START_INTERACTIVE: 'raad' } });
    expect(project.nextSteps.find((s: { event: string }) => s.event === 'START_INTERACTIVE').requiredBody).toBe('raad');
    expect(project.nextSteps.find((s: { event: string }) => s.event === 'STOP').requiredBody).toBe('college');
    expect((await service.api.step(project.id, 'START_INTERACTIVE', 'raad')).state).toBe('formalCommitment');
  });

  it('answers a stale expectedVersion with 409 version-conflict and an impossible event with 422', async () => {
    const { body: project } = await service.api.create({ title: 'Versies', origin: 'municipality', politicalSensitivity: 'low' });
    await service.api.decide(project.id, 'START_INTERACTIVE', 'college');
    const moved = await service.api.event(project.id, { type: 'START_INTERACTIVE', expectedVersion: 1 });
    expect(moved.body.version).toBe(2);

    await service.api.decide(project.id, 'COMMIT', 'college');
    const stale = await service.api.event(project.id, { type: 'COMMIT', expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'version-conflict', currentVersion: 2 });

    const impossible = await service.api.event(project.id, { type: 'CLOSE' });
    expect(impossible.status).toBe(422);
    expect(impossible.body).toMatchObject({ code: 'event-not-possible', state: 'formalCommitment' });
    expect((await service.api.get(project.id)).body.version).toBe(2);
  });

  it('validates bodies field by field and never answers 500 to bad input', async () => {
    const invalid = await service.api.create({ title: '', origin: 'elsewhere', politicalSensitivity: 'medium', extra: 1 });
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('invalid-request');
    expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['extra', 'origin', 'politicalSensitivity', 'title']);

    const { body: project } = await service.api.create({ title: 'Invoer', origin: 'municipality', politicalSensitivity: 'low' });
    const unknownEvent = await service.api.event(project.id, { type: 'TELEPORT' });
    expect(unknownEvent.status).toBe(400);
    expect(unknownEvent.body.errors[0].field).toBe('type');

    const badDecision = await service.api.decide(project.id, 'COMMIT', 'college', { decidedOn: '28-11-2026', outcome: 'maybe', documentUrl: 'javascript:alert(1)' });
    expect(badDecision.status).toBe(400);
    expect(badDecision.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['decidedOn', 'documentUrl', 'outcome']);

    const future = await service.api.decide(project.id, 'COMMIT', 'college', { decidedOn: '2999-01-01' });
    expect(future.status).toBe(422);
    expect(future.body.code).toBe('decision-date-in-future');

    const malformed = await service.t.http().post('/api/projects').set('authorization', `Bearer ${service.api.manager}`).set('content-type', 'application/json').send('{"title":');
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('invalid-request');

    const badPage = await service.t.http().get('/api/projects?limit=1000&state=not a state').set('authorization', `Bearer ${service.api.manager}`);
    expect(badPage.status).toBe(400);
    expect(badPage.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['limit', 'state']);

    for (const path of ['/api/projects/nope', '/api/projects/nope/decisions', '/api/projects/nope/audit']) {
      const missing = await service.t.http().get(path).set('authorization', `Bearer ${service.api.manager}`);
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('project-not-found');
    }
    expect((await service.api.event('00000000-0000-0000-0000-000000000000', { type: 'COMMIT' })).status).toBe(404);
  });

  it('lists projects with a state filter that also matches substates, and pages', async () => {
    const { body: inCycle } = await service.api.create({ title: 'Lijst A', origin: 'municipality', politicalSensitivity: 'low' });
    await service.api.step(inCycle.id, 'DECIDE_NON_INTERACTIVE', 'college');
    const page = await service.t.http().get('/api/projects?state=policyCycle&limit=50').set('authorization', `Bearer ${await service.t.token('auditor')}`);
    expect(page.status).toBe(200);
    expect(page.body.items.length).toBeGreaterThan(0);
    expect(page.body.items.every((p: { state: string }) => p.state.startsWith('policyCycle.'))).toBe(true);
    expect(page.body.items.map((p: { id: string }) => p.id)).toContain(inCycle.id);

    const all = await service.t.http().get('/api/projects?limit=2&offset=1').set('authorization', `Bearer ${service.api.manager}`);
    expect(all.body).toMatchObject({ limit: 2, offset: 1 });
    expect(all.body.items).toHaveLength(2);
    expect(all.body.total).toBeGreaterThan(3);
  });

  it('describes the machine for clients', async () => {
    const machine = await service.t.http().get('/api/machine').set('authorization', `Bearer ${service.api.manager}`);
    expect(machine.status).toBe(200);
    expect(machine.body.initialByOrigin).toEqual({ municipality: 'quickScan', initiative: 'intake' });
    expect(machine.body.transitions).toContainEqual({ from: 'policyCycle.evaluation', event: 'START_NEW_CYCLE', to: 'policyCycle.preparation', gated: true });
  });
});
