import { randomUUID } from 'node:crypto';
import { startRedis } from '../bench/support/redis-server';
import { postgresDatabase, type TestDatabase } from './support/databases';
import { startMailCatcher, waitFor } from './support/mail-catcher';
import { POLICY_CYCLE, ProjectClient } from './support/project-client';
import { startTestApp, startTestWorker, type TestApp } from './support/test-app';

const WALK = ['START_INTERACTIVE', 'COMMIT', 'ADOPT_PLAN', ...POLICY_CYCLE, 'CLOSE'];
const PROJECTS = 6;

/**
 * The installation of issue 22 in small: two API processes without workers and one worker
 * process on one PostgreSQL database and one Redis. Each step of a project goes to the other
 * instance than the step before; the silence of each project is counted in half seconds, so
 * reminders fall due while the projects are walked, relayed by both instances' outboxes.
 */
describe('two API instances and one worker on one PostgreSQL database (issue 22)', () => {
  const onPostgres = process.env.IW_POSTGRES_AVAILABLE === 'no' ? it.skip : it;
  let database: TestDatabase | undefined;
  let redis: Awaited<ReturnType<typeof startRedis>> | undefined;
  let mail: Awaited<ReturnType<typeof startMailCatcher>> | undefined;
  const processes: Array<{ close(): Promise<void> }> = [];

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.close()));
    await redis?.stop();
    await mail?.close();
    await database?.drop();
  });

  onPostgres('walks projects through both to closed: every chain verifies, no reminder is sent twice', async () => {
    database = await postgresDatabase();
    redis = await startRedis();
    mail = await startMailCatcher();
    // The deadlines reach Redis through the outbox, carrying the request's id; a reconciler every
    // few hundred milliseconds could win the race for the same job id on a busy machine, without it.
    const env = { REDIS_URL: redis.url, SMTP_URL: mail.url, QUEUE_PREFIX: `iw-scale-${randomUUID().slice(0, 8)}`, DAY_LENGTH_MS: '500', RECONCILE_INTERVAL_MS: '600000' };
    const instances: TestApp[] = [];
    for (let i = 0; i < 2; i++) instances.push(await startTestApp(database, { ...env, WORKERS: 'off' }));
    processes.push(...instances);
    const clients = await Promise.all(instances.map((t) => ProjectClient.for(t)));
    const through = (step: number) => clients[step % 2];

    const ids = await Promise.all(
      Array.from({ length: PROJECTS }, async (_, i) => {
        const created = await through(i).create({ title: `Schaal ${i}`, origin: 'municipality', politicalSensitivity: 'low', silenceWindowDays: 1, ownerEmail: `pl${i}@gemeente.example` });
        expect(created.status).toBe(201);
        return created.body.id as string;
      }),
    );
    // The worker comes last: the deadlines scheduled before it waited in Redis, as after a deploy.
    const worker = await startTestWorker(database, env);
    processes.push(worker);

    await Promise.all(
      ids.map(async (id, i) => {
        for (const [n, event] of WALK.entries()) {
          await through(i + n).step(id, event, 'college');
          // Let the first reminders fall due in the middle of the walk.
          if (event === 'COMMIT') await waitFor(`a reminder of project ${i}`, async () => (await through(i + n).get(id)).body.silence.remindersSent >= 1);
        }
      }),
    );

    for (const [i, id] of ids.entries()) {
      const client = through(i + 1);
      expect((await client.get(id)).body.state).toBe('closed');
      const verify = await client.as(await instances[(i + 1) % 2].token('auditor')).get(`/api/projects/${id}/audit/verify`);
      expect(verify.body).toMatchObject({ valid: true });
    }

    // Every reminder sent is one e-mail: none doubled between the instances' relays and the worker.
    for (const [i, id] of ids.entries()) {
      const reminders = (await clients[0].as(clients[0].manager).get(`/api/projects/${id}/reminders`)).body as Array<{ status: string; dueAt: string; level: number; recipients: string[] }>;
      const sent = reminders.filter((r) => r.status === 'sent');
      expect(sent.length).toBeGreaterThanOrEqual(1);
      expect(new Set(sent.map((r) => `${r.level}@${r.dueAt}`)).size).toBe(sent.length);
      const mails = mail.mails.filter((m) => m.to.includes(`pl${i}@gemeente.example`));
      expect({ project: i, mails: mails.length }).toEqual({ project: i, mails: sent.filter((r) => r.recipients.length > 0).length });
    }
    for (const p of [...instances, worker]) expect(p.output()).not.toMatch(/"level":"(error|fatal)"|duplicate key/);
    // The worker's lines name the job, its project and the request that queued it.
    expect(worker.output()).toMatch(/"jobId":"silence-[^"]+","requestId":"[^"]+","projectId":"[^"]+".*"msg":"Reminder \S+ sent \(app, email\)"/);
  }, 180_000);
});
