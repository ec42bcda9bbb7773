import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { describeEachDatabase } from './support/databases';
import { useRunningService } from './support/project-client';

type Schema = { $ref?: string; properties?: Record<string, Schema>; items?: Schema; type?: string };
type Operation = { method: 'get' | 'post' | 'put' | 'patch' | 'delete'; path: string; bodySchema?: Schema; queryNames: string[] };

const ALL_ROLES = ['process-manager', 'college-secretary', 'council-clerk', 'auditor', 'admin'] as const;

/** Values that broke the service once, or could: wrong types, control characters, impossible dates, prototype keys. */
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    [],
    {},
    '',
    '\u0000',
    'tekst\u0000met NUL',
    '\ud800',
    'a\udc00b',
    '\r\n',
    '2026-02-30',
    '2026-W05-3',
    '2026-032',
    '2026-03-20T10:00:00',
    '2026-03-20T25:00:00Z',
    '1e20',
    1e20,
    -1,
    1.5,
    Number.MAX_SAFE_INTEGER,
    true,
    'x'.repeat(1_000_000),
    { __proto__: { admin: true } },
    JSON.parse('{"__proto__": {"polluted": true}}'),
    randomUUID(),
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** JSON text nested `depth` levels deep (written out: JSON.stringify itself would overflow the stack). */
const deeplyNested = (depth: number) => `${'{"a":['.repeat(depth / 2)}1${']}'.repeat(depth / 2)}`;

/** Every operation of the OpenAPI description, with the fields its body and query know. */
function operationsOf(document: { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> }; parameters?: Array<{ in: string; name: string }> }>>; components?: { schemas?: Record<string, Schema> } }): Operation[] {
  const resolve = (schema: Schema | undefined): Schema | undefined => (schema?.$ref ? document.components?.schemas?.[schema.$ref.split('/').pop()!] : schema);
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, spec]) => ({
      method: method as Operation['method'],
      path,
      bodySchema: resolve(spec.requestBody?.content?.['application/json']?.schema),
      queryNames: (spec.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
    })),
  );
}

/** The body as JSON text; `{ raw }` is sent as it is. */
const rawJson = (payload: unknown) => (payload && typeof payload === 'object' && 'raw' in payload ? String(payload.raw) : JSON.stringify(payload ?? null));

describeEachDatabase('bad input', (createDatabase) => {
  const service = useRunningService(createDatabase);

  it('answers every operation of the OpenAPI description with a 4xx, never a 5xx, and writes nothing when it refuses', async () => {
    const token = await service.t.token([...ALL_ROLES], 'Fuzz');
    const { body: project } = await service.api.create({ title: 'Onder vuur', origin: 'municipality', politicalSensitivity: 'low' });
    const trailLength = async () => (await service.api.audit(project.id)).body.length as number;
    const operations = operationsOf((await service.t.http().get('/api/docs-json')).body);
    expect(operations.length).toBeGreaterThan(25);

    // Path segments as sent, percent-encoded: a NUL, a lone surrogate (its WTF-8 bytes), a stray %, no UUID at all.
    const idArbitrary = fc.constantFrom(project.id, randomUUID(), 'geen-uuid', '%00', '%25', '..', 'x'.repeat(300), '%ED%A0%80');
    const failures: string[] = [];
    for (const operation of operations) {
      const fields = Object.keys(operation.bodySchema?.properties ?? {});
      const body = fc.oneof(
        // Each known field given a nasty value, the others left out.
        fields.length > 0 ? fc.dictionary(fc.constantFrom(...fields), nastyValue, { maxKeys: fields.length }) : fc.constant({}),
        fc.record({ unknownField: nastyValue }),
        fc.constant({ raw: deeplyNested(5000) }),
        nastyValue,
      );
      const query = fc.dictionary(fc.constantFrom(...operation.queryNames, 'onbekend'), fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('1e20', '-5', '\u0000', '%', '')), { maxKeys: 3 });
      await fc.assert(
        fc.asyncProperty(idArbitrary, idArbitrary, body, query, async (id, otherId, payload, search) => {
          let first = true;
          const path = operation.path.replace(/\{(\w+)\}/g, () => ((first = !first) ? otherId : id));
          const before = await trailLength();
          const request = service.t.http()[operation.method](path).set('authorization', `Bearer ${token}`).query(search);
          const raw = rawJson(payload);
          let response;
          try {
            response = operation.method === 'get' || operation.method === 'delete' ? await request : await request.set('content-type', 'application/json').send(raw);
          } catch (error) {
            // A body over the 1 MiB limit is answered 413 at once, and an address over Node's 16 KiB of headers 431: the socket may close while the client is still writing.
            const refusedEarly = Buffer.byteLength(raw) > 1_048_576 || path.length + JSON.stringify(search).length > 16_384;
            if (['EPIPE', 'ECONNRESET'].includes((error as NodeJS.ErrnoException).code ?? '') && refusedEarly) return true;
            throw error;
          }
          if (response.status >= 500) failures.push(`${operation.method.toUpperCase()} ${path} ${JSON.stringify(search)} ${rawJson(payload).slice(0, 200)} → ${response.status}`);
          if (response.status >= 400 && (await trailLength()) !== before) failures.push(`${operation.method.toUpperCase()} ${path} wrote while answering ${response.status}`);
          return true;
        }),
        { numRuns: 25, seed: 20261128 },
      );
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it('asks for the municipality’s CBS code before it exports to DiWoo, rather than name no publisher', async () => {
    const { body: project } = await service.api.create({ title: 'Woo zonder code', origin: 'municipality', politicalSensitivity: 'low' });
    const response = await service.t.http().get(`/api/projects/${project.id}/woo-publications/diwoo.xml`).set('authorization', `Bearer ${service.api.manager}`);
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'municipality-code-missing', message: expect.stringContaining('MUNICIPALITY_CODE') });
  });

  it('refuses JSON nested 5,000 levels deep, and text no database can store, with a clear code', async () => {
    const deep = await service.t.http().post('/api/projects').set('authorization', `Bearer ${service.api.manager}`).set('content-type', 'application/json').send(deeplyNested(5000));
    expect(deep.status).toBe(400);
    expect(deep.body.code).toBe('too-deeply-nested');
    const nul = await service.api.create({ title: 'Met\u0000NUL', origin: 'municipality', politicalSensitivity: 'low' });
    expect([nul.status, nul.body.code]).toEqual([400, 'invalid-characters']);
    const { body: project } = await service.api.create({ title: 'Met een week als dag', origin: 'municipality', politicalSensitivity: 'low' });
    const day = await service.api.decide(project.id, 'STOP', 'college', { decidedOn: '2026-W05-3' });
    expect([day.status, day.body.code]).toEqual([400, 'invalid-request']);
    // A project that is not there (here: of no municipality) is not found, whatever the body (issue 21).
    const nowhere = await service.api.decide(randomUUID(), 'STOP', 'college', { decidedOn: '2026-W05-3' });
    expect([nowhere.status, nowhere.body.code]).toEqual([404, 'project-not-found']);
  });
});
