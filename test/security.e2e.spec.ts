import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { sqliteDatabase, type TestDatabase } from './support/databases';
import { ProjectClient } from './support/project-client';
import { signToken, startTestApp, TEST_SECRET, webSessionToken, type TestApp } from './support/test-app';

/** The web interface's routes, read from its controllers: method, path (under the controller's prefix), and whether the page is open without a session. */
function webRoutes(): Array<{ method: 'GET' | 'POST'; path: string; open: boolean }> {
  const routes: Array<{ method: 'GET' | 'POST'; path: string; open: boolean }> = [];
  for (const file of readdirSync(join(__dirname, '../src/web')).filter((name) => name.endsWith('.controller.ts'))) {
    const source = readFileSync(join(__dirname, '../src/web', file), 'utf8');
    const prefix = /@Controller\((?:'([^']*)')?\)/.exec(source)?.[1] ?? '';
    let open = false;
    for (const line of source.split('\n')) {
      if (/@OpenPage\(\)/.test(line)) open = true;
      // One path, or several (`@Get([':slug', ':tenant/:slug'])`).
      const route = /@(Get|Post)\((?:'([^']*)'|\[([^\]]*)\])?\)/.exec(line);
      if (route) {
        const paths = route[3] ? [...route[3].matchAll(/'([^']*)'/g)].map((m) => m[1]) : [route[2] ?? ''];
        for (const path of paths) routes.push({ method: route[1].toUpperCase() as 'GET' | 'POST', path: `/${[prefix, path].filter(Boolean).join('/')}`, open });
        open = false;
      }
    }
  }
  return routes;
}

/** The path with one of its letters percent-encoded, for every letter outside the parameters. */
function encodedVariants(path: string): string[] {
  const variants: string[] = [];
  for (let i = 0; i < path.length; i++) {
    if (/[a-z]/i.test(path[i])) variants.push(`${path.slice(0, i)}%${path.charCodeAt(i).toString(16)}${path.slice(i + 1)}`);
  }
  return variants;
}


describe('guards, tokens and headers', () => {
  let database: TestDatabase;
  let t: TestApp;
  let api: ProjectClient;
  let projectId: string;
  let managerCookie: string;

  beforeAll(async () => {
    database = sqliteDatabase();
    t = await startTestApp(database);
    api = await ProjectClient.for(t);
    projectId = (await api.create({ title: 'Wachters', origin: 'municipality', politicalSensitivity: 'low' })).body.id;
    managerCookie = `iw_session=${await webSessionToken('A. de Vries', ['process-manager'])}`;
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  const communications = async () => (await t.http().get(`/api/projects/${projectId}/communications`).set('authorization', `Bearer ${api.manager}`)).body.length as number;
  const trailLength = async () => (await t.http().get(`/api/projects/${projectId}/audit?limit=500`).set('authorization', `Bearer ${api.manager}`)).body.length as number;

  it('guards the queue board on the route it matched, however the path is spelled', async () => {
    const paths = ['/admin/queues', '/admin/queues/api/queues', '/admin/queues/api/queues/reminders/pause', '/admin/queues/api/queues/reminders/resume'];
    // The plain paths are refused: the test can tell a guarded route from an open one.
    expect((await t.http().get('/admin/queues/api/queues')).status).toBe(401);
    for (const path of paths) {
      for (const variant of [path, ...encodedVariants(path)]) {
        for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
          const status = (await t.http()[method](variant)).status;
          if (status < 400) throw new Error(`${method.toUpperCase()} ${variant} answered ${status} without a token`);
        }
      }
    }
    const admin = await t.token('admin');
    expect((await t.http().get('/admin/%71ueues/api/queues').set('authorization', `Bearer ${admin}`)).status).toBe(200);
  });

  it('asks every form post for its CSRF token, however the path is spelled, and stores nothing without it', async () => {
    const posts = webRoutes().filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.path)).toEqual(expect.arrayContaining(['/aanmelden', '/afmelden', '/projecten', '/projecten/:id/communicatie', '/projecten/:id/besluit']));
    const before = { communications: await communications(), trail: await trailLength() };
    for (const route of posts) {
      const path = route.path.replace(':id', projectId).replace(':reactionId', '00000000-0000-4000-8000-000000000000');
      for (const variant of [path, ...encodedVariants(path)]) {
        const response = await t
          .http()
          .post(variant)
          .set('cookie', managerCookie)
          .type('form')
          .send({ channel: 'email', audience: 'bewoners', summary: 'Zonder token', title: 'x', origin: 'municipality', politicalSensitivity: 'low', name: 'x', role: 'admin' });
        if (response.status !== 403 && response.status !== 404) throw new Error(`POST ${variant} answered ${response.status} without a CSRF token`);
      }
    }
    expect({ communications: await communications(), trail: await trailLength() }).toEqual(before);
  });

  it('shows no page but the open ones without a session', async () => {
    const routes = webRoutes();
    expect(routes.filter((r) => r.open).map((r) => `${r.method} ${r.path}`).sort()).toEqual(
      [
        'GET /aanmelden', 'GET /aanmelden/oidc', 'GET /aanmelden/oidc/start', 'GET /taal', 'POST /aanmelden', 'POST /afmelden',
        // The public pages for residents: only projects whose owner opted in, without personal data.
        'GET /openbaar', 'GET /openbaar/agenda.ics', 'GET /openbaar/besluiten.atom', 'GET /openbaar/:slug', 'GET /openbaar/:slug/agenda.ics', 'GET /openbaar/:slug/besluiten.atom',
        // The same under a municipality's own path (issue 21).
        'GET /openbaar/:tenant/:slug', 'GET /openbaar/:tenant/:slug/agenda.ics', 'GET /openbaar/:tenant/:slug/besluiten.atom',
        // A resident's zienswijze during the terinzagelegging: behind the CSRF token and a rate limit (issue 19).
        'POST /openbaar/:slug/zienswijze', 'POST /openbaar/:tenant/:slug/zienswijze',
        // The accessibility statement, for anyone, also in a municipality's name (issue 23).
        'GET /toegankelijkheid', 'GET /openbaar/:tenant/toegankelijkheid',
      ].sort(),
    );
    for (const route of routes.filter((r) => !r.open && r.method === 'GET')) {
      const response = await t.http().get(route.path.replace(':id', projectId).replace(':format', 'csv'));
      expect({ route: route.path, status: response.status, location: response.headers.location }).toEqual({ route: route.path, status: 303, location: '/aanmelden' });
    }
    // Signed in, the same pages answer.
    expect((await t.http().get(`/projecten/${projectId}`).set('cookie', managerCookie)).status).toBe(200);
  });

  it('sends the language switch back only to a path of this site, normalised', async () => {
    const cases: Array<[string, string]> = [
      ['/\t/evil.example', '/'],
      ['//evil.example', '/'],
      ['/\\evil.example', '/'],
      ['https://evil.example/', '/'],
      ['javascript:alert(1)', '/'],
      ['/\r\nSet-Cookie: x=1', '/Set-Cookie:%20x=1'],
      ['/projecten?x=ë', '/projecten?x=%C3%AB'],
      ['/ën', '/%C3%ABn'],
      ['/werkvoorraad', '/werkvoorraad'],
    ];
    for (const [back, expected] of cases) {
      const response = await t.http().get(`/taal?naar=en&terug=${encodeURIComponent(back)}`);
      expect({ back, status: response.status, location: response.headers.location }).toEqual({ back, status: 303, location: expected });
    }
  });

  it('takes no token without an expiry, none that lives too long, and no session cookie as a bearer token', async () => {
    const key = new TextEncoder().encode(TEST_SECRET);
    const forever = await new SignJWT({ name: 'Eeuwig', roles: ['admin'] }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().sign(key);
    const month = await signToken({ name: 'Maand', roles: ['admin'] }, TEST_SECRET, '30d');
    const session = await webSessionToken('A. de Vries', ['admin']);
    for (const token of [forever, month, session]) {
      const response = await t.http().get('/api/projects').set('authorization', `Bearer ${token}`);
      expect(response.status).toBe(401);
    }
    expect((await t.http().get('/api/projects').set('authorization', `Bearer ${await signToken({ name: 'Dag', roles: ['admin'] }, TEST_SECRET, '11h')}`)).status).toBe(200);
  });

  it('sends security headers, and no cache may keep a signed-in page', async () => {
    const page = await t.http().get(`/projecten/${projectId}`).set('cookie', managerCookie);
    expect(page.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'none'/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(page.headers['cache-control']).toBe('no-store');
    // HSTS only in production (behind TLS).
    expect(page.headers['strict-transport-security']).toBeUndefined();
    const api_ = await t.http().get('/api/projects').set('authorization', `Bearer ${api.manager}`);
    expect(api_.headers['x-content-type-options']).toBe('nosniff');
    // Swagger UI runs its own scripts: every header but a content security policy.
    const docs = await t.http().get('/api/docs');
    expect(docs.headers['content-security-policy']).toBeUndefined();
    expect(docs.headers['x-content-type-options']).toBe('nosniff');
  });

  it('writes a name that looks like a formula as text in the timeline CSV', async () => {
    const formula = await t.token('process-manager', '=HYPERLINK("https://evil.example","klik")');
    const created = await t.http().post('/api/projects').set('authorization', `Bearer ${formula}`).send({ title: '+SUM(1,2)', origin: 'municipality', politicalSensitivity: 'low' });
    expect(created.status).toBe(201);
    const csv = await t.http().get(`/projecten/${created.body.id}/tijdlijn.csv`).set('cookie', managerCookie);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(`"'=HYPERLINK(""https://evil.example"",""klik"")"`);
    expect(csv.text).not.toMatch(/(^|[,;])"[=+\-@]/m);
  });
});
