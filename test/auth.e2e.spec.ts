import { sqliteDatabase, type TestDatabase } from './support/databases';
import { ProjectClient } from './support/project-client';
import { signToken, startTestApp, type TestApp } from './support/test-app';

describe('identity and roles', () => {
  let database: TestDatabase;
  let t: TestApp;
  let api: ProjectClient;
  let projectId: string;

  beforeAll(async () => {
    database = sqliteDatabase();
    t = await startTestApp(database);
    api = await ProjectClient.for(t);
    projectId = (await api.create({ title: 'Rollen', origin: 'municipality', politicalSensitivity: 'low' })).body.id;
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  it('needs no token for health and docs', async () => {
    expect((await t.http().get('/health')).body).toEqual({ status: 'ok' });
    expect((await t.http().get('/health/ready')).body).toMatchObject({ status: 'ok', checks: { database: { status: 'up' } } });
    const docs = await t.http().get('/api/docs-json');
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/projects', '/api/projects/{id}/events', '/api/projects/{id}/decisions', '/api/machine', '/api/projects/{id}/quick-scan', '/api/projects/{id}/plan', '/api/projects/{id}/inspection/reactions', '/api/catalogue/levels']));
    // The web pages are not part of the API's description.
    expect(Object.keys(docs.body.paths).filter((path) => !path.startsWith('/api/'))).toEqual(['/metrics', '/.well-known/jwks.json', '/openbaar/{tenant}/jwks.json', '/health', '/health/ready']);
  });

  it('documents every operation’s success answer with its schema', async () => {
    const docs = (await t.http().get('/api/docs-json')).body as { paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }> }>> };
    const undocumented: string[] = [];
    for (const [path, methods] of Object.entries(docs.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const success = Object.entries(operation.responses ?? {}).filter(([status]) => status.startsWith('2'));
        // A 204 has no body to describe; any other success answer has its schema.
        const described = success.some(([status, response]) => {
          if (status === '204') return true;
          // An XML document (the DiWoo export) is described as such; JSON answers by their shape.
          if (response.content?.['application/xml']?.schema?.type === 'string') return true;
          // The archive package is a zip.
          if (response.content?.['application/zip']?.schema?.format === 'binary') return true;
          // The metrics are Prometheus text.
          if (response.content?.['text/plain']?.schema?.type === 'string') return true;
          const schema = response.content?.['application/json']?.schema;
          return !!schema && (schema.properties !== undefined || schema.items !== undefined || schema.$ref !== undefined || schema.additionalProperties !== undefined || schema.type === 'object');
        });
        if (!described) undocumented.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(undocumented).toEqual([]);
    expect(Object.keys(docs.paths).length).toBeGreaterThan(20);
  });

  it('answers 401 without a token, with a malformed, forged or expired one', async () => {
    const forged = await signToken({ name: 'Mallory', roles: ['admin'] }, 'a-different-secret-that-is-long-enough!!');
    const expired = await signToken({ name: 'Late', roles: ['admin'] }, undefined, '-1m');
    for (const header of [undefined, 'Bearer', 'Bearer not.a.jwt', `Basic ${forged}`, `Bearer ${forged}`, `Bearer ${expired}`]) {
      const req = t.http().get('/api/projects');
      const response = header ? await req.set('authorization', header) : await req;
      expect(response.status).toBe(401);
      expect(['unauthenticated', 'invalid-token']).toContain(response.body.code);
    }
  });

  it('answers 403 without the role, and lets only the right secretary record a body’s decision', async () => {
    const auditor = await t.token('auditor');
    const create = await t.http().post('/api/projects').set('authorization', `Bearer ${auditor}`).send({ title: 'x', origin: 'municipality', politicalSensitivity: 'low' });
    expect(create.status).toBe(403);
    expect((await t.http().get(`/api/projects/${projectId}`).set('authorization', `Bearer ${auditor}`)).status).toBe(200);

    const asManager = await t.http().post(`/api/projects/${projectId}/decisions`).set('authorization', `Bearer ${api.manager}`).send({ event: 'COMMIT', body: 'college', outcome: 'approved', decidedOn: '2026-11-01', reference: 'x' });
    expect(asManager.status).toBe(403);
    const clerkForCollege = await t
      .http()
      .post(`/api/projects/${projectId}/decisions`)
      .set('authorization', `Bearer ${api.councilClerk}`)
      .send({ event: 'COMMIT', body: 'college', outcome: 'approved', decidedOn: '2026-11-01', reference: 'x' });
    expect(clerkForCollege.status).toBe(403);
    expect(clerkForCollege.body.code).toBe('wrong-role-for-body');
    expect((await api.decide(projectId, 'STOP', 'raad')).status).toBe(201);
  });

  it('lets a communication adviser record contacts and milestones, and nothing else', async () => {
    const adviser = await t.token('communication-adviser', 'C. Adviseur');
    const as = (method: 'get' | 'post' | 'put', path: string, body?: object) => t.http()[method](path).set('authorization', `Bearer ${adviser}`).send(body);
    const project = (await api.create({ title: 'Communicatie', origin: 'municipality', politicalSensitivity: 'low' })).body.id as string;
    expect((await as('post', `/api/projects/${project}/communications`, { channel: 'nieuwsbrief', audience: 'omwonenden', summary: 'Stand van zaken.' })).status).toBe(201);
    const milestone = await as('post', `/api/projects/${project}/milestones`, { title: 'Bewonersavond', dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(), public: true });
    expect([milestone.status, milestone.body.createdBy]).toEqual([201, 'C. Adviseur']);
    expect((await as('get', `/api/projects/${project}`)).status).toBe(200);
    for (const [method, path, body] of [
      ['post', '/api/projects', { title: 'x', origin: 'municipality', politicalSensitivity: 'low' }],
      ['put', `/api/projects/${project}/quick-scan`, {}],
      ['post', `/api/projects/${project}/events`, { type: 'STOP' }],
      ['post', `/api/projects/${project}/decisions`, { event: 'STOP', body: 'college', outcome: 'approved', decidedOn: '2026-11-01', reference: 'x' }],
    ] as const) {
      expect({ path, status: (await as(method, path, body)).status }).toEqual({ path, status: 403 });
    }
  });

  it('writes the actor’s name and role into every audit entry', async () => {
    await api.decide(projectId, 'START_INTERACTIVE', 'college');
    await api.event(projectId, { type: 'START_INTERACTIVE' });
    const actors = (await api.audit(projectId)).body.map((e: { type: string; actor: unknown }) => [e.type, e.actor]);
    expect(actors).toEqual([
      ['project-created', { name: 'P. Manager', role: 'process-manager' }],
      ['decision-recorded', { name: 'G. Griffier', role: 'council-clerk' }],
      ['decision-recorded', { name: 'S. Secretaris', role: 'college-secretary' }],
      ['quick-scan-recorded', { name: 'P. Manager', role: 'process-manager' }],
      ['transition', { name: 'P. Manager', role: 'process-manager' }],
    ]);
  });

  it('shows the queue board to admins only, also through the browser’s own sign-in prompt', async () => {
    const anonymous = await t.http().get('/admin/queues');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['www-authenticate']).toMatch(/^Basic realm=/);
    expect(anonymous.body.code).toBe('unauthenticated');
    expect((await t.http().get('/admin/queues/api/queues').set('authorization', `Bearer ${api.manager}`)).status).toBe(403);
    expect((await t.http().get('/admin/queues').auth('ada', 'not.a.jwt')).body.code).toBe('invalid-token');

    const admin = await t.token('admin');
    const page = await t.http().get('/admin/queues').auth('ada', admin);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>interactiewijzer');
    const queues = await t.http().get('/admin/queues/api/queues').set('authorization', `Bearer ${admin}`);
    expect(queues.body.queues.map((q: { name: string }) => q.name)).toEqual(['reminders']);
  });
});
