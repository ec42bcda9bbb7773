import { createHmac } from 'node:crypto';
import Database from 'better-sqlite3';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sqliteDatabase, type TestDatabase } from './support/databases';
import { startMailCatcher, waitFor } from './support/mail-catcher';
import { ProjectClient } from './support/project-client';
import { EXAMPLE_PLAN } from '../bench/support/example-file';
import { startRedis } from '../bench/support/redis-server';
import { startTestApp, webSessionToken } from './support/test-app';

// A "day" lasts 500 ms here: a window of 2 days is one second of real time.
const DAY_MS = 500;
const WEBHOOK_SECRET = 'webhook-secret-for-tests';

describe('reminders against radio silence (real Redis, real SMTP)', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let mail: Awaited<ReturnType<typeof startMailCatcher>>;
  let webhook: Server;
  const hooks: Array<{ body: Record<string, unknown>; valid: boolean }> = [];
  const cleanup: Array<() => Promise<unknown>> = [];

  const env = (extra: NodeJS.ProcessEnv = {}) => ({
    REDIS_URL: redis.url,
    SMTP_URL: mail.url,
    DAY_LENGTH_MS: String(DAY_MS),
    RECONCILE_INTERVAL_MS: '500',
    REMINDER_BACKOFF_MS: '100',
    REMINDER_WEBHOOK_URL: `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/hook`,
    REMINDER_WEBHOOK_SECRET: WEBHOOK_SECRET,
    ...extra,
  });

  async function service(database: TestDatabase, extra: NodeJS.ProcessEnv = {}) {
    const t = await startTestApp(database, env(extra));
    cleanup.push(() => t.close());
    return { t, api: await ProjectClient.for(t) };
  }

  /** A project whose silence is counted from now on: it is moved into formal commitment. */
  async function silentProject(api: ProjectClient, title: string, windowDays = 2) {
    const { body } = await api.create({ title, origin: 'municipality', politicalSensitivity: 'low', silenceWindowDays: windowDays, ownerEmail: 'pl@gemeente.example', administratorEmail: 'wethouder@gemeente.example' });
    await api.step(body.id, 'START_INTERACTIVE', 'college');
    return body.id as string;
  }

  const mailsFor = (title: string) => mail.mails.filter((m) => m.subject.includes(`"${title}"`));

  beforeAll(async () => {
    redis = await startRedis();
    mail = await startMailCatcher();
    webhook = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const expected = `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(body).digest('hex')}`;
        hooks.push({ body: JSON.parse(body), valid: req.headers['x-interactiewijzer-signature'] === expected });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
  });
  afterEach(async () => {
    while (cleanup.length > 0) await cleanup.pop()!();
  });
  afterAll(async () => {
    await redis?.stop();
    await mail?.close();
    webhook?.closeAllConnections();
    webhook?.close();
  });

  it('reminds after a window of silence, escalates after the next, stops when someone communicates, and records it all', async () => {
    const database = sqliteDatabase();
    cleanup.push(() => database.drop());
    const { t, api } = await service(database);
    const id = await silentProject(api, 'Dorpsplein');

    const [first] = await waitFor('the first reminder', () => mailsFor('Dorpsplein').length >= 1 && mailsFor('Dorpsplein'));
    expect(first.to).toEqual(['pl@gemeente.example']);
    expect(first.raw.replace(/=\r?\n/g, '')).toContain(`/projecten/${id}`); // the web page; quoted-printable: soft line breaks removed
    const second = await waitFor('the escalation', () => mailsFor('Dorpsplein')[1]);
    expect(second.subject).toMatch(/^Escalatie: radiostilte/);
    expect(second.to.sort()).toEqual(['pl@gemeente.example', 'wethouder@gemeente.example']);

    // Ignored reminders leave the project overdue, in the API and on the dashboard's filter alike, however far off the next reminder is.
    // The mail can arrive before the worker has recorded it as sent: wait for the record, not for a moment.
    const silence = await waitFor('the escalation recorded', async () => {
      const now = (await api.get(id)).body.silence;
      return now.remindersSent === 2 && now;
    });
    expect(silence).toMatchObject({ status: 'overdue', remindersSent: 2, lastCommunicationAt: null });
    expect(Date.parse(silence.allowedUntil) - Date.parse(silence.silentSince)).toBe(2 * DAY_MS);
    expect(Date.parse(silence.nextReminderAt) - Date.parse(silence.silentSince)).toBe(3 * 2 * DAY_MS);
    const session = `iw_session=${await webSessionToken('P. Manager', ['process-manager'])}`;
    const overduePage = await t.http().get('/?stilte=overdue').set('cookie', session);
    expect(overduePage.text).toContain('Dorpsplein');

    const communication = await t.http().post(`/api/projects/${id}/communications`).set('authorization', `Bearer ${api.manager}`).send({ channel: 'nieuwsbrief', audience: 'alle deelnemers', summary: 'Stand van zaken' });
    expect(communication.status).toBe(201);
    expect((await api.get(id)).body.silence).toMatchObject({ status: expect.not.stringMatching('overdue'), remindersSent: 0 });
    expect((await t.http().get('/?stilte=overdue').set('cookie', session)).text).not.toContain('Dorpsplein');
    await api.step(id, 'STOP', 'college');
    // An ended project has no silence status.
    expect((await api.get(id)).body.silence).toMatchObject({ status: null, allowedUntil: null, nextReminderAt: null });
    const mailsBefore = mailsFor('Dorpsplein').length;
    await new Promise((resolve) => setTimeout(resolve, 5 * DAY_MS));
    expect(mailsFor('Dorpsplein')).toHaveLength(mailsBefore);

    const audit = (await api.audit(id)).body as Array<{ type: string; payload: Record<string, unknown> }>;
    const reminders = audit.filter((e) => e.type.startsWith('reminder-'));
    expect(reminders.slice(0, 2).map((e) => [e.type, e.payload.level])).toEqual([
      ['reminder-sent', 1],
      ['reminder-sent', 2],
    ]);
    // The escalation was due a whole number of windows after the first reminder: one, unless the first went out so late (a busy machine) that a window was collapsed.
    const gap = Date.parse(reminders[1].payload.dueAt as string) - Date.parse(reminders[0].payload.dueAt as string);
    expect({ gap: gap >= 2 * DAY_MS, whole: gap % (2 * DAY_MS) }).toEqual({ gap: true, whole: 0 });
    expect(reminders.slice(2).every((e) => e.type === 'reminder-skipped')).toBe(true);
    expect(reminders.length).toBeGreaterThanOrEqual(3);
    expect(audit.find((e) => e.type === 'communication-recorded')!.payload).toMatchObject({ channel: 'nieuwsbrief' });
    expect(hooks.filter((h) => h.body.projectId === id).every((h) => h.valid)).toBe(true);
    expect(hooks.filter((h) => h.body.projectId === id).map((h) => h.body.level)).toEqual([1, 2]);
    // On the pages: what happened to each reminder, and the service itself as "automatisch" (issue 19).
    expect((await t.http().get(`/projecten/${id}/communicatie`).set('cookie', session)).text).toMatch(/Herinnering[^<]*· gemaild aan [^<]*@/);
    expect((await t.http().get(`/projecten/${id}/tijdlijn`).set('cookie', session)).text).toContain('· automatisch</span>');
  });

  it('skips a job whose deadline moved because someone communicated a moment before', async () => {
    const database = sqliteDatabase();
    cleanup.push(() => database.drop());
    const { api, t } = await service(database);
    const id = await silentProject(api, 'Net op tijd', 4); // due 2 s from now
    await new Promise((resolve) => setTimeout(resolve, 4 * DAY_MS - 300));
    await t.http().post(`/api/projects/${id}/communications`).set('authorization', `Bearer ${api.manager}`).send({ channel: 'brief', audience: 'omwonenden', summary: 'Planning' }).expect(201);
    // The old job still fires at the old deadline, finds the deadline moved, and is skipped.
    const reminders = await waitFor('the stale job to be skipped', async () => {
      const list = (await t.http().get(`/api/projects/${id}/reminders`).set('authorization', `Bearer ${api.manager}`)).body;
      return list.length > 0 && list;
    });
    await api.step(id, 'STOP', 'college');
    expect(reminders).toEqual([expect.objectContaining({ status: 'skipped', kind: 'silence' })]);
    expect(mailsFor('Net op tijd')).toHaveLength(0);
    const audit = (await api.audit(id)).body as Array<{ type: string; payload: Record<string, unknown> }>;
    expect(audit.find((e) => e.type === 'reminder-skipped')!.payload).toMatchObject({ reason: 'deadline-moved' });
  });

  it('loses no reminder when Redis is flushed: 50 pending deadlines, 50 reminders, once each', async () => {
    const database = sqliteDatabase();
    cleanup.push(() => database.drop());
    const { api } = await service(database);
    const ids = await Promise.all(Array.from({ length: 50 }, (_, i) => silentProject(api, `Flush ${i}`, 8)));
    await new Promise((resolve) => setTimeout(resolve, 300)); // the relay has put the jobs on the queue
    await redis.flushAll();
    await waitFor('50 reminders', () => ids.every((_, i) => mailsFor(`Flush ${i}`).length >= 1), 20_000);
    expect(ids.map((_, i) => mailsFor(`Flush ${i}`).length)).toEqual(ids.map(() => 1));
  });

  it('sends each reminder exactly once with two app instances on one database and one Redis', async () => {
    const database = sqliteDatabase();
    cleanup.push(() => database.drop());
    const shared = { QUEUE_PREFIX: `iw-two-${Date.now()}` };
    const one = await service(database, shared);
    await service(database, shared);
    const ids = await Promise.all(Array.from({ length: 20 }, (_, i) => silentProject(one.api, `Twee ${i}`, 2)));
    await waitFor('20 first reminders', () => ids.every((_, i) => mailsFor(`Twee ${i}`).length >= 1));
    await Promise.all(ids.map((id) => one.api.step(id, 'STOP', 'college')));
    await new Promise((resolve) => setTimeout(resolve, 3 * DAY_MS));
    // Counted by reminder (project and level), not per project: on a busy machine an escalation may fall due before STOP.
    const deliveries = (id: string) => hooks.filter((h) => h.body.projectId === id).map((h) => h.body.level as number);
    for (const id of ids) {
      const levels = deliveries(id);
      expect({ id, first: levels.filter((l) => l === 1).length, doubled: levels.length - new Set(levels).size }).toEqual({ id, first: 1, doubled: 0 });
    }
  });

  it('settles a retried reminder as skipped when a communication moved its deadline between attempts', async () => {
    const database = sqliteDatabase();
    cleanup.push(() => database.drop());
    // Nothing listens on port 9: the first delivery fails, and the retry waits for its backoff.
    const { api, t } = await service(database, { SMTP_URL: 'smtp://127.0.0.1:9', REMINDER_ATTEMPTS: '3', REMINDER_BACKOFF_MS: '1500' });
    const id = await silentProject(api, 'Tussen twee pogingen', 2);
    const reminders = async () => (await t.http().get(`/api/projects/${id}/reminders`).set('authorization', `Bearer ${api.manager}`)).body as Array<{ status: string; attempts: number }>;
    await waitFor('a first attempt that failed', async () => (await reminders()).some((r) => r.status === 'pending' && r.attempts >= 1));
    await t.http().post(`/api/projects/${id}/communications`).set('authorization', `Bearer ${api.manager}`).send({ channel: 'brief', audience: 'omwonenden', summary: 'Planning' }).expect(201);
    // The first reminder (oldest deadline first) was pending after its failed attempt; its retry settles it.
    const [first] = await waitFor('the retry to be skipped', async () => {
      const list = await reminders();
      return list[0]?.status === 'skipped' && list;
    });
    expect(first).toMatchObject({ status: 'skipped', attempts: 1 });
    const audit = (await api.audit(id)).body as Array<{ type: string; payload: Record<string, unknown> }>;
    expect(audit.find((e) => e.type === 'reminder-skipped')!.payload).toMatchObject({ reason: 'deadline-moved', dueAt: expect.any(String) });
    expect(t.output()).not.toMatch(/UNIQUE|duplicate key/i);
    await api.step(id, 'STOP', 'college');
  });

  it('reminds the owner of a milestone the chosen number of days ahead', async () => {
    const database = sqliteDatabase();
    cleanup.push(() => database.drop());
    const { api, t } = await service(database);
    const { body: project } = await api.create({ title: 'Raadsavond', origin: 'municipality', politicalSensitivity: 'low', silenceWindowDays: 0, ownerEmail: 'pl@gemeente.example' });
    const dueAt = new Date(Date.now() + 6 * DAY_MS).toISOString();
    const added = await t.http().post(`/api/projects/${project.id}/milestones`).set('authorization', `Bearer ${api.manager}`).send({ title: 'Raadsinformatieavond', dueAt, remindDaysBefore: 2 });
    expect(added.status).toBe(201);
    expect(Date.parse(added.body.remindAt)).toBe(Date.parse(dueAt) - 2 * DAY_MS);
    const [reminder] = await waitFor('the milestone reminder', () => mail.mails.filter((m) => m.subject.includes('"Raadsinformatieavond"')).length > 0 && mail.mails.filter((m) => m.subject.includes('"Raadsinformatieavond"')));
    expect(reminder.to).toEqual(['pl@gemeente.example']);
    expect(reminder.at).toBeGreaterThanOrEqual(Date.parse(added.body.remindAt) - 50);
    expect(reminder.at).toBeLessThan(Date.parse(dueAt));
    const listed = (await t.http().get(`/api/projects/${project.id}/milestones`).set('authorization', `Bearer ${api.manager}`)).body;
    await waitFor('the milestone to be marked', async () => (await t.http().get(`/api/projects/${project.id}/milestones`).set('authorization', `Bearer ${api.manager}`)).body[0].remindedAt);
    expect(listed).toHaveLength(1);
    const types = ((await api.audit(project.id)).body as Array<{ type: string }>).map((e) => e.type);
    expect(types).toEqual(['project-created', 'milestone-added', 'reminder-sent']);
  });

  it('reminds the owner of zienswijzen still unanswered before a planned decision, and only while they are', async () => {
    const database = sqliteDatabase();
    cleanup.push(() => database.drop());
    const { api, t } = await service(database);
    const { body: project } = await api.create({ title: 'Kerkplein', origin: 'municipality', politicalSensitivity: 'low', silenceWindowDays: 0, ownerEmail: 'pl@gemeente.example' });
    const as = (path: string, body: object) => t.http().post(path).set('authorization', `Bearer ${api.manager}`).send(body);
    await api.step(project.id, 'START_INTERACTIVE', 'college');
    await api.step(project.id, 'COMMIT', 'college');
    await t.http().put(`/api/projects/${project.id}/plan`).set('authorization', `Bearer ${api.manager}`).send({ ...EXAMPLE_PLAN, inspraak: { legallyRequired: false, form: 'c' } });
    await api.decide(project.id, 'ADOPT_PLAN', 'college');
    await api.event(project.id, { type: 'ADOPT_PLAN' }, { fileAsIs: true });
    await as(`/api/projects/${project.id}/inspection`, { laidOpenOn: '2026-09-01', publishedIn: 'Gemeenteblad 2026, 60001' });
    const reaction = (await as(`/api/projects/${project.id}/inspection/reactions`, { receivedOn: '2026-09-10', sender: 'Buurtvereniging', summary: 'Meer bankjes.' })).body;

    // A decision planned: its companion reminder falls due (UNANSWERED_REACTIONS_LEAD_DAYS ahead) while one zienswijze waits.
    const council = await as(`/api/projects/${project.id}/milestones`, { title: 'Raadsvergadering', dueAt: new Date(Date.now() + 10 * DAY_MS).toISOString(), decision: true, remindDaysBefore: 0 });
    expect(council.status).toBe(201);
    const [mailed] = await waitFor('the unanswered reminder', () => mail.mails.filter((m) => m.subject.includes('zonder antwoord in project "Kerkplein"')).length > 0 && mail.mails.filter((m) => m.subject.includes('zonder antwoord in project "Kerkplein"')));
    expect(mailed.subject).toBe('Nog 1 zienswijze zonder antwoord in project "Kerkplein"');
    expect(mailed.raw).toContain('Raadsvergadering');

    // Once every zienswijze has its answer, the next decision's companion stays silent, and the trail says why.
    await as(`/api/projects/${project.id}/inspection/reactions/${reaction.id}/answer`, { answer: 'Er komen er twee bij.', answeredOn: '2026-10-01' });
    await as(`/api/projects/${project.id}/milestones`, { title: 'Collegevergadering', dueAt: new Date(Date.now() + 10 * DAY_MS).toISOString(), decision: true, remindDaysBefore: 0 });
    const skipped = await waitFor('the skipped companion', async () => {
      const trail = (await api.audit(project.id)).body as Array<{ type: string; payload: { reason?: string } }>;
      return trail.find((e) => e.type === 'reminder-skipped' && e.payload.reason === 'no-unanswered-reactions');
    });
    expect(skipped).toBeTruthy();
    expect(mail.mails.filter((m) => m.subject.includes('zonder antwoord in project "Kerkplein"'))).toHaveLength(1);
  });

  it('retries a failing delivery with backoff and records a reminder that failed for good, visibly', async () => {
    const database = sqliteDatabase();
    cleanup.push(() => database.drop());
    // Nothing listens on port 9 (discard): every delivery attempt fails.
    const { api, t } = await service(database, { SMTP_URL: 'smtp://127.0.0.1:9', REMINDER_ATTEMPTS: '3', REMINDER_BACKOFF_MS: '50' });
    const id = await silentProject(api, 'Onbezorgbaar', 2);
    const failed = await waitFor('the reminder to fail for good', async () => {
      const list = (await t.http().get(`/api/projects/${id}/reminders`).set('authorization', `Bearer ${api.manager}`)).body;
      return list.find((r: { status: string }) => r.status === 'failed');
    });
    expect(failed).toMatchObject({ level: 1, attempts: 3, recipients: ['pl@gemeente.example'] });
    expect(failed.lastError).toMatch(/ECONNREFUSED|connect/i);
    const audit = (await api.audit(id)).body as Array<{ type: string; payload: Record<string, unknown> }>;
    expect(audit.find((e) => e.type === 'reminder-failed')!.payload).toMatchObject({ level: 1, attempts: 3 });
    await api.step(id, 'STOP', 'college');
  });

  it('keeps answering while Redis is down, says so in health, and catches up as soon as Redis is back', async () => {
    const database = sqliteDatabase();
    cleanup.push(() => database.drop());
    // No periodic reconcile within the test: only Redis coming back can set the catch-up going.
    const { api, t } = await service(database, { RECONCILE_INTERVAL_MS: '600000' });
    const before = await silentProject(api, 'Voor de storing', 4);
    // Its job reaches Redis before the outage, and is lost with Redis's memory: only a reconcile brings it back.
    await silentProject(api, 'Job kwijt', 4);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await redis.stop();
    try {
      const during = await silentProject(api, 'Tijdens de storing', 4); // creates, decisions and transitions all answer 2xx
      await t.http().post(`/api/projects/${before}/communications`).set('authorization', `Bearer ${api.manager}`).send({ channel: 'website', audience: 'alle deelnemers', summary: 'Update' }).expect(201);
      const health = await t.http().get('/health/ready');
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({ status: 'degraded', checks: { database: { status: 'up' }, redis: { status: 'down' } } });
      await new Promise((resolve) => setTimeout(resolve, 5 * DAY_MS)); // both deadlines pass while Redis is down
      expect(mailsFor('Tijdens de storing')).toHaveLength(0);
      await redis.start();
      await waitFor('the reminders after Redis returned', () => mailsFor('Voor de storing').length >= 1 && mailsFor('Tijdens de storing').length >= 1 && mailsFor('Job kwijt').length >= 1, 20_000);
      expect((await t.http().get('/health/ready')).body.checks.redis.status).toBe('up');
      expect(during).toBeDefined();
    } finally {
      await redis.start(); // for the suites after this one, whatever happened above
    }
  });

  it('drains the reminders being delivered on SIGTERM, so a restart sends none of them again', async () => {
    const database = sqliteDatabase();
    cleanup.push(() => database.drop());
    const slowMail = await startMailCatcher({ delayMs: 1500 });
    cleanup.push(() => slowMail.close());
    const shared = { QUEUE_PREFIX: `iw-drain-${Date.now()}`, SMTP_URL: slowMail.url };
    const first = await startTestApp(database, env(shared));
    const api = await ProjectClient.for(first);
    const ids = await Promise.all(Array.from({ length: 10 }, (_, i) => silentProject(api, `Afsluiten ${i}`, 2)));
    const pending = async () => (await Promise.all(ids.map(async (id) => (await first.http().get(`/api/projects/${id}/reminders`).set('authorization', `Bearer ${api.manager}`)).body))).flat();
    await waitFor('reminders in flight', async () => (await pending()).some((r: { status: string }) => r.status === 'pending'));
    await first.close(); // SIGTERM while the mail server is still answering

    const second = await service(database, shared);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await Promise.all(ids.map((id) => second.api.step(id, 'STOP', 'college')));
    await new Promise((resolve) => setTimeout(resolve, 2000)); // deliveries that were under way settle
    // Per reminder (project and level) one mail at most, whatever was in flight at the shutdown.
    const delivered = slowMail.mails.map((m) => `${m.subject}|${m.to.join(',')}`);
    expect(delivered.length).toBeGreaterThan(0);
    expect(delivered.length - new Set(delivered).size).toBe(0);
    const settled = (await Promise.all(ids.map(async (id) => (await second.api.audit(id)).body as Array<{ type: string; payload: { level: number } }>))).flatMap((trail, i) =>
      trail.filter((e) => e.type === 'reminder-sent').map((e) => `${ids[i]}:${e.payload.level}`),
    );
    expect(settled.length - new Set(settled).size).toBe(0);
  }, 60_000);

  it('finishes a SIGTERM within its bound while Redis cannot be reached', async () => {
    const database = sqliteDatabase();
    cleanup.push(() => database.drop());
    const t = await startTestApp(database, { REDIS_URL: 'redis://127.0.0.1:9', SHUTDOWN_GRACE_MS: '1000' });
    const api = await ProjectClient.for(t);
    await silentProject(api, 'Zonder Redis', 2);
    // Resolves only once the process has exited: before, it was still alive minutes later.
    await t.close();
    expect(t.output()).toMatch(/Closing the reminder workers without waiting \(Redis away/);
  }, 30_000);

  it('prunes relayed outbox rows once they are older than OUTBOX_RETENTION_DAYS, and keeps the rest', async () => {
    const database = sqliteDatabase();
    cleanup.push(() => database.drop());
    const { api } = await service(database, { OUTBOX_RETENTION_DAYS: '7' });
    await silentProject(api, 'Oude post', 2);
    await silentProject(api, 'Nieuwe post', 2);
    const path = database.config.kind === 'sqlite' ? database.config.path : '';
    const rows = () => {
      const db = new Database(path);
      try {
        return db.prepare('SELECT relayed_at AS relayedAt FROM outbox ORDER BY id').all() as Array<{ relayedAt: string | null }>;
      } finally {
        db.close();
      }
    };
    await waitFor('the outbox relayed', () => rows().length >= 2 && rows().every((r) => r.relayedAt !== null));
    const before = rows().length;
    const db = new Database(path);
    db.prepare(`UPDATE outbox SET relayed_at = '2020-01-01T00:00:00.000Z' WHERE id = (SELECT MIN(id) FROM outbox)`).run();
    db.close();
    await waitFor('the old row pruned', () => rows().length === before - 1);
    expect(rows().every((r) => r.relayedAt !== '2020-01-01T00:00:00.000Z')).toBe(true);
  });
});
