import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dutchDay } from '../machines/calendar/dutch-day';
import { MUNICIPAL_ROLES, type Role } from '../src/auth/roles';
import { describeEachDatabase, type TestDatabase } from './support/databases';
import { startMailCatcher, waitFor } from './support/mail-catcher';
import { POLICY_CYCLE, ProjectClient } from './support/project-client';
import { databaseEnv, startTestApp, TEST_SECRET, webSessionToken, type TestApp } from './support/test-app';

const OPERATOR = 'operator' as Role;
const A = 'gemeente-a';
const B = 'gemeente-b';
const VOORBEELDRIJK_CYCLE: Array<[string, 'college' | 'raad']> = [['PROBLEM_DEFINED', 'raad'], ['SOLUTIONS_CHOSEN', 'college'], ['ADVICE_SUBMITTED', 'college'], ['DECISION_TAKEN', 'college'], ['EXECUTION_COMPLETED', 'college']];
const WEBHOOK_SECRET = { [A]: 'webhook-secret-of-gemeente-a', [B]: 'webhook-secret-of-gemeente-b' };

/** A receiver of one municipality's webhook: what it got, and whether its signature held. */
async function webhookReceiver(secret: string) {
  const received: Array<{ body: Record<string, unknown>; valid: boolean }> = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ body: JSON.parse(body), valid: req.headers['x-interactiewijzer-signature'] === `sha256=${createHmac('sha256', secret).update(body).digest('hex')}` });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

describeEachDatabase('several municipalities in one installation (issue 21)', (createDatabase) => {
  let database: TestDatabase;
  let t: TestApp;
  let mail: Awaited<ReturnType<typeof startMailCatcher>>;
  let hooks: Record<string, Awaited<ReturnType<typeof webhookReceiver>>>;
  let operator: string;
  /** Each municipality's process manager and secretaries. */
  const of: Record<string, ProjectClient> = {};

  beforeAll(async () => {
    mail = await startMailCatcher();
    hooks = { [A]: await webhookReceiver(WEBHOOK_SECRET[A]), [B]: await webhookReceiver(WEBHOOK_SECRET[B]) };
    database = await createDatabase();
    // A "day" of two seconds: a silence window of one day passes within the suite.
    t = await startTestApp(database, { SMTP_URL: mail.url, DAY_LENGTH_MS: '2000', RECONCILE_INTERVAL_MS: '1000', TENANT_HOSTS: `participatie.gemeente-b.test=${B}` });
    operator = await t.token(OPERATOR, 'O. Perator');
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
    await mail?.close();
    for (const hook of Object.values(hooks ?? {})) await hook.close();
  });

  const tenantBody = (id: string, name: string, guide: string) => ({
    id,
    name,
    municipalityCode: id === A ? '0001' : '0002',
    guide,
    mail: { from: `${name} <participatie@${id}.test>`, webhookUrl: hooks[id].url, webhookSecret: WEBHOOK_SECRET[id as keyof typeof WEBHOOK_SECRET] },
  });

  it('lets the operator add and change municipalities, and nobody else; the operator reads no project', async () => {
    const single = await ProjectClient.for(t);
    // One municipality: a token need not name it.
    expect((await single.create({ title: 'Van de standaardgemeente', origin: 'municipality', politicalSensitivity: 'low' })).status).toBe(201);

    const admin = await t.token('admin', 'A. Beheerder');
    expect((await t.http().post('/api/tenants').set('authorization', `Bearer ${admin}`).send(tenantBody(A, 'Gemeente A', 'overbetuwe-2018'))).status).toBe(403);
    const added = await t.http().post('/api/tenants').set('authorization', `Bearer ${operator}`).send(tenantBody(A, 'Gemeente A', 'overbetuwe-2018'));
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ id: A, name: 'Gemeente A', municipalityCode: '0001', guide: 'overbetuwe-2018', mail: { from: 'Gemeente A <participatie@gemeente-a.test>', webhookSecretSet: true }, publicPages: `/openbaar/${A}` });
    expect(JSON.stringify(added.body)).not.toContain(WEBHOOK_SECRET[A]);
    expect((await t.http().post('/api/tenants').set('authorization', `Bearer ${operator}`).send(tenantBody(B, 'Gemeente B', 'voorbeeldrijk-2026'))).status).toBe(201);

    const again = await t.http().post('/api/tenants').set('authorization', `Bearer ${operator}`).send(tenantBody(A, 'Gemeente A', 'overbetuwe-2018'));
    expect([again.status, again.body.code]).toEqual([409, 'tenant-exists']);
    const bad = await t.http().post('/api/tenants').set('authorization', `Bearer ${operator}`).send({ id: 'Gemeente C', name: 'C', municipalityCode: 'gm0003' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['id', 'municipalityCode', 'name']);
    const unknownGuide = await t.http().post('/api/tenants').set('authorization', `Bearer ${operator}`).send({ id: 'gemeente-c', name: 'Gemeente C', municipalityCode: '0003', guide: 'nergens' });
    expect([unknownGuide.status, unknownGuide.body.code]).toEqual([422, 'guide-not-found']);

    const renamed = await t.http().patch(`/api/tenants/${A}`).set('authorization', `Bearer ${operator}`).send({ name: 'Gemeente Aa' });
    expect([renamed.status, renamed.body.name, renamed.body.guide]).toEqual([200, 'Gemeente Aa', 'overbetuwe-2018']);
    expect((await t.http().patch('/api/tenants/default').set('authorization', `Bearer ${operator}`).send({ name: 'Gemeente X' })).body.code).toBe('tenant-from-environment');
    const list = await t.http().get('/api/tenants').set('authorization', `Bearer ${operator}`);
    expect(list.body.map((x: { id: string }) => x.id)).toEqual(['default', A, B]);

    // The operator manages tenants and reads no municipality's projects.
    expect((await t.http().get('/api/projects').set('authorization', `Bearer ${operator}`)).status).toBe(403);
    // The queue board holds every municipality's jobs: the operator's now, no longer a municipality's admin.
    expect((await t.http().get('/admin/queues/api/queues').set('authorization', `Bearer ${await t.token('admin', 'A. Beheerder', A)}`)).status).toBe(403);
    expect((await t.http().get('/admin/queues/api/queues').set('authorization', `Bearer ${operator}`)).status).toBe(200);
  });

  it('adds a municipality from the command line, as the operator’s first set-up, and the running service knows it', async () => {
    const cli = (...args: string[]) => promisify(execFile)(process.execPath, [join(__dirname, '../dist/scripts/tenant.js'), ...args], { env: { PATH: process.env.PATH, AUTH_SECRET: TEST_SECRET, ...databaseEnv(database) } });
    const added = await cli('add', '--id', 'gemeente-c', '--name', 'Gemeente C', '--code', '0003', '--mail-from', 'Gemeente C <participatie@gemeente-c.test>');
    expect(added.stdout).toContain('Added Gemeente C (gemeente-c), guide overbetuwe-2018; public pages at /openbaar/gemeente-c');
    expect((await cli('list')).stdout).toMatch(/default[\s\S]*gemeente-a[\s\S]*gemeente-b[\s\S]*gemeente-c {2}Gemeente C {2}0003/);
    const refused = await cli('add', '--id', 'Gemeente D', '--name', 'D').then(() => null, (error: { code: number; stderr: string }) => error);
    expect(refused).toMatchObject({ code: 2, stderr: expect.stringContaining('- id: id must be lower-case letters') });
    const seen = await t.http().get('/api/tenants/gemeente-c').set('authorization', `Bearer ${operator}`);
    expect(seen.body).toMatchObject({ id: 'gemeente-c', mail: { from: 'Gemeente C <participatie@gemeente-c.test>' } });
  });

  it('asks a token to name its municipality once there are several, and refuses one it does not know', async () => {
    const unnamed = await t.token('process-manager', 'Z. Zonder');
    const refused = await t.http().get('/api/projects').set('authorization', `Bearer ${unnamed}`);
    expect([refused.status, refused.body.code]).toEqual([401, 'tenant-claim-missing']);
    const unknown = await t.http().get('/api/projects').set('authorization', `Bearer ${await t.token('process-manager', 'O. Nbekend', 'gemeente-x')}`);
    expect([unknown.status, unknown.body.code]).toEqual([401, 'tenant-unknown']);
    of[A] = await ProjectClient.for(t, A);
    of[B] = await ProjectClient.for(t, B);
    expect((await of[A].as(of[A].manager).get('/api/projects')).status).toBe(200);
  });

  it('walks two municipalities with different guides side by side to closed, each chain whole', async () => {
    const a = await of[A].create({ title: 'Dorpsplein Aa', origin: 'municipality', politicalSensitivity: 'low' });
    const b = await of[B].create({ title: 'Speelplekken Bee', origin: 'municipality', politicalSensitivity: 'low' });
    // Each municipality's new projects run under its own guide.
    expect([a.body.guide.id, b.body.guide.id]).toEqual(['overbetuwe-2018', 'voorbeeldrijk-2026']);
    const walkA = async () => {
      for (const event of ['START_INTERACTIVE', 'COMMIT', 'ADOPT_PLAN', ...POLICY_CYCLE, 'CLOSE']) await of[A].step(a.body.id, event, 'college');
    };
    const walkB = async () => {
      for (const [event, body] of [['START_INTERACTIVE', 'college'], ['ADOPT_PLAN', 'college'], ...VOORBEELDRIJK_CYCLE] as Array<[string, 'college' | 'raad']>) await of[B].step(b.body.id, event, body);
      const yesterday = dutchDay(new Date(Date.now() - 86_400_000));
      expect((await of[B].as(of[B].manager).post(`/api/projects/${b.body.id}/raad-information`, { gate: 'CLOSE', kind: 'raadsinformatiebrief', date: yesterday, reference: 'RIB B-1' })).status).toBe(201);
      await of[B].step(b.body.id, 'CLOSE', 'college');
    };
    await Promise.all([walkA(), walkB()]);
    expect((await of[A].get(a.body.id)).body.state).toBe('closed');
    expect((await of[B].get(b.body.id)).body.state).toBe('closed');
    for (const [tenant, id] of [[A, a.body.id], [B, b.body.id]]) {
      const auditor = of[tenant].as(await t.token('auditor', 'A. Auditor', tenant));
      expect((await auditor.get(`/api/projects/${id}/audit/verify`)).body.valid).toBe(true);
      // The export names its municipality and is signed with its own key, published at its own address.
      const exported = (await auditor.get(`/api/projects/${id}/audit/export`)).body;
      expect(exported.municipality).toMatchObject({ tenant });
      const jwks = (await t.http().get(`/openbaar/${tenant}/jwks.json`)).body;
      expect(jwks.keys.map((k: { kid: string }) => k.kid)).toEqual([exported.signature.kid]);
      expect(exported.signature.jwks).toMatch(new RegExp(`/openbaar/${tenant}/jwks\\.json$`));
    }
    const keyOf = async (tenant: string) => (await t.http().get(`/openbaar/${tenant}/jwks.json`)).body.keys[0].kid;
    expect(await keyOf(A)).not.toBe(await keyOf(B));
  });

  it('answers every operation of one municipality aimed at another’s object 404, and changes nothing (every path of the OpenAPI description)', async () => {
    // B's objects: a project with a decision, a contact, a milestone, a public page; a root; a guide of its own.
    const { body: project } = await of[B].create({ title: 'Geheim van Bee', origin: 'municipality', politicalSensitivity: 'low' });
    await of[B].step(project.id, 'START_INTERACTIVE', 'college');
    const decision = (await of[B].decide(project.id, 'ADOPT_PLAN', 'college')).body;
    const bAdmin = of[B].as(await t.token('admin', 'B. Beheerder', B));
    const bAuditor = of[B].as(await t.token('auditor', 'B. Auditor', B));
    expect((await bAdmin.post(`/api/projects/${project.id}/communications`, { channel: 'brief', audience: 'omwonenden', summary: 'Aankondiging' })).status).toBe(201);
    const root = (await bAuditor.post('/api/audit/roots', {})).body;
    const { body: shipped } = await bAdmin.get('/api/guides/voorbeeldrijk-2026/versions/1');
    expect((await bAdmin.post('/api/guides', { ...shipped.document, id: 'eigen-van-b', version: 1 })).status).toBe(201);

    const snapshot = async () => ({
      project: (await of[B].get(project.id)).body,
      trail: (await of[B].audit(project.id)).body.length,
      decisions: (await bAdmin.get(`/api/projects/${project.id}/decisions`)).body,
      communications: (await bAdmin.get(`/api/projects/${project.id}/communications`)).body,
      roots: (await bAuditor.get('/api/audit/roots')).body.length,
      guides: (await bAdmin.get('/api/guides')).body,
    });
    const before = await snapshot();

    // Every parameter of every path names one of B's objects; a path with a parameter not listed here fails the suite.
    const objectOf: Record<string, string> = { id: project.id, decisionId: decision.id, rootId: root.id, reactionId: project.id, milestoneId: project.id, itemId: project.id, requestId: project.id, version: '1', kind: 'quick-scan' };
    const docs = (await t.http().get('/api/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    const everyone = await t.token([...MUNICIPAL_ROLES], 'A. Alleskunner', A);
    const tried: string[] = [];
    for (const [path, operations] of Object.entries(docs.paths)) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      if (names.length === 0 || path.startsWith('/api/tenants') || !path.startsWith('/api/')) continue;
      const unknown = names.filter((name) => objectOf[name] === undefined);
      expect({ path, unknown }).toEqual({ path, unknown: [] });
      // Under /api/guides the id is a guide's: B's own.
      const concrete = path.replace(/\{(\w+)\}/g, (_, name: string) => (path.startsWith('/api/guides') && name === 'id' ? 'eigen-van-b' : objectOf[name]));
      for (const method of Object.keys(operations)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        const request = t.http()[method as 'get'](concrete).set('authorization', `Bearer ${everyone}`);
        const response = method === 'get' || method === 'delete' ? await request : await request.send({});
        expect({ operation: `${method.toUpperCase()} ${path}`, status: response.status }).toEqual({ operation: `${method.toUpperCase()} ${path}`, status: 404 });
        tried.push(`${method.toUpperCase()} ${path}`);
      }
    }
    // The suite reached the project routes, the roots and the guides, reads and writes.
    expect(tried).toEqual(expect.arrayContaining(['POST /api/projects/{id}/events', 'POST /api/projects/{id}/decisions', 'GET /api/projects/{id}/audit/export', 'PUT /api/projects/{id}/plan', 'GET /api/audit/roots/{rootId}', 'POST /api/guides/{id}/versions']));
    expect(tried.length).toBeGreaterThan(40);
    expect(await snapshot()).toEqual(before);

    // A's lists hold nothing of B.
    const aAdmin = of[A].as(await t.token('admin', 'A. Beheerder', A));
    const aList = JSON.stringify((await aAdmin.get('/api/projects?limit=100')).body);
    expect(aList).toContain('Dorpsplein Aa');
    expect(aList).not.toContain('Bee');
    expect((await aAdmin.get('/api/guides')).body.map((g: { id: string }) => g.id)).not.toContain('eigen-van-b');
    expect((await aAdmin.get('/api/insight')).body.projects).toBe(1);
    expect((await of[A].as(await t.token('auditor', 'A. Auditor', A)).get('/api/audit/roots')).body.map((r: { id: string }) => r.id)).not.toContain(root.id);

    // A's web session reaches A's pages only.
    const aSession = `iw_session=${await webSessionToken('P. Manager', ['process-manager'], undefined, A)}`;
    expect((await t.http().get(`/projecten/${project.id}`).set('cookie', aSession)).status).toBe(404);
    await of[A].create({ title: 'Lopend in Aa', origin: 'municipality', politicalSensitivity: 'low' });
    const dashboard = await t.http().get('/').set('cookie', aSession);
    expect(dashboard.text).toContain('Lopend in Aa');
    expect(dashboard.text).not.toContain('Bee');
    expect(dashboard.text).toContain('Gemeente Aa');
  });

  it('keeps each municipality’s public pages, feeds and host name to its own projects', async () => {
    const publish = async (tenant: string, title: string, slug: string) => {
      const { body } = await of[tenant].create({ title, origin: 'municipality', politicalSensitivity: 'low' });
      const made = await of[tenant].as(of[tenant].manager).patch(`/api/projects/${body.id}`, { public: true, slug, description: `Over ${title}.` });
      expect(made.status).toBe(200);
      return body.id as string;
    };
    // The same address in both municipalities: a project's public address is its municipality's.
    await publish(A, 'Marktplein Aa', 'marktplein');
    await publish(B, 'Marktplein Bee', 'marktplein');
    const page = async (path: string, host?: string) => {
      const request = t.http().get(path);
      return host ? request.set('host', host) : request;
    };
    const aIndex = (await page(`/openbaar/${A}`)).text;
    expect(aIndex).toContain('Marktplein Aa');
    expect(aIndex).not.toContain('Bee');
    expect(aIndex).toContain(`href="/openbaar/${A}/marktplein"`);
    expect((await page(`/openbaar/${A}/marktplein`)).text).toContain('Marktplein Aa');
    expect((await page(`/openbaar/${B}/marktplein`)).text).toContain('Marktplein Bee');
    for (const feed of ['agenda.ics', 'besluiten.atom', 'marktplein/agenda.ics', 'marktplein/besluiten.atom']) {
      const text = (await page(`/openbaar/${A}/${feed}`)).text;
      expect({ feed, bee: text.includes('Bee') }).toEqual({ feed, bee: false });
    }
    // The host name of B's public pages is B's.
    const hosted = (await page('/openbaar', 'participatie.gemeente-b.test')).text;
    expect(hosted).toContain('Marktplein Bee');
    expect(hosted).not.toContain('Marktplein Aa');
    // The default municipality's addresses from before tenants hold its own projects only.
    const bare = (await page('/openbaar')).text;
    expect(bare).not.toContain('Marktplein');
    expect((await page(`/openbaar/${A}/niet-hier`)).status).toBe(404);
    // A municipality's own address is no project's.
    const standard = await ProjectClient.for(t, 'default');
    const { body: own } = await standard.create({ title: 'Gemeente A als adres', origin: 'municipality', politicalSensitivity: 'low' });
    const taken = await standard.as(standard.manager).patch(`/api/projects/${own.id}`, { public: true, slug: A });
    expect([taken.status, taken.body.code]).toEqual([409, 'slug-taken']);
    expect((await page('/openbaar/gemeente-x/marktplein')).status).toBe(404);
  });

  it('sends each municipality’s reminders with its own sender and webhook, linked to its own pages', async () => {
    const silent = async (tenant: string, title: string) => {
      const { body } = await of[tenant].create({ title, origin: 'municipality', politicalSensitivity: 'low', silenceWindowDays: 1, ownerEmail: `pl@${tenant}.test` });
      await of[tenant].step(body.id, 'START_INTERACTIVE', 'college');
      return body.id as string;
    };
    const ids: Record<string, string> = { [A]: await silent(A, 'Stilte Aa'), [B]: await silent(B, 'Stilte Bee') };
    for (const tenant of [A, B]) {
      const other = tenant === A ? B : A;
      const reminder = await waitFor(`${tenant}'s reminder`, () => mail.mails.find((m) => m.to.includes(`pl@${tenant}.test`)), 30_000);
      expect(reminder.raw).toMatch(new RegExp(`^From: .*participatie@${tenant}\\.test`, 'm'));
      expect(reminder.raw.replace(/=\r?\n/g, '')).toContain(`/projecten/${ids[tenant]}`);
      const hook = await waitFor(`${tenant}'s webhook`, () => hooks[tenant].received.find((h) => h.body.projectId === ids[tenant]), 30_000);
      expect(hook).toMatchObject({ valid: true, body: { tenant } });
      // Nothing of this municipality reached the other's webhook or was sent from its address.
      expect(hooks[other].received.some((h) => h.body.projectId === ids[tenant])).toBe(false);
      expect(mail.mails.filter((m) => m.to.includes(`pl@${tenant}.test`)).every((m) => !m.raw.includes(`participatie@${other}.test`))).toBe(true);
    }
  });
});
