import { describeEachDatabase, type TestDatabase } from './support/databases';
import { ProjectClient } from './support/project-client';
import { startTestApp, type TestApp } from './support/test-app';

describeEachDatabase('concurrent transitions', (createDatabase) => {
  let database: TestDatabase;
  let t: TestApp;
  let api: ProjectClient;

  beforeAll(async () => {
    database = await createDatabase();
    t = await startTestApp(database);
    api = await ProjectClient.for(t);
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  it.each([
    ['without expectedVersion', false],
    ['with expectedVersion', true],
  ])('lets exactly one of 20 simultaneous requests for the same transition win (%s)', async (_name, withVersion) => {
    const { body: project } = await api.create({ title: 'Druk', origin: 'municipality', politicalSensitivity: 'low' });
    await api.decide(project.id, 'START_INTERACTIVE', 'college');

    const responses = await Promise.all(
      Array.from({ length: 20 }, () => api.event(project.id, withVersion ? { type: 'START_INTERACTIVE', expectedVersion: 1 } : { type: 'START_INTERACTIVE' })),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    for (const loser of responses.filter((r) => r.status !== 200)) {
      expect([409, 422]).toContain(loser.status);
      expect(['version-conflict', 'event-not-possible']).toContain(loser.body.code);
    }

    const audit = (await api.audit(project.id)).body;
    expect(audit.filter((e: { type: string }) => e.type === 'transition')).toHaveLength(1);
    expect((await api.get(project.id)).body).toMatchObject({ state: 'formalCommitment', version: 2 });
  });

  it('keeps the audit chain whole when decisions and transitions on one project interleave', async () => {
    const { body: project } = await api.create({ title: 'Door elkaar', origin: 'municipality', politicalSensitivity: 'low' });
    await api.decide(project.id, 'START_INTERACTIVE', 'college');
    await Promise.all([
      api.event(project.id, { type: 'START_INTERACTIVE' }),
      ...Array.from({ length: 10 }, (_, i) => api.decide(project.id, 'COMMIT', 'college', { reference: `parallel-${i}` })),
    ]);
    const verify = await t.http().get(`/api/projects/${project.id}/audit/verify`).set('authorization', `Bearer ${api.manager}`);
    expect(verify.body).toEqual({ valid: true, entries: 13, brokenAtSeq: null });
  });
});
