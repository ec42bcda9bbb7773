import { describeEachDatabase, type TestDatabase } from './support/databases';
import { ProjectClient } from './support/project-client';
import { startTestApp } from './support/test-app';

/** kill -9 while clients write, then a restart on the same data: what was acknowledged is there, and every chain verifies. */
describeEachDatabase('a crash under write load', (createDatabase) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createDatabase();
  });
  afterEach(() => database.drop());

  it('loses no write that was answered 2xx, and leaves every chain whole', async () => {
    const first = await startTestApp(database);
    const api = await ProjectClient.for(first);
    const ids = await Promise.all(Array.from({ length: 8 }, (_, i) => api.create({ title: `Stroomstoring ${i}`, origin: 'municipality', politicalSensitivity: 'low' }).then((r) => r.body.id as string)));
    const acknowledged = new Map<string, string[]>(ids.map((id) => [id, []]));
    let writing = true;
    const writers = ids.map(async (id) => {
      for (let i = 0; writing; i++) {
        try {
          const response = await first.http().post(`/api/projects/${id}/communications`).set('authorization', `Bearer ${api.manager}`).send({ channel: 'website', audience: 'omwonenden', summary: `Bericht ${i}` });
          if (response.status === 201) acknowledged.get(id)!.push(response.body.id);
        } catch {
          return; // the connection died with the process: not acknowledged
        }
      }
    });
    // Crash once a good number of writes was acknowledged, whatever the machine's speed.
    while ([...acknowledged.values()].flat().length < 200) await new Promise((resolve) => setTimeout(resolve, 20));
    await first.crash();
    writing = false;
    await Promise.all(writers);

    const second = await startTestApp(database);
    try {
      const again = await ProjectClient.for(second);
      for (const id of ids) {
        const stored = new Set(((await second.http().get(`/api/projects/${id}/communications`).set('authorization', `Bearer ${again.manager}`)).body as Array<{ id: string }>).map((c) => c.id));
        expect({ id, missing: acknowledged.get(id)!.filter((c) => !stored.has(c)) }).toEqual({ id, missing: [] });
        const verify = await second.http().get(`/api/projects/${id}/audit/verify`).set('authorization', `Bearer ${again.manager}`);
        expect(verify.body).toMatchObject({ valid: true, brokenAtSeq: null });
      }
    } finally {
      await second.close();
    }
  }, 120_000);
});
