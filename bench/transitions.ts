/**
 * bench/transitions: 500 projects walked through their whole lifecycle over HTTP by 16
 * concurrent clients, against the raw limit of the same disk measured in the same run.
 *
 *   npm run bench:transitions [-- --projects 500 --clients 16]
 *
 * On PostgreSQL, a fresh database per run (DATABASE_URL, default the local server's `test`),
 * against PostgreSQL's own limit in the same run (issue 22): pgbench, with as many clients, on
 * the least one transition must do (lock the project's row, insert the hashed trail entry, the
 * versioned update; one transaction), before and after the HTTP run:
 *
 *   npm run bench:transitions -- --database postgres [--instances 2] [--workers 1] [--tenants 2] [--role service|owner]
 *
 * `--instances N` runs N API processes with WORKERS=off, the clients spread over them, and
 * `--workers M` M reminder worker processes (`npm run worker`).
 * `--tenants N` adds N municipalities through the operator's API and spreads the clients over
 * them (0: tokens name none, as before tenants); `--role service` connects as a role of its own
 * under row-level security (DATABASE_OWNER_URL migrates), `owner` as the database's superuser.
 * BENCH_SERVICE_MAIN runs another build (a baseline) under the same load.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { SignJWT } from 'jose';
import { dutchDay } from '../machines/calendar/dutch-day';
import { FILE_BEFORE } from './support/example-file';
import { jsonClient, percentile } from './support/http-client';
import { freshPostgres, postgresAdmin } from './support/postgres';
import { startService } from './support/service';

const { values } = parseArgs({
  options: {
    projects: { type: 'string', default: '500' },
    clients: { type: 'string', default: '16' },
    seconds: { type: 'string', default: '3' },
    database: { type: 'string', default: 'sqlite' },
    tenants: { type: 'string', default: '0' },
    role: { type: 'string', default: 'service' },
    instances: { type: 'string', default: '1' },
    workers: { type: 'string', default: '1' },
  },
});
const TENANTS = Number(values.tenants);
const INSTANCES = Number(values.instances);
const WORKERS = Number(values.workers);
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

/**
 * PostgreSQL's own limit for one transition, with pgbench on the same database and as many
 * clients: lock the project's row and read its chain head, insert the hashed trail entry, the
 * versioned update of the row (its state as JSON), in one transaction; prepared statements.
 */
async function pgbenchLimit(ownerUrl: string, dir: string, run: string): Promise<number> {
  const script = join(dir, 'transition.pgbench');
  if (!existsSync(script)) {
    const snapshot = JSON.stringify({ value: { policyCycle: 'preparation' }, context: { cycle: 1, version: 0, history: 'x'.repeat(1500) } });
    await postgresAdmin(
      `CREATE TABLE bench_projects (id integer PRIMARY KEY, snapshot jsonb NOT NULL, version integer NOT NULL, audit_seq integer NOT NULL, audit_hash text NOT NULL);
       CREATE TABLE bench_trail (id bigserial PRIMARY KEY, project_id integer NOT NULL, seq integer NOT NULL, payload jsonb NOT NULL, prev_hash text NOT NULL, hash text NOT NULL, UNIQUE (project_id, seq));
       INSERT INTO bench_projects SELECT i, '${snapshot}', 1, 0, repeat('0', 64) FROM generate_series(1, ${PROJECTS}) AS i;`,
      new URL(ownerUrl).pathname.slice(1),
    );
    const entry = JSON.stringify({ type: 'transition', event: 'COMMIT', from: 'formalCommitment', to: 'planOfApproach', cycle: 1 });
    const hash = `encode(sha256(convert_to(:audit_hash || '${entry}', 'UTF8')), 'hex')`;
    writeFileSync(
      script,
      [
        `\\set id random(1, ${PROJECTS})`,
        'BEGIN;',
        'SELECT version, audit_seq, audit_hash FROM bench_projects WHERE id = :id FOR UPDATE \\gset',
        `INSERT INTO bench_trail (project_id, seq, payload, prev_hash, hash) VALUES (:id, :audit_seq + 1, '${entry}', :audit_hash, ${hash});`,
        `UPDATE bench_projects SET snapshot = jsonb_set(snapshot, '{context,version}', to_jsonb(:version + 1)), version = version + 1, audit_seq = audit_seq + 1, audit_hash = ${hash} WHERE id = :id AND version = :version;`,
        'END;',
      ].join('\n'),
    );
  }
  const output = execFileSync('pgbench', ['-n', '-M', 'prepared', '-c', String(CLIENTS), '-j', '2', '-T', String(RAW_SECONDS), '-f', script, ownerUrl], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const tps = /tps = ([\d.]+)/.exec(output);
  if (!tps) throw new Error(`pgbench (${run}) printed no tps:\n${output}`);
  return Number(tps[1]);
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
  const env = { AUTH_SECRET: SECRET, ...(database ? database.env : { SQLITE_PATH: join(dir, `service-${synchronous}.sqlite`), SQLITE_SYNCHRONOUS: synchronous }) };
  // On PostgreSQL the installation scales out: API processes without workers, worker processes beside them.
  const scaled = database !== null;
  const apis: Array<Awaited<ReturnType<typeof startService>>> = [];
  for (let i = 0; i < (scaled ? INSTANCES : 1); i++) apis.push(await startService(scaled ? { ...env, WORKERS: 'off' } : env));
  const workers = scaled ? await Promise.all(Array.from({ length: WORKERS }, () => startService(env, { worker: true }))) : [];
  const processes = [...apis, ...workers];
  const service = apis[0];
  const tenants = await tenantsOf(service.url);
  const tokens = await Promise.all(tenants.map(async (tenant) => ({ manager: await token('Bench Manager', 'process-manager', tenant), secretary: await token('Bench Secretaris', 'college-secretary', tenant) })));
  const latencies: number[] = [];
  let next = 0;
  const cpuOf = () => processes.map((p) => p.cpuSeconds());
  const cpuBefore = cpuOf();
  const started = performance.now();
  const client = async (_: unknown, i: number) => {
    // Each client works for one municipality, in turn, through one instance, in turn.
    const { manager, secretary } = tokens[i % tokens.length];
    const { url } = apis[i % apis.length];
    while (next < PROJECTS) {
      next++;
      const project = (await call(`${url}/api/projects`, manager, { title: `Bench ${next}`, origin: 'municipality', politicalSensitivity: 'low' }, 201)) as { id: string };
      for (const gate of GATES) {
        // The file the step needs (quick scan, commitment, plan), as a process manager fills it in; not timed.
        const file = FILE_BEFORE[gate];
        if (file) await post('PUT', `${url}/api/projects/${project.id}/${file.path}`, manager, file.body, 200);
        await call(`${url}/api/projects/${project.id}/decisions`, secretary, { event: gate, body: 'college', outcome: 'approved', decidedOn: dutchDay(new Date()), reference: `B&W ${gate}` }, 201);
        const t0 = performance.now();
        await call(`${url}/api/projects/${project.id}/events`, manager, { type: gate }, 200);
        latencies.push(performance.now() - t0);
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = cpuOf();
  const cpuShares = processes.map((_, i) => (cpuAfter[i] - cpuBefore[i]) / seconds);
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => percentile(latencies, p);
  const result = {
    transitionsPerSecond: latencies.length / seconds,
    writeRequestsPerSecond: (latencies.length * 2 + PROJECTS) / seconds,
    p50: pct(50),
    p99: pct(99),
    serviceCpuShare: cpuShares.slice(0, apis.length).reduce((a, b) => a + b, 0),
    apiCpuShares: cpuShares.slice(0, apis.length),
    workerCpuShare: cpuShares.slice(apis.length).reduce((a, b) => a + b, 0),
    peakRssMb: Math.max(...apis.map((p) => p.peakRssMb())),
    databaseMb: service.sizeMb(),
    transitions: latencies.length,
    seconds,
  };
  await Promise.all(processes.map((p) => p.stop()));
  return result;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'iw-bench-'));
  console.log(`bench/transitions: ${PROJECTS} projects x ${GATES.length} gated transitions (2 cycles), ${CLIENTS} concurrent clients, Node ${process.version}`);
  try {
    if (values.database === 'postgres') {
      const database = await freshPostgres(values.role as 'service' | 'owner');
      try {
        await pgbenchLimit(database.ownerUrl, dir, 'warm-up');
        const before = await pgbenchLimit(database.ownerUrl, dir, 'before');
        const http = await walkOverHttp(dir, 'FULL', database);
        const after = await pgbenchLimit(database.ownerUrl, dir, 'after');
        const limit = (before + after) / 2;
        console.log(`\nPostgreSQL, ${values.role === 'service' ? `as ${database.roleName} under row-level security` : 'as the superuser'}, ${TENANTS === 0 ? 'tokens naming no municipality' : `${TENANTS} municipalities`}; ${INSTANCES} API instance(s) with WORKERS=off, ${WORKERS} worker process(es)`);
        console.log(`  PostgreSQL's own limit (pgbench, ${CLIENTS} clients, one transition's least: lock, trail insert, versioned update): ${limit.toFixed(0)} tx/s (before ${before.toFixed(0)}, after ${after.toFixed(0)})`);
        console.log(`  gated transitions over HTTP: ${http.transitionsPerSecond.toFixed(0)}/s (${http.transitions} in ${http.seconds.toFixed(1)} s; with decisions and creates ${http.writeRequestsPerSecond.toFixed(0)} writes/s)`);
        console.log(`  ratio to PostgreSQL's limit: ${(http.transitionsPerSecond / limit).toFixed(3)}  (target >= 0.30 with one instance)`);
        console.log(`  transition latency: p50 ${http.p50.toFixed(2)} ms, p99 ${http.p99.toFixed(2)} ms  (target p50 < 15 ms, p99 < 50 ms)`);
        console.log(`  CPU, in cores: API ${http.apiCpuShares.map((c) => c.toFixed(2)).join(' + ')}, workers ${http.workerCpuShare.toFixed(2)}; peak RSS of an API process ${http.peakRssMb.toFixed(0)} MB`);
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
