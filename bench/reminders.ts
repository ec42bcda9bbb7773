/**
 * bench/reminders: silence deadlines for 10,000 projects scheduled through the service's
 * own path (transition -> database row + outbox -> relay -> BullMQ), 2,000 of them falling
 * due within a few seconds once scheduling is done and mailed to a real SMTP server, then
 * a full reconcile after FLUSHALL and the relay alone (committed outbox rows -> BullMQ).
 * Uses a Redis server of its own on a free port (it flushes it).
 *
 *   npm run bench:reminders [-- --projects 10000 --due 2000]
 *
 * Scaled out (issue 22): on PostgreSQL, the API with WORKERS=off and the workers as processes of
 * their own (`npm run worker`), a round per worker count, each on a fresh database; then 100,000
 * pending deadlines reconciled after Redis lost them, while the API is asked for pages:
 *
 *   npm run bench:reminders -- --database postgres --workers 1,2,4 [--reconcile 100000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Queue } from 'bullmq';
import { SignJWT } from 'jose';
import { dutchDay } from '../machines/calendar/dutch-day';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/app-config';
import { dataSourceOptions } from '../src/database/data-source-options';
import { OutboxRepository } from '../src/database/outbox.repository';
import { ReminderRepository } from '../src/database/reminder.repository';
import { Tenancy } from '../src/tenancy/tenancy.service';
import { Metrics } from '../src/metrics/metrics.service';
import { DatabaseHealth } from '../src/database/database-health';
import { TenantRepository } from '../src/database/tenant.repository';
import { TransactionRunner } from '../src/database/transaction-runner';
import { ReminderScheduler } from '../src/reminders/reminder-scheduler.service';
import { EXAMPLE_QUICK_SCAN } from './support/example-file';
import { inParallel, jsonClient, percentile } from './support/http-client';
import { startRedis } from './support/redis-server';
import { freshPostgres, postgresAdmin } from './support/postgres';
import { startService } from './support/service';

const { values } = parseArgs({
  options: {
    projects: { type: 'string', default: '10000' },
    due: { type: 'string', default: '2000' },
    clients: { type: 'string', default: '16' },
    database: { type: 'string', default: 'sqlite' },
    // 0: the workers inside the API process, as one machine runs them.
    workers: { type: 'string', default: '0' },
    reconcile: { type: 'string', default: '0' },
  },
});
const WORKER_COUNTS = values.workers.split(',').map(Number);
const NATIONAL = Number(values.reconcile);
const PROJECTS = Number(values.projects);
const DUE = Number(values.due);
const CLIENTS = Number(values.clients);
const SECRET = 'bench-secret-that-is-long-enough-for-hs256';
const DAY_MS = 1000; // a "day" is a second here
// The 2,000 short-window projects enter formal commitment last, each with the window that makes
// it fall due within a second of one moment after all scheduling is done (however fast the
// database schedules), so firing is measured on its own.
const SLACK_MS = 3000;
const PREFIX = 'iw-bench';
const call = jsonClient(CLIENTS);

async function startMailCatcher() {
  const accepted: Array<{ subject: string; at: number }> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('latin1')));
      stream.on('end', () => {
        accepted.push({ subject: /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1].replace(/\r?\n[ \t]/g, '') ?? '', at: Date.now() });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`, accepted, close: () => server.close() };
}

async function jobsHeld(queue: Queue): Promise<number> {
  const counts = await queue.getJobCounts('delayed', 'waiting', 'active', 'completed', 'failed', 'prioritized');
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 120_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

interface Database {
  env: NodeJS.ProcessEnv;
  drop(): Promise<void>;
  /** SQL as the owner, for the national-size set-up. */
  admin?<T>(sql: string, parameters?: unknown[]): Promise<T[]>;
}

async function freshDatabase(dir: string, round: string): Promise<Database> {
  if (values.database !== 'postgres') return { env: { SQLITE_PATH: join(dir, `bench-${round}.sqlite`) }, drop: async () => undefined };
  const database = await freshPostgres('service');
  return { env: database.env, drop: database.drop, admin: <T>(sql: string, parameters: unknown[] = []) => postgresAdmin<T>(sql, database.name, parameters) };
}

const sign = (role: string) => new SignJWT({ name: `Bench ${role}`, roles: [role] }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('2h').sign(new TextEncoder().encode(SECRET));

/** One round: the projects set up, their deadlines scheduled, the short ones fired with `workers` worker processes (0: inside the API). */
async function round(workers: number, redis: Awaited<ReturnType<typeof startRedis>>, mail: Awaited<ReturnType<typeof startMailCatcher>>, database: Database) {
  await redis.flushAll();
  mail.accepted.length = 0;
  const connection = { host: '127.0.0.1', port: redis.port };
  const serviceEnv = {
    AUTH_SECRET: SECRET,
    ...database.env,
    REDIS_URL: redis.url,
    QUEUE_PREFIX: PREFIX,
    SMTP_URL: mail.url,
    DAY_LENGTH_MS: String(DAY_MS),
    // The reconciler is timed on its own below; while firing, it stays out of the way as in production.
    RECONCILE_INTERVAL_MS: '600000',
  };
  const service = await startService(workers > 0 ? { ...serviceEnv, WORKERS: 'off' } : serviceEnv);
  const workerProcesses = await Promise.all(Array.from({ length: workers }, () => startService(serviceEnv, { worker: true })));
  const [manager, secretary] = await Promise.all([sign('process-manager'), sign('college-secretary')]);

  // Set-up (not timed): projects in the quick scan, each with its green light for START_INTERACTIVE.
  // The last DUE of them get their short window just before their step (below).
  const ids: string[] = new Array(PROJECTS);
  await inParallel(ids, CLIENTS, async (_, i) => {
    const project = await call<{ id: string }>('POST', `${service.url}/api/projects`, manager, { title: `Bench ${i}`, origin: 'municipality', politicalSensitivity: 'low', silenceWindowDays: 365, ownerEmail: `pl${i}@gemeente.example` }, 201);
    ids[i] = project.id;
    await call('PUT', `${service.url}/api/projects/${project.id}/quick-scan`, manager, EXAMPLE_QUICK_SCAN, 200);
    await call('POST', `${service.url}/api/projects/${project.id}/decisions`, secretary, { event: 'START_INTERACTIVE', body: 'college', outcome: 'approved', decidedOn: dutchDay(new Date()), reference: 'bench' }, 201);
  });

  // Scheduling: START_INTERACTIVE starts each project's silence clock; the long-window ones are
  // timed until BullMQ holds their jobs.
  const queue = new Queue('reminders', { connection, prefix: PREFIX });
  const dueAt = new Map<number, number>();
  const start = (id: string) => call<{ silence: { nextReminderAt: string } }>('POST', `${service.url}/api/projects/${id}/events`, manager, { type: 'START_INTERACTIVE' }, 200);
  const scheduleStart = performance.now();
  await inParallel(ids.slice(0, PROJECTS - DUE), CLIENTS, (id) => start(id).then(() => undefined));
  const requestsDone = performance.now();
  await until('every deadline on the queue', async () => (await jobsHeld(queue)) >= PROJECTS - DUE);
  const scheduleSeconds = (performance.now() - scheduleStart) / 1000;
  // Then the short ones: each gets the window (in whole "days" of a second) that ends at one moment, after all of them are scheduled.
  const shortScheduling = ((DUE * 2) / ((PROJECTS - DUE) / scheduleSeconds)) * 1000;
  const firesAt = Date.now() + shortScheduling + SLACK_MS;
  await inParallel(ids.slice(PROJECTS - DUE), CLIENTS, async (id, j) => {
    const silenceWindowDays = Math.max(1, Math.ceil((firesAt - Date.now()) / DAY_MS));
    await call('PATCH', `${service.url}/api/projects/${id}`, manager, { silenceWindowDays }, 200);
    dueAt.set(PROJECTS - DUE + j, Date.parse((await start(id)).silence.nextReminderAt));
  });

  // Firing: the first reminders of the short-window projects, from due time to the mail accepted.
  await until(`${DUE} reminders mailed`, () => mail.accepted.filter((m) => !m.subject.includes('Escalatie')).length >= DUE);
  const firstMails = mail.accepted.filter((m) => !m.subject.includes('Escalatie'));
  const perProject = new Map<number, number[]>();
  for (const m of firstMails) {
    const index = Number(/Bench_?(\d+)/.exec(m.subject.replace(/=22/g, '"'))?.[1] ?? /Bench (\d+)/.exec(m.subject)?.[1]);
    perProject.set(index, [...(perProject.get(index) ?? []), m.at]);
  }
  const lateness = [...perProject.entries()].map(([i, ats]) => ats[0] - dueAt.get(i)!).sort((a, b) => a - b);
  const firstDue = Math.min(...dueAt.values());
  const workerCpu = workerProcesses.reduce((sum, w) => sum + w.cpuSeconds(), 0);
  await Promise.all([service, ...workerProcesses].map((p) => p.stop()));
  await queue.close();
  return {
    serviceEnv,
    scheduleSeconds,
    requestsSeconds: (requestsDone - scheduleStart) / 1000,
    lateness,
    spreadSeconds: (Math.max(...dueAt.values()) - firstDue) / 1000,
    firingSeconds: (Math.max(...firstMails.map((m) => m.at)) - firstDue) / 1000,
    doubled: [...perProject.values()].filter((ats) => ats.length > 1).length,
    missing: DUE - perProject.size,
    workerCpu,
  };
}

/**
 * National size (issue 22): `count` pending deadlines, cloned in SQL from the projects there are,
 * all due in a year, then Redis restarted empty. The API reconciles at once when Redis is back;
 * meanwhile four clients ask it for a project; their p99 is compared with the same before.
 */
async function nationalReconcile(count: number, redis: Awaited<ReturnType<typeof startRedis>>, database: Database, serviceEnv: NodeJS.ProcessEnv) {
  const admin = database.admin!;
  const [{ n: before }] = await admin<{ n: string }>('SELECT COUNT(*) AS n FROM projects');
  const clones = count - Number(before);
  await admin(
    `INSERT INTO projects SELECT (jsonb_populate_record(NULL::projects, to_jsonb(p) || jsonb_build_object('id', gen_random_uuid(), 'slug', NULL,
       'silence_deadline', to_char((now() + interval '300 days' + (g.i || ' seconds')::interval) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))).*
       FROM (SELECT * FROM projects WHERE silence_deadline IS NOT NULL LIMIT 1) p, generate_series(1, $1) AS g(i)`,
    [clones],
  );
  await admin('ANALYZE projects');
  const [{ n: pending }] = await admin<{ n: string }>('SELECT COUNT(*) AS n FROM projects WHERE silence_deadline IS NOT NULL');
  const service = await startService({ ...serviceEnv, WORKERS: 'off' });
  const queue = new Queue('reminders', { connection: { host: '127.0.0.1', port: redis.port }, prefix: PREFIX });
  await until('the reconcile at start', async () => (await jobsHeld(queue)) >= Number(pending), 600_000);
  const manager = await sign('process-manager');
  const [{ id }] = await admin<{ id: string }>('SELECT id FROM projects LIMIT 1');
  const ask = async (stop: () => boolean) => {
    const latencies: number[] = [];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (!stop()) {
          const t0 = performance.now();
          await call('GET', `${service.url}/api/projects/${id}`, manager, undefined, 200);
          latencies.push(performance.now() - t0);
        }
      }),
    );
    return latencies.sort((a, b) => a - b);
  };
  const quietEnd = Date.now() + 5000;
  const quiet = await ask(() => Date.now() > quietEnd);
  await redis.stop();
  await redis.start();
  const lost = performance.now();
  let restored = false;
  const watching = until('every deadline back on the queue', async () => (restored = (await jobsHeld(queue).catch(() => 0)) >= Number(pending)), 600_000);
  const during = await ask(() => restored);
  await watching;
  const seconds = (performance.now() - lost) / 1000;
  await queue.close();
  await service.stop();
  return { pending: Number(pending), seconds, quiet, during };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'iw-bench-reminders-'));
  const redis = await startRedis();
  const mail = await startMailCatcher();
  const connection = { host: '127.0.0.1', port: redis.port };
  console.log(`bench/reminders: ${PROJECTS} projects, ${DUE} of them due within seconds, on ${values.database === 'postgres' ? 'PostgreSQL' : 'SQLite'}, Node ${process.version}`);
  const databases: Database[] = [];
  try {
    // Raw baseline: BullMQ addBulk of the same number of delayed jobs, same Redis.
    // One untimed round first, so that the connection and the JIT are warm for the timed one.
    const raw = new Queue('raw-baseline', { connection, prefix: 'raw' });
    const addAll = async (name: string) => {
      for (let i = 0; i < PROJECTS; i += 1000) {
        await raw.addBulk(Array.from({ length: Math.min(1000, PROJECTS - i) }, (_, j) => ({ name: 'silence', data: { projectId: `p${i + j}` }, opts: { jobId: `${name}-${i + j}`, delay: 3_600_000 } })));
      }
    };
    await addAll('warm-up');
    const rawStart = performance.now();
    await addAll('raw');
    const rawRate = PROJECTS / ((performance.now() - rawStart) / 1000);
    await raw.obliterate({ force: true });
    await raw.close();
    const ratio = (rate: number) => `${((100 * rate) / rawRate).toFixed(1)}% of raw`;
    console.log(`\nraw BullMQ addBulk, same Redis, batches of 1,000: ${rawRate.toFixed(0)} jobs/s`);

    let last: Awaited<ReturnType<typeof round>> | undefined;
    for (const workers of WORKER_COUNTS) {
      const database = await freshDatabase(dir, `workers-${workers}`);
      databases.push(database);
      last = await round(workers, redis, mail, database);
      const { lateness } = last;
      console.log(`\n${workers === 0 ? 'workers inside the API process' : `${workers} worker process(es), the API with WORKERS=off`}:`);
      const scheduled = PROJECTS - DUE;
      console.log(`  scheduling ${scheduled} silence deadlines end to end (HTTP transition -> row + outbox -> relay -> BullMQ): ${(scheduled / last.scheduleSeconds).toFixed(0)} deadlines/s, ${ratio(scheduled / last.scheduleSeconds)} (${last.scheduleSeconds.toFixed(2)} s; requests answered after ${last.requestsSeconds.toFixed(2)} s)`);
      console.log(`  firing ${DUE} reminders due within ${last.spreadSeconds.toFixed(2)} s (due time -> mail accepted by the SMTP server):`);
      console.log(`    lateness p50 ${percentile(lateness, 50)} ms, p99 ${percentile(lateness, 99)} ms, max ${lateness.at(-1)} ms  (target p99 < 500 ms with two worker processes)`);
      console.log(`    all mailed ${last.firingSeconds.toFixed(2)} s after the first fell due: ${(DUE / last.firingSeconds).toFixed(0)} reminders/s; worker processes' CPU ${last.workerCpu.toFixed(1)} s`);
      console.log(`    missing: ${last.missing}, doubled: ${last.doubled}  (target 0 and 0)`);
    }

    // The reconciler and the relay, each run alone in this process with the service's own
    // code, against an emptied Redis (deterministic job ids make re-adding safe).
    const config = loadConfig({ ...last!.serviceEnv, QUEUE_PREFIX: PREFIX });
    const dataSource = await new DataSource(dataSourceOptions(config.database)).initialize();
    const transactions = new TransactionRunner(dataSource);
    const tenancy = new Tenancy(new TenantRepository(dataSource), config);
    await tenancy.reload();
    const queue = new Queue('reminders', { connection, prefix: PREFIX });
    const scheduler = new ReminderScheduler(queue, new OutboxRepository(dataSource), new ReminderRepository(dataSource), transactions, tenancy, new Metrics(config, new DatabaseHealth(dataSource)), config);
    await redis.flushAll();
    const reconcileStart = performance.now();
    const pending = await scheduler.reconcile();
    const reconcileSeconds = (performance.now() - reconcileStart) / 1000;
    const restored = await jobsHeld(queue);
    // As the owner on PostgreSQL: the service's role sees no row outside a municipality's scope.
    const database = databases.at(-1)!;
    await (database.admin ? database.admin('UPDATE outbox SET relayed_at = NULL') : dataSource.query('UPDATE outbox SET relayed_at = NULL'));
    await redis.flushAll();
    const relayStart = performance.now();
    const outboxRows = await scheduler.relay();
    const relaySeconds = (performance.now() - relayStart) / 1000;
    await dataSource.destroy();
    await queue.close();
    console.log(`\nthe scheduling path after commit (outbox relay: ${outboxRows} committed rows -> BullMQ): ${(outboxRows / relaySeconds).toFixed(0)} deadlines/s, ${ratio(outboxRows / relaySeconds)}  (target >= 25%)`);
    console.log(`reconcile after FLUSHALL: ${restored} of ${pending} pending deadlines back on the queue in ${reconcileSeconds.toFixed(2)} s  (target < 5 s; in the service it runs at start and every RECONCILE_INTERVAL_MS)`);

    if (NATIONAL > 0 && database.admin) {
      const national = await nationalReconcile(NATIONAL, redis, database, last!.serviceEnv);
      console.log(`\nnational size: ${national.pending} pending deadlines back on the queue ${national.seconds.toFixed(1)} s after Redis came back empty  (target < 30 s)`);
      console.log(`  GET /api/projects/:id meanwhile, 4 clients: p50 ${percentile(national.during, 50).toFixed(1)} ms, p99 ${percentile(national.during, 99).toFixed(1)} ms, max ${national.during.at(-1)!.toFixed(1)} ms over ${national.during.length} requests; before, quiet: p50 ${percentile(national.quiet, 50).toFixed(1)} ms, p99 ${percentile(national.quiet, 99).toFixed(1)} ms`);
    }
  } finally {
    await redis.stop();
    mail.close();
    for (const database of databases) await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
