/**
 * bench/transitions: 500 projects walked through their whole lifecycle over HTTP by 16
 * concurrent clients, against the raw limit of the same disk measured in the same run.
 *
 *   npm run bench:transitions [-- --projects 500 --clients 16]
 *
 * On PostgreSQL (issue 21: the cost of isolation), a fresh database per run, no raw limit:
 *
 *   npm run bench:transitions -- --database postgres [--tenants 2] [--role service|owner]
 *
 * `--tenants N` adds N municipalities through the operator's API and spreads the clients over
 * them (0: tokens name none, as before tenants); `--role service` connects as a role of its own
 * under row-level security (DATABASE_OWNER_URL migrates), `owner` as the database's superuser.
 * BENCH_SERVICE_MAIN runs another build (a baseline) under the same load.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { SignJWT } from 'jose';
import { Client } from 'pg';
import { dutchDay } from '../machines/calendar/dutch-day';
import { FILE_BEFORE } from './support/example-file';
import { jsonClient, percentile } from './support/http-client';
import { startService } from './support/service';

const { values } = parseArgs({
  options: {
    projects: { type: 'string', default: '500' },
    clients: { type: 'string', default: '16' },
    seconds: { type: 'string', default: '3' },
    database: { type: 'string', default: 'sqlite' },
    tenants: { type: 'string', default: '0' },
    role: { type: 'string', default: 'service' },
  },
});
const TENANTS = Number(values.tenants);
const POSTGRES_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SERVICE_ROLE = 'iw_bench_service';
const PROJECTS = Number(values.projects);
const CLIENTS = Number(values.clients);
const RAW_SECONDS = Number(values.seconds);
const post = jsonClient(CLIENTS);
const SECRET = 'bench-secret-that-is-long-enough-for-hs256';
const GATES = ['START_INTERACTIVE', 'COMMIT', 'ADOPT_PLAN', 'PROBLEM_DEFINED', 'SOLUTIONS_CHOSEN', 'ADVICE_SUBMITTED', 'DECISION_TAKEN', 'EXECUTION_COMPLETED', 'START_NEW_CYCLE',
  'PROBLEM_DEFINED', 'SOLUTIONS_CHOSEN', 'ADVICE_SUBMITTED', 'DECISION_TAKEN', 'EXECUTION_COMPLETED', 'CLOSE'];

type Synchronous = 'FULL' | 'NORMAL';

/** What one transition must do at the least: read the row, append the hashed audit entry, versioned update; one transaction. */
function rawLimit(dir: string, synchronous: Synchronous, run: string): number {
  const db = new Database(join(dir, `raw-${synchronous}-${run}.sqlite`));
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('wal_autocheckpoint = 10000'); // as the service sets it
  db.exec(`CREATE TABLE projects (id TEXT PRIMARY KEY, snapshot TEXT NOT NULL, version INTEGER NOT NULL, audit_seq INTEGER NOT NULL, audit_hash TEXT NOT NULL);
           CREATE TABLE audit_entries (id INTEGER PRIMARY KEY, project_id TEXT NOT NULL, seq INTEGER NOT NULL, payload TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL, UNIQUE (project_id, seq));`);
  const insertProject = db.prepare('INSERT INTO projects VALUES (?, ?, 1, 0, ?)');
  for (let i = 0; i < PROJECTS; i++) insertProject.run(`p${i}`, JSON.stringify({ value: 'quickScan', context: { cycle: 1 } }), '0'.repeat(64));
  const read = db.prepare('SELECT * FROM projects WHERE id = ?');
  const append = db.prepare('INSERT INTO audit_entries (project_id, seq, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?)');
  const update = db.prepare('UPDATE projects SET snapshot = ?, version = version + 1, audit_seq = ?, audit_hash = ? WHERE id = ? AND version = ?');
  const transition = db.transaction((id: string) => {
    const row = read.get(id) as { snapshot: string; version: number; audit_seq: number; audit_hash: string };
    const payload = JSON.stringify({ event: 'COMMIT', from: 'formalCommitment', to: 'planOfApproach', cycle: 1 });
    const hash = createHash('sha256').update(row.audit_hash).update(payload).digest('hex');
    append.run(id, row.audit_seq + 1, payload, row.audit_hash, hash);
    if (update.run(row.snapshot, row.audit_seq + 1, hash, id, row.version).changes !== 1) throw new Error('lost update');
  });
  let count = 0;
  const end = Date.now() + RAW_SECONDS * 1000;
  while (Date.now() < end) transition(`p${count++ % PROJECTS}`);
  db.close();
  return count / RAW_SECONDS;
}

const token = (name: string, role: string, tenant?: string) =>
  new SignJWT({ name, roles: [role], ...(tenant && { tenant }) }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('2h').sign(new TextEncoder().encode(SECRET));

const call = (url: string, bearer: string, body: unknown, expected: number) => post('POST', url, bearer, body, expected);

/** Runs SQL on the PostgreSQL server as its superuser. */
async function postgresAdmin(sql: string, database?: string): Promise<void> {
  const url = new URL(POSTGRES_URL);
  if (database) url.pathname = `/${database}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh PostgreSQL database; the service's role of its own, when it connects as one. */
async function postgresEnv(): Promise<{ env: NodeJS.ProcessEnv; drop: () => Promise<void> }> {
  const name = `iw_bench_${Date.now()}`;
  await postgresAdmin(`CREATE DATABASE ${name}`);
  const owner = new URL(POSTGRES_URL);
  owner.pathname = `/${name}`;
  let env: NodeJS.ProcessEnv = { DATABASE_URL: owner.toString() };
  if (values.role === 'service') {
    await postgresAdmin(`DO $$ BEGIN CREATE ROLE ${SERVICE_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS; EXCEPTION WHEN duplicate_object THEN NULL; END $$`);
    const service = new URL(owner);
    service.username = SERVICE_ROLE;
    env = { DATABASE_URL: service.toString(), DATABASE_OWNER_URL: owner.toString() };
  }
  return { env, drop: () => postgresAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** The municipalities the clients work for: none named (one installation, one municipality), or N added by the operator. */
async function tenantsOf(url: string): Promise<Array<string | undefined>> {
  if (TENANTS === 0) return [undefined];
  const operator = await token('Bench Operator', 'operator');
  const ids = Array.from({ length: TENANTS }, (_, i) => `bench-${i + 1}`);
  for (const id of ids) await call(`${url}/api/tenants`, operator, { id, name: `Gemeente Bench ${id}`, municipalityCode: String(1000 + ids.indexOf(id)) }, 201);
  return ids;
}

async function walkOverHttp(dir: string, synchronous: Synchronous, database: { env: NodeJS.ProcessEnv } | null = null) {
  const service = await startService({ AUTH_SECRET: SECRET, ...(database ? database.env : { SQLITE_PATH: join(dir, `service-${synchronous}.sqlite`), SQLITE_SYNCHRONOUS: synchronous }) });
  const tenants = await tenantsOf(service.url);
  const tokens = await Promise.all(tenants.map(async (tenant) => ({ manager: await token('Bench Manager', 'process-manager', tenant), secretary: await token('Bench Secretaris', 'college-secretary', tenant) })));
  const latencies: number[] = [];
  let next = 0;
  const cpuBefore = service.cpuSeconds();
  const started = performance.now();
  const client = async (_: unknown, i: number) => {
    // Each client works for one municipality, in turn.
    const { manager, secretary } = tokens[i % tokens.length];
    while (next < PROJECTS) {
      next++;
      const project = (await call(`${service.url}/api/projects`, manager, { title: `Bench ${next}`, origin: 'municipality', politicalSensitivity: 'low' }, 201)) as { id: string };
      for (const gate of GATES) {
        // The file the step needs (quick scan, commitment, plan), as a process manager fills it in; not timed.
        const file = FILE_BEFORE[gate];
        if (file) await post('PUT', `${service.url}/api/projects/${project.id}/${file.path}`, manager, file.body, 200);
        await call(`${service.url}/api/projects/${project.id}/decisions`, secretary, { event: gate, body: 'college', outcome: 'approved', decidedOn: dutchDay(new Date()), reference: `B&W ${gate}` }, 201);
        const t0 = performance.now();
        await call(`${service.url}/api/projects/${project.id}/events`, manager, { type: gate }, 200);
        latencies.push(performance.now() - t0);
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const seconds = (performance.now() - started) / 1000;
  const serviceCpu = service.cpuSeconds() - cpuBefore;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => percentile(latencies, p);
  const result = {
    transitionsPerSecond: latencies.length / seconds,
    writeRequestsPerSecond: (latencies.length * 2 + PROJECTS) / seconds,
    p50: pct(50),
    p99: pct(99),
    serviceCpuShare: serviceCpu / seconds,
    peakRssMb: service.peakRssMb(),
    databaseMb: service.sizeMb(),
    transitions: latencies.length,
    seconds,
  };
  await service.stop();
  return result;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'iw-bench-'));
  console.log(`bench/transitions: ${PROJECTS} projects x ${GATES.length} gated transitions (2 cycles), ${CLIENTS} concurrent clients, Node ${process.version}`);
  try {
    if (values.database === 'postgres') {
      const database = await postgresEnv();
      try {
        const http = await walkOverHttp(dir, 'FULL', database);
        console.log(`\nPostgreSQL, ${values.role === 'service' ? `as ${SERVICE_ROLE} under row-level security` : 'as the superuser'}, ${TENANTS === 0 ? 'tokens naming no municipality' : `${TENANTS} municipalities`}`);
        console.log(`  gated transitions over HTTP: ${http.transitionsPerSecond.toFixed(0)}/s (${http.transitions} in ${http.seconds.toFixed(1)} s)`);
        console.log(`  transition latency: p50 ${http.p50.toFixed(2)} ms, p99 ${http.p99.toFixed(2)} ms`);
        console.log(`  service CPU: ${(100 * http.serviceCpuShare).toFixed(0)}% of one core; peak RSS ${http.peakRssMb.toFixed(0)} MB`);
      } finally {
        await database.drop();
      }
      return;
    }
    for (const synchronous of ['FULL', 'NORMAL'] as const) {
      // The disk's fsync rate drifts on a shared machine: after a warm-up, the raw limit is taken before and after, and averaged.
      rawLimit(dir, synchronous, 'warm-up');
      const rawBefore = rawLimit(dir, synchronous, 'before');
      const http = await walkOverHttp(dir, synchronous);
      const rawAfter = rawLimit(dir, synchronous, 'after');
      const raw = (rawBefore + rawAfter) / 2;
      console.log(`\nsynchronous=${synchronous}${synchronous === 'FULL' ? ' (the durable default)' : ''}`);
      console.log(`  raw limit (better-sqlite3, one transaction per transition): ${raw.toFixed(0)} tx/s (before ${rawBefore.toFixed(0)}, after ${rawAfter.toFixed(0)})`);
      console.log(`  gated transitions over HTTP: ${http.transitionsPerSecond.toFixed(0)}/s (${http.transitions} in ${http.seconds.toFixed(1)} s; with decisions and creates ${http.writeRequestsPerSecond.toFixed(0)} writes/s)`);
      console.log(`  ratio to the raw limit: ${((100 * http.transitionsPerSecond) / raw).toFixed(1)}%  (target >= 30% with FULL)`);
      console.log(`  transition latency: p50 ${http.p50.toFixed(2)} ms, p99 ${http.p99.toFixed(2)} ms  (target p99 < 50 ms)`);
      console.log(`  service CPU: ${(100 * http.serviceCpuShare).toFixed(0)}% of one core (Node runs JavaScript on one)`);
      console.log(`  service peak RSS: ${http.peakRssMb.toFixed(0)} MB; database size: ${http.databaseMb.toFixed(1)} MB`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
