/**
 * bench/dashboard: server time of the web pages at scale. 5,000 projects and 200,000 audit
 * entries; the dashboard must render in under 300 ms p95, and each of a project's pages
 * (Overzicht, Dossier, Besluiten, Inspraak, Communicatie, Tijdlijn) with 2,000 timeline
 * entries in under 100 ms p95. Server time and query count come from the
 * service's own Server-Timing header (SERVER_TIMING=on).
 *
 *   npm run bench:dashboard [-- --projects 5000 --entries 200000 --timeline 2000 --samples 40]
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
import { startService } from './support/service';

const { values } = parseArgs({ options: { projects: { type: 'string', default: '5000' }, entries: { type: 'string', default: '200000' }, timeline: { type: 'string', default: '2000' }, samples: { type: 'string', default: '40' } } });
const PROJECTS = Number(values.projects);
const ENTRIES = Number(values.entries);
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

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
