/**
 * bench/dashboard: server time of the web pages at scale. 5,000 projects and 200,000 audit
 * entries; the dashboard must render in under 300 ms p95, and each of a project's pages
 * (Overzicht, Dossier, Besluiten, Inspraak, Communicatie, Tijdlijn) with 2,000 timeline
 * entries in under 100 ms p95. Server time and query count come from the
 * service's own Server-Timing header (SERVER_TIMING=on).
 *
 *   npm run bench:dashboard [-- --projects 5000 --entries 200000 --timeline 2000 --samples 40]
 *
 * At national size on PostgreSQL (issue 22): every Dutch municipality in one installation,
 * 342 tenants (the default one the largest, a tenth of the projects), 100,000 projects in
 * every state of the life cycle with their silence, 10,000,000 trail entries, written in SQL
 * from projects walked through the API; the service connects as its own role under row-level
 * security. Start-up time and peak RSS with that database too.
 *
 *   npm run bench:dashboard -- --database postgres [--projects 100000 --tenants 342 --entries 10000000]
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { SignJWT } from 'jose';
import { stateStay } from '../machines/insight/state-stays';
import { inParallel, jsonClient, percentile } from './support/http-client';
import { dutchDay } from '../machines/calendar/dutch-day';
import { FILE_BEFORE } from './support/example-file';
import { freshPostgres, postgresAdmin } from './support/postgres';
import { startService } from './support/service';

const { values } = parseArgs({
  options: {
    projects: { type: 'string' },
    entries: { type: 'string' },
    timeline: { type: 'string', default: '2000' },
    samples: { type: 'string', default: '40' },
    database: { type: 'string', default: 'sqlite' },
    tenants: { type: 'string', default: '342' },
  },
});
const NATIONAL = values.database === 'postgres';
const PROJECTS = Number(values.projects ?? (NATIONAL ? 100_000 : 5000));
const ENTRIES = Number(values.entries ?? (NATIONAL ? 10_000_000 : 200_000));
const TENANTS = Number(values.tenants);
const TIMELINE = Number(values.timeline);
const SAMPLES = Number(values.samples);
const SECRET = 'bench-secret-that-is-long-enough-for-hs256';
const CLIENTS = 16;
const call = jsonClient(CLIENTS);

/** Signs in through the web page (CSRF token and all) and returns the cookies. */
async function signIn(url: string, role = 'process-manager'): Promise<string> {
  const page = await fetch(`${url}/aanmelden`);
  const cookies = page.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1];
  const response = await fetch(`${url}/aanmelden`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: cookies.join('; '), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, name: 'Bench', role }),
  });
  return [...cookies, ...response.headers.getSetCookie().map((c) => c.split(';')[0])].join('; ');
}

/** Server time (ms) and query count of one page, from its Server-Timing header. */
async function timePage(url: string, cookie: string): Promise<{ ms: number; queries: number; bytes: number }> {
  const response = await fetch(url, { headers: { cookie } });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
  const timing = response.headers.get('server-timing') ?? '';
  return { ms: Number(/app;dur=([\d.]+)/.exec(timing)![1]), queries: Number(/db;desc="queries";dur=(\d+)/.exec(timing)![1]), bytes: body.length };
}

async function measure(url: string, cookie: string) {
  await timePage(url, cookie); // warm-up
  const runs = [];
  for (let i = 0; i < SAMPLES; i++) runs.push(await timePage(url, cookie));
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), queries: new Set(runs.map((r) => r.queries)), kb: Math.round(runs[0].bytes / 1024) };
}

/** The happy path through the life cycle: each step and the state it leads to. */
const LIFE_CYCLE: Array<[string, string]> = [
  ['START_INTERACTIVE', 'formalCommitment'],
  ['COMMIT', 'planOfApproach'],
  ['ADOPT_PLAN', 'policyCycle.preparation.problemDefinition'],
  ['PROBLEM_DEFINED', 'policyCycle.preparation.solutionDirections'],
  ['SOLUTIONS_CHOSEN', 'policyCycle.preparation.advice'],
  ['ADVICE_SUBMITTED', 'policyCycle.decisionMaking'],
  ['DECISION_TAKEN', 'policyCycle.execution'],
  ['EXECUTION_COMPLETED', 'policyCycle.evaluation'],
  ['CLOSE', 'closed'],
];

async function main(): Promise<void> {
  if (NATIONAL) return national();
  const dir = mkdtempSync(join(tmpdir(), 'iw-bench-dashboard-'));
  const sqlite = join(dir, 'dashboard.sqlite');
  const env = { AUTH_SECRET: SECRET, SQLITE_PATH: sqlite, SERVER_TIMING: 'on', WORKERS: 'off', QUEUE_PREFIX: 'iw-bench-dashboard' };
  console.log(`bench/dashboard: ${PROJECTS} projects, ${ENTRIES} audit entries, one project with ${TIMELINE} timeline entries; Node ${process.version}`);
  try {
    let service = await startService(env);
    const manager = await new SignJWT({ name: 'Bench', roles: ['process-manager'] }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('2h').sign(new TextEncoder().encode(SECRET));

    // Set-up through the API: the projects, and a long history for one of them.
    const ids: string[] = new Array(PROJECTS);
    await inParallel(ids, CLIENTS, async (_, i) => {
      ids[i] = (await call<{ id: string }>('POST', `${service.url}/api/projects`, manager, { title: `Project ${i}`, origin: 'municipality', politicalSensitivity: i % 3 === 0 ? 'high' : 'low', ownerEmail: `pl${i % 40}@gemeente.example` }, 201)).id;
    });
    const busy = ids[0];
    await inParallel(Array.from({ length: TIMELINE - 1 }), CLIENTS, async (_, i) => {
      await call('POST', `${service.url}/api/projects/${busy}/communications`, manager, { channel: 'nieuwsbrief', audience: 'alle deelnemers', summary: `Bericht ${i}` }, 201);
    });
    await service.stop();

    // The rest of the 200,000 entries straight into the database, as a municipality's trail: each
    // project walked some way along the life cycle (a decision and a transition per step, now and
    // then a rejection or deferral first, and a silence reminder), the rest contacts with
    // participants. With each entry what the service writes beside it: the decision, the
    // reminder, and insight's stay in the state the step left.
    const db = new Database(sqlite);
    const existing = (db.prepare('SELECT COUNT(*) AS n FROM audit_entries').get() as { n: number }).n;
    const insert = db.prepare('INSERT INTO audit_entries (project_id, seq, occurred_at, actor_name, actor_role, type, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const insertDecision = db.prepare("INSERT INTO decisions (id, project_id, gate, cycle, body, outcome, decided_on, reference, recorded_by, recorded_by_role, recorded_at, consumed_at, consumed_by_audit_seq) VALUES (?, ?, ?, 1, ?, ?, ?, ?, 'Bench', 'college-secretary', ?, ?, ?)");
    const insertReminder = db.prepare("INSERT INTO reminders (key, project_id, kind, due_at, level, status, recipients, attempts, created_at, finished_at) VALUES (?, ?, 'silence', ?, 1, 'sent', '[]', 1, ?, ?)");
    const insertStay = db.prepare('INSERT INTO state_stays (project_id, seq, state, event, entered_at, left_at, days, left_year, green_light_body, wait_days, levels) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const createdAt = new Map((db.prepare('SELECT id, created_at AS createdAt FROM projects').all() as Array<{ id: string; createdAt: string }>).map((r) => [r.id, r.createdAt]));
    // A step reaches the werkvoorraad once asked for (issue 19): every low-sensitivity project asked the college to start.
    const insertRequest = db.prepare("INSERT INTO project_documents (project_id, kind, version, data, change_reason, adopted_at, created_by, created_at) VALUES (?, 'green-light-requests', 1, ?, NULL, NULL, 'Bench', ?)");
    const markAwaiting = db.prepare("UPDATE projects SET awaiting = ',college,' WHERE id = ?");
    db.transaction(() => {
      ids.forEach((project, i) => {
        if (i % 3 === 0) return;
        const requestedAt = createdAt.get(project)!;
        insertRequest.run(project, JSON.stringify({ items: [{ gate: 'START_INTERACTIVE', cycle: 1, body: 'college', proposal: 'Collegevoorstel', reference: null, desiredOn: '2099-01-01', requestedBy: 'Bench', requestedAt }] }), requestedAt);
        markAwaiting.run(project);
      });
    })();
    const others = ids.slice(1);
    const perProject = Math.floor((ENTRIES - existing) / others.length);
    let story = 0;
    db.transaction(() => {
      others.forEach((project, p) => {
        let seq = 1000;
        let at = Date.parse(createdAt.get(project)!);
        const entry = (type: string, payload: object) => {
          at += ((1 + ((p * 7 + seq) % 40)) * 86_400_000) / 4;
          const hash = createHash('sha256').update(`${project}-${seq}`).digest('hex');
          insert.run(project, seq++, new Date(at).toISOString(), 'Bench', 'process-manager', type, JSON.stringify(payload), hash, hash);
          return new Date(at).toISOString();
        };
        let entered = { state: 'quickScan', at: createdAt.get(project)! };
        for (const [i, [event, to]] of LIFE_CYCLE.slice(0, 1 + (p % LIFE_CYCLE.length)).entries()) {
          const body = event === 'DECISION_TAKEN' ? 'raad' : 'college';
          const decide = (outcome: string) => {
            const decidedOn = new Date(at).toISOString().slice(0, 10);
            const recordedAt = entry('decision-recorded', { gate: event, body, outcome, decidedOn, reference: `B&W ${p}/${i}` });
            return { decidedOn, record: (...[usedAt, usedBySeq]: [string, number] | [null, null]) => insertDecision.run(randomUUID(), project, event, body, outcome, decidedOn, `B&W ${p}/${i}`, recordedAt, usedAt, usedBySeq) };
          };
          if ((p + i) % 9 === 0) decide((p + i) % 2 ? 'rejected' : 'deferred').record(null, null);
          const approval = decide('approved');
          const decidedOn = approval.decidedOn;
          const levels = event === 'ADOPT_PLAN' ? { preparation: 'advise-early', decisionMaking: 'inform', execution: 'collaborate', evaluation: 'advise-late' } : undefined;
          const leftAt = entry('transition', { event, from: entered.state, to, greenLight: { body, decidedOn, reference: `B&W ${p}/${i}` }, ...(levels && { levels }) });
          // The step uses up the approval.
          approval.record(leftAt, seq - 1);
          const s = stateStay({ projectId: project, seq: seq - 1, state: entered.state, enteredAt: entered.at, leftAt, event, greenLight: { body, decidedOn }, levels });
          insertStay.run(s.projectId, s.seq, s.state, s.event, s.enteredAt, s.leftAt, s.days, s.leftYear, s.greenLightBody, s.waitDays, s.levels);
          entered = { state: to, at: leftAt };
          if ((p + i) % 5 === 0) {
            const sentAt = entry('reminder-sent', { kind: 'silence' });
            insertReminder.run(`silence:${project}:${sentAt}`, project, sentAt, sentAt, sentAt);
          }
        }
        story += seq - 1000;
        while (seq - 1000 < perProject) entry('communication-recorded', { channel: 'brief', audience: 'bewoners' });
      });
    })();
    const total = (db.prepare('SELECT COUNT(*) AS n FROM audit_entries').get() as { n: number }).n;
    db.close();

    service = await startService(env);
    const cookie = await signIn(service.url);
    const dashboard = await measure(`${service.url}/`, cookie);
    const sorted = await measure(`${service.url}/?stilte=ok&sorteer=termijn&pagina=2`, cookie);
    const last = await measure(`${service.url}/?pagina=${Math.ceil(PROJECTS / 50)}`, cookie);
    const subPages: Array<[string, Awaited<ReturnType<typeof measure>>]> = [];
    for (const [name, path] of [['Overzicht', ''], ['Dossier', '/dossier'], ['Besluiten', '/besluiten'], ['Inspraak', '/inspraak'], ['Communicatie', '/communicatie'], ['Tijdlijn', '/tijdlijn']]) {
      subPages.push([name, await measure(`${service.url}/projecten/${busy}${path}`, cookie)]);
    }
    // Insight over every project and the whole trail (issue 12): target p95 < 300 ms.
    const insight = await measure(`${service.url}/inzicht`, cookie);
    const insightFiltered = await measure(`${service.url}/inzicht?jaar=2026&orgaan=college&gevoeligheid=low`, cookie);
    // The werkvoorraad of the college's secretary: every low-sensitivity project waits for the college.
    const secretary = await signIn(service.url, 'college-secretary');
    const worklist = await measure(`${service.url}/werkvoorraad`, secretary);
    const worklistLast = await measure(`${service.url}/werkvoorraad?pagina=${Math.ceil((PROJECTS * 2) / 3 / 50)}`, secretary);
    await service.stop();

    console.log(`\n${PROJECTS} projects, ${total} audit entries of which ${story + PROJECTS} tell the story the insight page reads; server time from Server-Timing over ${SAMPLES} requests each, after one warm-up`);
    for (const [name, m] of [['dashboard, first page (50 of all projects)', dashboard], ['dashboard, silence ok, sorted by deadline, page 2', sorted], ['dashboard, last page', last]] as const) {
      console.log(`${name}: p50 ${m.p50.toFixed(1)} ms, p95 ${m.p95.toFixed(1)} ms (target p95 < 300 ms); queries per page: ${[...m.queries].join(', ')}; ${m.kb} KB`);
    }
    for (const [name, m] of [['werkvoorraad (college), first page', worklist], ['werkvoorraad (college), last page', worklistLast]] as const) {
      console.log(`${name}: p50 ${m.p50.toFixed(1)} ms, p95 ${m.p95.toFixed(1)} ms; queries per page: ${[...m.queries].join(', ')}; ${m.kb} KB`);
    }
    for (const [name, m] of [['insight page, every project', insight], ['insight page, 2026, college, low sensitivity', insightFiltered]] as const) {
      console.log(`${name}: p50 ${m.p50.toFixed(1)} ms, p95 ${m.p95.toFixed(1)} ms (target p95 < 300 ms); queries per page: ${[...m.queries].join(', ')}; ${m.kb} KB`);
    }
    for (const [name, m] of subPages) {
      console.log(`project page ${name} (${TIMELINE} timeline entries): p50 ${m.p50.toFixed(1)} ms, p95 ${m.p95.toFixed(1)} ms (target p95 < 100 ms); queries per page: ${[...m.queries].join(', ')}; ${m.kb} KB`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The projects walked through the API into each state of the life cycle, as the models the SQL copies (one per state). */
async function walkedModels(url: string, manager: string, secretary: string): Promise<string[]> {
  const models: string[] = [];
  for (let k = 0; k < LIFE_CYCLE.length + 1; k++) {
    const { id } = await call<{ id: string }>('POST', `${url}/api/projects`, manager, { title: `Model ${k}`, origin: 'municipality', politicalSensitivity: 'low', silenceWindowDays: 28, ownerEmail: 'pl@gemeente.example' }, 201);
    for (const [event] of LIFE_CYCLE.slice(0, k)) {
      const file = FILE_BEFORE[event];
      if (file) await call('PUT', `${url}/api/projects/${id}/${file.path}`, manager, file.body, 200);
      // Low sensitivity: the college gives every green light.
      await call('POST', `${url}/api/projects/${id}/decisions`, secretary, { event, body: 'college', outcome: 'approved', decidedOn: dutchDay(new Date()), reference: `B&W ${event}` }, 201);
      await call('POST', `${url}/api/projects/${id}/events`, manager, { type: event }, 200);
    }
    models.push(id);
  }
  return models;
}

const token = (name: string, role: string, tenant?: string) =>
  new SignJWT({ name, roles: [role], ...(tenant && { tenant }) }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('2h').sign(new TextEncoder().encode(SECRET));

/** A web session as sign-in sets it (the session's own issuer and audience), for a municipality. */
const sessionCookie = async (role: string, tenant: string) =>
  `iw_session=${await new SignJWT({ name: 'Bench', roles: [role], tenant }).setProtectedHeader({ alg: 'HS256' }).setIssuer('interactiewijzer').setAudience('interactiewijzer-web').setExpirationTime('2h').sign(new TextEncoder().encode(SECRET))}`;

async function national(): Promise<void> {
  const database = await freshPostgres('service');
  const sql = <T>(text: string, parameters: unknown[] = []) => postgresAdmin<T>(text, database.name, parameters);
  const env = { AUTH_SECRET: SECRET, ...database.env, SERVER_TIMING: 'on', WORKERS: 'off', QUEUE_PREFIX: 'iw-bench-dashboard' };
  console.log(`bench/dashboard at national size on PostgreSQL: ${TENANTS} municipalities, ${PROJECTS} projects, ${ENTRIES} trail entries; Node ${process.version}`);
  try {
    let service = await startService(env);
    const operator = await token('Bench Operator', 'operator');
    const tenants = ['default', ...Array.from({ length: TENANTS - 1 }, (_, i) => `gemeente-${String(i + 1).padStart(3, '0')}`)];
    let setupStart = performance.now();
    await inParallel(tenants.slice(1), 4, async (id, i) => {
      await call('POST', `${service.url}/api/tenants`, operator, { id, name: `Gemeente ${i + 1}`, municipalityCode: String(1000 + i) }, 201);
    });
    const models = await walkedModels(service.url, await token('Bench', 'process-manager', 'default'), await token('Bench Secretaris', 'college-secretary', 'default'));
    await service.stop();
    console.log(`set-up: ${tenants.length} municipalities and ${models.length} model projects through the API in ${((performance.now() - setupStart) / 1000).toFixed(0)} s`);

    // The projects: a tenth in the default municipality, the rest spread over the others; each a
    // copy of a model (so its state, snapshot and file agree), its own silence: a third overdue,
    // a third within a week, the rest later; a third asked the college for its next step.
    setupStart = performance.now();
    const large = Math.round(PROJECTS / 10);
    await sql(
      `INSERT INTO projects SELECT (jsonb_populate_record(NULL::projects, to_jsonb(m) || jsonb_build_object(
          'id', gen_random_uuid(), 'slug', NULL, 'tenant_id', t.id, 'title', 'Project ' || g.i,
          'silence_deadline', to_char((now() + ((g.i % 90) - 30) * interval '1 day') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'awaiting', CASE WHEN g.i % 3 = 1 AND m.state NOT IN ('closed', 'stopped') THEN ',college,' ELSE NULL END,
          'created_at', to_char((now() - (g.i % 700) * interval '1 day') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))).*
        FROM generate_series(1, $1) AS g(i)
        JOIN LATERAL (SELECT CASE WHEN g.i <= $2 THEN 'default' ELSE ($3::text[])[1 + (g.i % ($4 - 1))] END AS id) t ON true
        JOIN LATERAL (SELECT * FROM projects WHERE id = ($5::text[])[1 + (g.i % $6)]) m ON true`,
      [PROJECTS - models.length, large, tenants.slice(1), tenants.length, models, models.length],
    );
    // Each project's file (quick scan, commitment, plan), as its model's: the copy has its model's snapshot.
    await sql(
      `INSERT INTO project_documents SELECT (jsonb_populate_record(NULL::project_documents, to_jsonb(d) || jsonb_build_object('project_id', p.id, 'tenant_id', p.tenant_id))).*
         FROM projects m JOIN projects p ON p.snapshot = m.snapshot AND p.id <> m.id JOIN project_documents d ON d.project_id = m.id
        WHERE m.id = ANY($1::text[])`,
      [models],
    );
    const [{ n: projects }] = await sql<{ n: string }>('SELECT COUNT(*) AS n FROM projects');
    // The trail: the models' own, and for every project entries up to the national total (contacts with participants).
    const perProject = Math.max(1, Math.floor(ENTRIES / Number(projects)));
    await sql(
      `INSERT INTO audit_entries (tenant_id, project_id, seq, occurred_at, actor_name, actor_role, type, payload, prev_hash, hash)
        SELECT p.tenant_id, p.id, 1000 + g.s, to_char((now() - (g.s % 600) * interval '1 day') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
               'Bench', 'process-manager', 'communication-recorded', '{"channel":"brief","audience":"bewoners"}', md5(p.id || g.s) || md5(g.s || p.id), md5(p.id || (g.s + 1)) || md5((g.s + 1) || p.id)
          FROM projects p, generate_series(1, $1) AS g(s)`,
      [perProject],
    );
    await sql('ANALYZE');
    const [{ n: entries }] = await sql<{ n: string }>('SELECT COUNT(*) AS n FROM audit_entries');
    const [{ size }] = await sql<{ size: string }>(`SELECT pg_size_pretty(pg_database_size('${database.name}')) AS size`);
    console.log(`data: ${projects} projects, ${entries} trail entries written in SQL in ${((performance.now() - setupStart) / 1000).toFixed(0)} s; database ${size}`);

    const started = performance.now();
    service = await startService(env);
    const startup = (performance.now() - started) / 1000;
    const manager = await sessionCookie('process-manager', 'default');
    const secretary = await sessionCookie('college-secretary', 'default');
    const [{ id: busy }] = await sql<{ id: string }>("SELECT id FROM projects WHERE tenant_id = 'default' AND state LIKE 'policyCycle%' LIMIT 1");
    const [{ n: own }] = await sql<{ n: string }>("SELECT COUNT(*) AS n FROM projects WHERE tenant_id = 'default'");
    const [{ n: awaiting }] = await sql<{ n: string }>("SELECT COUNT(*) AS n FROM projects WHERE tenant_id = 'default' AND awaiting LIKE '%,college,%'");
    const pages: Array<[string, Awaited<ReturnType<typeof measure>>]> = [
      ['dashboard, first page (50 of the municipality’s projects)', await measure(`${service.url}/`, manager)],
      ['dashboard, silence overdue, sorted by deadline, page 2', await measure(`${service.url}/?stilte=overdue&sorteer=termijn&pagina=2`, manager)],
      ['dashboard, last page', await measure(`${service.url}/?pagina=${Math.ceil(Number(own) / 50)}`, manager)],
      ['werkvoorraad (college), first page', await measure(`${service.url}/werkvoorraad`, secretary)],
      ['werkvoorraad (college), last page', await measure(`${service.url}/werkvoorraad?pagina=${Math.ceil(Number(awaiting) / 50)}`, secretary)],
      [`a project’s Overzicht (${perProject}+ trail entries)`, await measure(`${service.url}/projecten/${busy}`, manager)],
      ['a project’s Tijdlijn', await measure(`${service.url}/projecten/${busy}/tijdlijn`, manager)],
    ];
    const apiManager = await token('Bench', 'process-manager', 'default');
    const trailPages = [];
    for (let i = 0, cursor = ''; i < SAMPLES; i++) {
      const t0 = performance.now();
      const page = await fetch(`${service.url}/api/projects/${busy}/audit?limit=50${cursor && `&cursor=${cursor}`}`, { headers: { authorization: `Bearer ${apiManager}` } });
      const body = (await page.json()) as Array<{ seq: number }>;
      trailPages.push(performance.now() - t0);
      cursor = body.length === 50 ? String(body.at(-1)!.seq) : '';
    }
    trailPages.sort((a, b) => a - b);
    const rss = service.peakRssMb();
    await service.stop();

    console.log(`\nthe default municipality's ${own} projects among ${projects}; server time from Server-Timing over ${SAMPLES} requests each, after one warm-up`);
    for (const [name, m] of pages) console.log(`${name}: p50 ${m.p50.toFixed(1)} ms, p95 ${m.p95.toFixed(1)} ms (target p95 < 300 ms); queries per page: ${[...m.queries].join(', ')}; ${m.kb} KB`);
    console.log(`the trail of one project over the API, paged 50 at a time (client time): p50 ${percentile(trailPages, 50).toFixed(1)} ms, p95 ${percentile(trailPages, 95).toFixed(1)} ms`);
    console.log(`start-up with this database: ${startup.toFixed(1)} s to listening (target < 10 s); peak RSS after the pages ${rss.toFixed(0)} MB (target < 512 MB)`);
  } finally {
    await database.drop();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
