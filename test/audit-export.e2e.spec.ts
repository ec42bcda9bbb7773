import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { auditHash, GENESIS_HASH } from '../src/workflow/audit-chain';
import { sqliteDatabase, type TestDatabase } from './support/databases';
import { POLICY_CYCLE, ProjectClient } from './support/project-client';
import { startTestApp, type TestApp } from './support/test-app';
import { verifyOffline } from './support/offline-verifier';

type Export = { project: { id: string }; exportedAt: string; entries: Array<{ seq: number; type: string; payload: Record<string, unknown>; hash: string }>; head: { seq: number; hash: string } };

/** The verifier as a user runs it: a separate process, no server, no database. */
const verify = verifyOffline;

function saved(name: string, value: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'iw-saved-')), name);
  writeFileSync(file, JSON.stringify(value));
  return file;
}

/** Section 5 of issue 12: a trail anyone can check, without the server or its database. */
describe('a trail anyone can check', () => {
  let database: TestDatabase;
  let t: TestApp;
  let api: ProjectClient;
  let id: string;
  let auditor: string;
  beforeAll(async () => {
    database = sqliteDatabase();
    t = await startTestApp(database);
    api = await ProjectClient.for(t);
    auditor = await t.token('auditor', 'E. Auditor');
    // A project walked through the whole cycle.
    id = (await api.create({ title: 'Herinrichting Dorpsplein', origin: 'municipality', politicalSensitivity: 'low' })).body.id;
    for (const event of ['START_INTERACTIVE', 'COMMIT', 'ADOPT_PLAN', ...POLICY_CYCLE, 'CLOSE']) await api.step(id, event, 'college');
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });
  const exported = async (): Promise<Export> => (await t.http().get(`/api/projects/${id}/audit/export`).set('authorization', `Bearer ${auditor}`)).body;

  it('exports the whole trail, signed, and the export verifies offline with the key in it and with the published key', async () => {
    const document = await exported();
    expect(document.entries.at(-1)).toMatchObject({ type: 'transition', payload: { event: 'CLOSE', to: 'closed' } });
    expect(document.head).toEqual({ seq: document.entries.length, hash: document.entries.at(-1)!.hash });
    expect((await verify(document)).code).toBe(0);
    const jwks = (await t.http().get('/.well-known/jwks.json')).body;
    expect(jwks.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' });
    expect(jwks.keys[0].d).toBeUndefined();
    const withKey = await verify(document, '--key', saved('jwks.json', jwks));
    expect(withKey).toEqual({ code: 0, output: expect.stringContaining('(published key)') });
  });

  it('names the entry that was edited, removed or reordered, and refuses a changed signature', async () => {
    const document = await exported();
    const edited = structuredClone(document);
    edited.entries[3].payload.reference = 'B&W 2026/999';
    expect(await verify(edited)).toEqual({ code: 1, output: expect.stringContaining(`entry 4 (seq 4, ${document.entries[3].type}): its content does not match its hash`) });

    const removed = structuredClone(document);
    removed.entries.splice(2, 1);
    expect(await verify(removed)).toEqual({ code: 1, output: expect.stringContaining('entry 3 (seq 4') });

    const reordered = structuredClone(document);
    [reordered.entries[1], reordered.entries[2]] = [reordered.entries[2], reordered.entries[1]];
    expect(await verify(reordered)).toEqual({ code: 1, output: expect.stringContaining('entry 2 (seq 3') });

    const truncated = structuredClone(document);
    truncated.entries.pop();
    expect(await verify(truncated)).toEqual({ code: 1, output: expect.stringContaining('entries are missing at the end') });

    const resigned = structuredClone(document);
    resigned.exportedAt = '2020-01-01T00:00:00.000Z';
    expect(await verify(resigned)).toEqual({ code: 1, output: expect.stringContaining('signature: does not match') });
  });

  it('finds a rewrite of the whole database, hashes recomputed and all, against a root saved before it', async () => {
    const root = await t.http().post('/api/audit/roots').set('authorization', `Bearer ${auditor}`);
    expect(root.status).toBe(201);
    const savedRoot = saved('root.json', root.body);
    expect((await t.http().get('/api/audit/roots/latest')).body).toMatchObject({ id: root.body.id, root: root.body.root });
    expect(await verify(await exported(), '--root', savedRoot)).toEqual({ code: 0, output: expect.stringContaining('through the saved root') });

    // An intruder with the database: triggers dropped, an old decision's reference changed, the chain recomputed, the roots replaced.
    await t.close();
    const db = new Database(database.config.kind === 'sqlite' ? database.config.path : '');
    db.exec('DROP TRIGGER audit_entries_no_update; DROP TRIGGER audit_entries_no_delete; DROP TRIGGER decisions_consumed_only;');
    const rows = db.prepare('SELECT * FROM audit_entries WHERE project_id = ? ORDER BY seq').all(id) as Array<{ id: number; seq: number; occurred_at: string; actor_name: string; actor_role: string; type: string; payload: string }>;
    let prev = GENESIS_HASH;
    for (const row of rows) {
      const rewrite = row.type === 'decision-recorded' && row.seq < 5;
      const payload = rewrite ? JSON.stringify({ ...JSON.parse(row.payload), reference: 'herschreven' }) : row.payload;
      // The decision's row follows, so the trail still binds it.
      if (rewrite) db.prepare('UPDATE decisions SET reference = ? WHERE id = ?').run('herschreven', JSON.parse(row.payload).decisionId);
      const hash = auditHash(prev, { projectId: id, seq: row.seq, occurredAt: row.occurred_at, actorName: row.actor_name, actorRole: row.actor_role, type: row.type, payload });
      db.prepare('UPDATE audit_entries SET payload = ?, prev_hash = ?, hash = ? WHERE id = ?').run(payload, prev, hash, row.id);
      prev = hash;
    }
    db.prepare('UPDATE projects SET audit_hash = ? WHERE id = ?').run(prev, id);
    db.exec('DELETE FROM audit_roots');
    db.close();
    t = await startTestApp(database);
    auditor = await t.token('auditor', 'E. Auditor');

    // The server itself now finds nothing wrong, and signs the rewritten trail ...
    const rewritten = await exported();
    expect((await t.http().get(`/api/projects/${id}/audit/verify`).set('authorization', `Bearer ${auditor}`)).body.valid).toBe(true);
    expect((await verify(rewritten)).code).toBe(0);
    // ... but whoever saved the root can prove the rewrite, and where it lies.
    const checked = await verify(rewritten, '--root', savedRoot);
    expect(checked.code).toBe(1);
    expect(checked.output).toMatch(/root: entry seq \d+ has hash [0-9a-f]{64}, but the root saved at .* recorded [0-9a-f]{64}; the trail was rewritten after that root/);
  }, 60_000);
});
