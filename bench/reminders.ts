/**
 * bench/reminders: silence deadlines for 10,000 projects scheduled through the service's
 * own path (transition -> database row + outbox -> relay -> BullMQ), 2,000 of them falling
 * due within a few seconds once scheduling is done and mailed to a real SMTP server, then
 * a full reconcile after FLUSHALL and the relay alone (committed outbox rows -> BullMQ).
 * Uses a Redis server of its own on a free port (it flushes it).
 *
 *   npm run bench:reminders [-- --projects 10000 --due 2000]
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
import { startService } from './support/service';

const { values } = parseArgs({ options: { projects: { type: 'string', default: '10000' }, due: { type: 'string', default: '2000' }, clients: { type: 'string', default: '16' } } });
const PROJECTS = Number(values.projects);
const DUE = Number(values.due);
const CLIENTS = Number(values.clients);
const SECRET = 'bench-secret-that-is-long-enough-for-hs256';
const DAY_MS = 1000; // a "day" is a second here
// The 2,000 short-window projects enter formal commitment last and fall due 5 s later:
// after scheduling is done, so firing is measured on its own.
const SHORT_WINDOW_DAYS = 5;
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

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'iw-bench-reminders-'));
  const redis = await startRedis();
  const mail = await startMailCatcher();
  const connection = { host: '127.0.0.1', port: redis.port };
  console.log(`bench/reminders: ${PROJECTS} projects, ${DUE} of them due within seconds, Node ${process.version}`);
  try {
    // Raw baseline: BullMQ addBulk of the same number of delayed jobs, same Redis.
    // One untimed round first, so that the connection and the JIT are warm for the timed one.
    const raw = new Queue('raw-baseline', { connection, prefix: 'raw' });
    const addAll = async (round: string) => {
      for (let i = 0; i < PROJECTS; i += 1000) {
        await raw.addBulk(Array.from({ length: Math.min(1000, PROJECTS - i) }, (_, j) => ({ name: 'silence', data: { projectId: `p${i + j}` }, opts: { jobId: `${round}-${i + j}`, delay: 3_600_000 } })));
      }
    };
    await addAll('warm-up');
    const rawStart = performance.now();
    await addAll('raw');
    const rawRate = PROJECTS / ((performance.now() - rawStart) / 1000);
    await raw.obliterate({ force: true });
    await raw.close();

    const serviceEnv = {
      AUTH_SECRET: SECRET,
      SQLITE_PATH: join(dir, 'bench.sqlite'),
      REDIS_URL: redis.url,
      QUEUE_PREFIX: PREFIX,
      SMTP_URL: mail.url,
      DAY_LENGTH_MS: String(DAY_MS),
      // The reconciler is timed on its own below; while firing, it stays out of the way as in production.
      RECONCILE_INTERVAL_MS: '600000',
    };
    const service = await startService(serviceEnv);
    const sign = (role: string) => new SignJWT({ name: `Bench ${role}`, roles: [role] }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('2h').sign(new TextEncoder().encode(SECRET));
    const [manager, secretary] = await Promise.all([sign('process-manager'), sign('college-secretary')]);

    // Set-up (not timed): projects in the quick scan, each with its green light for START_INTERACTIVE.
    // The last DUE of them have the short window.
    const short = (i: number) => i >= PROJECTS - DUE;
    const ids: string[] = new Array(PROJECTS);
    await inParallel(ids, CLIENTS, async (_, i) => {
      const windowDays = short(i) ? SHORT_WINDOW_DAYS : 365;
      const project = await call<{ id: string }>('POST', `${service.url}/api/projects`, manager, { title: `Bench ${i}`, origin: 'municipality', politicalSensitivity: 'low', silenceWindowDays: windowDays, ownerEmail: `pl${i}@gemeente.example` }, 201);
      ids[i] = project.id;
      await call('PUT', `${service.url}/api/projects/${project.id}/quick-scan`, manager, EXAMPLE_QUICK_SCAN, 200);
      await call('POST', `${service.url}/api/projects/${project.id}/decisions`, secretary, { event: 'START_INTERACTIVE', body: 'college', outcome: 'approved', decidedOn: dutchDay(new Date()), reference: 'bench' }, 201);
    });

    // Scheduling: START_INTERACTIVE starts each project's silence clock; timed until BullMQ holds every job.
    const queue = new Queue('reminders', { connection, prefix: PREFIX });
    const dueAt = new Map<number, number>();
    const scheduleStart = performance.now();
    await inParallel(ids, CLIENTS, async (id, i) => {
      const project = await call<{ silence: { nextReminderAt: string } }>('POST', `${service.url}/api/projects/${id}/events`, manager, { type: 'START_INTERACTIVE' }, 200);
      if (short(i)) dueAt.set(i, Date.parse(project.silence.nextReminderAt));
    });
    const requestsDone = performance.now();
    await until('every deadline on the queue', async () => (await jobsHeld(queue)) >= PROJECTS);
    const scheduleSeconds = (performance.now() - scheduleStart) / 1000;
    const scheduleRate = PROJECTS / scheduleSeconds;

    // Firing: the first reminders of the short-window projects, from due time to the mail accepted.
    await until(`${DUE} reminders mailed`, () => mail.accepted.filter((m) => !m.subject.includes('Escalatie')).length >= DUE);
    const firstMails = mail.accepted.filter((m) => !m.subject.includes('Escalatie'));
    const perProject = new Map<number, number[]>();
    for (const m of firstMails) {
      const index = Number(/Bench_?(\d+)/.exec(m.subject.replace(/=22/g, '"'))?.[1] ?? /Bench (\d+)/.exec(m.subject)?.[1]);
      perProject.set(index, [...(perProject.get(index) ?? []), m.at]);
    }
    const lateness = [...perProject.entries()].map(([i, ats]) => ats[0] - dueAt.get(i)!).sort((a, b) => a - b);
    const doubled = [...perProject.values()].filter((ats) => ats.length > 1).length;
    const missing = DUE - perProject.size;

    await service.stop();

    // The reconciler and the relay, each run alone in this process with the service's own
    // code, against an emptied Redis (deterministic job ids make re-adding safe).
    const config = loadConfig({ ...serviceEnv, QUEUE_PREFIX: PREFIX });
    const dataSource = await new DataSource(dataSourceOptions(config.database)).initialize();
    const transactions = new TransactionRunner(dataSource);
    const tenancy = new Tenancy(new TenantRepository(dataSource), config);
    await tenancy.reload();
    const scheduler = new ReminderScheduler(queue, new OutboxRepository(dataSource), new ReminderRepository(dataSource), transactions, tenancy, new Metrics(config, new DatabaseHealth(dataSource)), config);
    // Where the lateness arises: due -> claimed by a worker (row created) -> settled after delivery.
    const rows: Array<{ due_at: string; created_at: string; finished_at: string }> = await dataSource.query("SELECT due_at, created_at, finished_at FROM reminders WHERE kind = 'silence' AND level = 1 AND status = 'sent'");
    const claimLateness = rows.map((r) => Date.parse(r.created_at) - Date.parse(r.due_at)).sort((a, b) => a - b);
    const settleLateness = rows.map((r) => Date.parse(r.finished_at) - Date.parse(r.due_at)).sort((a, b) => a - b);
    await redis.flushAll();
    const reconcileStart = performance.now();
    const pending = await scheduler.reconcile();
    const reconcileSeconds = (performance.now() - reconcileStart) / 1000;
    const restored = await jobsHeld(queue);

    await dataSource.query('UPDATE outbox SET relayed_at = NULL');
    await redis.flushAll();
    const relayStart = performance.now();
    const outboxRows = await scheduler.relay();
    const relaySeconds = (performance.now() - relayStart) / 1000;
    const relayRate = outboxRows / relaySeconds;
    await dataSource.destroy();
    await queue.close();

    const ratio = (rate: number) => `${((100 * rate) / rawRate).toFixed(1)}% of raw`;
    console.log(`\nraw BullMQ addBulk, same Redis, batches of 1,000: ${rawRate.toFixed(0)} jobs/s`);
    console.log(`scheduling ${PROJECTS} silence deadlines end to end (HTTP transition -> row + outbox -> relay -> BullMQ):`);
    console.log(`  ${scheduleRate.toFixed(0)} deadlines/s, ${ratio(scheduleRate)} (${scheduleSeconds.toFixed(2)} s; requests answered after ${((requestsDone - scheduleStart) / 1000).toFixed(2)} s)`);
    console.log(`the scheduling path after commit (outbox relay: ${outboxRows} committed rows -> BullMQ):`);
    console.log(`  ${relayRate.toFixed(0)} deadlines/s, ${ratio(relayRate)}  (target >= 25%)`);
    console.log(`firing ${DUE} reminders due within seconds (due time -> mail accepted by the SMTP server):`);
    console.log(`  lateness p50 ${percentile(lateness, 50)} ms, p99 ${percentile(lateness, 99)} ms, max ${lateness.at(-1)} ms  (target p99 < 500 ms)`);
    const firstDue = Math.min(...dueAt.values());
    const firingSeconds = (Math.max(...firstMails.map((m) => m.at)) - firstDue) / 1000;
    console.log(`  due times spread over ${((Math.max(...dueAt.values()) - firstDue) / 1000).toFixed(2)} s; all mailed ${firingSeconds.toFixed(2)} s after the first fell due: ${(DUE / firingSeconds).toFixed(0)} reminders/s`);
    console.log(`  of which due -> claimed by a worker: p50 ${percentile(claimLateness, 50)} ms, p99 ${percentile(claimLateness, 99)} ms; due -> settled: p50 ${percentile(settleLateness, 50)} ms, p99 ${percentile(settleLateness, 99)} ms`);
    console.log(`  missing: ${missing}, doubled: ${doubled}  (target 0 and 0)`);
    console.log(`reconcile after FLUSHALL: ${restored} of ${pending} pending deadlines back on the queue in ${reconcileSeconds.toFixed(2)} s  (target < 5 s; in the service it runs at start and every RECONCILE_INTERVAL_MS)`);
  } finally {
    await redis.stop();
    mail.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
