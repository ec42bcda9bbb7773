/**
 * bench/dashboard: server time of the web pages at scale. 5,000 projects and 200,000 audit
 * entries; the dashboard must render in under 300 ms p95, and each of a project's pages
 * (Overzicht, Dossier, Besluiten, Inspraak, Communicatie, Tijdlijn) with 2,000 timeline
 * entries in under 100 ms p95. Server time and query count come from the
 * service's own Server-Timing header (SERVER_TIMING=on).
 *
 *   npm run bench:dashboard [-- --projects 5000 --entries 200000 --timeline 2000 --samples 40]
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { SignJWT } from 'jose';
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

    // The rest of the 200,000 entries straight into the table, spread over the other projects: volume for the queries to cope with.
    const db = new Database(sqlite);
    const existing = (db.prepare('SELECT COUNT(*) AS n FROM audit_entries').get() as { n: number }).n;
    const insert = db.prepare('INSERT INTO audit_entries (project_id, seq, occurred_at, actor_name, actor_role, type, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    db.transaction(() => {
      for (let i = 0; i < ENTRIES - existing; i++) {
        const project = ids[1 + (i % (PROJECTS - 1))];
        const hash = createHash('sha256').update(`${project}-${i}`).digest('hex');
        insert.run(project, 1000 + Math.floor(i / (PROJECTS - 1)), new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(), 'Bench', 'process-manager', 'communication-recorded', JSON.stringify({ channel: 'brief', audience: 'bewoners' }), hash, hash);
      }
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

    console.log(`\n${PROJECTS} projects, ${total} audit entries; server time from Server-Timing over ${SAMPLES} requests each, after one warm-up`);
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
