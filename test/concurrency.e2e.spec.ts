import { describeEachDatabase } from './support/databases';
import { useRunningService } from './support/project-client';

describeEachDatabase('concurrent transitions', (createDatabase) => {
  const service = useRunningService(createDatabase);

  it.each([
    ['without expectedVersion', false],
    ['with expectedVersion', true],
  ])('lets exactly one of 20 simultaneous requests for the same transition win (%s)', async (_name, withVersion) => {
    const { body: project } = await service.api.create({ title: 'Druk', origin: 'municipality', politicalSensitivity: 'low' });
    await service.api.decide(project.id, 'START_INTERACTIVE', 'college');

    const responses = await Promise.all(
      Array.from({ length: 20 }, () => service.api.event(project.id, withVersion ? { type: 'START_INTERACTIVE', expectedVersion: 1 } : { type: 'START_INTERACTIVE' })),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    for (const loser of responses.filter((r) => r.status !== 200)) {
      expect([409, 422]).toContain(loser.status);
      expect(['version-conflict', 'event-not-possible']).toContain(loser.body.code);
    }

    const audit = (await service.api.audit(project.id)).body;
    expect(audit.filter((e: { type: string }) => e.type === 'transition')).toHaveLength(1);
    expect((await service.api.get(project.id)).body).toMatchObject({ state: 'formalCommitment', version: 2 });
  });

  it('keeps the audit chain whole when decisions and transitions on one project interleave', async () => {
    const { body: project } = await service.api.create({ title: 'Door elkaar', origin: 'municipality', politicalSensitivity: 'low' });
    await service.api.decide(project.id, 'START_INTERACTIVE', 'college');
    await Promise.all([
      service.api.event(project.id, { type: 'START_INTERACTIVE' }),
      ...Array.from({ length: 10 }, (_, i) => service.api.decide(project.id, 'COMMIT', 'college', { reference: `parallel-${i}` })),
    ]);
    const verify = await service.t.http().get(`/api/projects/${project.id}/audit/verify`).set('authorization', `Bearer ${service.api.manager}`);
    // 13 entries of the race, and the quick scan the client files before START_INTERACTIVE.
    expect(verify.body).toEqual({ valid: true, entries: 14, brokenAtSeq: null, unboundDecisions: [], erasures: [], head: { seq: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) } });
  });

  it('never reports an intact chain as broken while four writers append to it', async () => {
    const { body: project } = await service.api.create({ title: 'Schrijvers en een controleur', origin: 'municipality', politicalSensitivity: 'low' });
    const communicate = (i: number) =>
      service.t.http().post(`/api/projects/${project.id}/communications`).set('authorization', `Bearer ${service.api.manager}`).send({ channel: 'website', audience: 'omwonenden', summary: `Bericht ${i}` });
    const verify = () => service.t.http().get(`/api/projects/${project.id}/audit/verify`).set('authorization', `Bearer ${service.api.manager}`);
    let writing = true;
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; writing; i++) expect((await communicate(w * 1000 + i)).status).toBe(201);
    });
    const verdicts: boolean[] = [];
    for (let i = 0; i < 40; i++) verdicts.push((await verify()).body.valid);
    writing = false;
    await Promise.all(writers);
    expect(verdicts.filter((valid) => !valid)).toHaveLength(0);
    expect((await verify()).body).toMatchObject({ valid: true, brokenAtSeq: null });
  });
});
