import Database from 'better-sqlite3';
import { Client } from 'pg';
import { describeEachDatabase, sqliteDatabase, type TestDatabase } from './support/databases';
import { ProjectClient } from './support/project-client';
import { startTestApp } from './support/test-app';

/** Runs SQL straight on the database, behind the service's back, as an intruder or a crash would. */
async function tamper(database: TestDatabase, sql: string): Promise<void> {
  if (database.config.kind === 'postgres') {
    const client = new Client({ connectionString: database.config.url });
    await client.connect();
    await client.query(sql);
    await client.end();
  } else {
    const db = new Database(database.config.path);
    db.exec(sql);
    db.close();
  }
}

describeEachDatabase('persistence', (createDatabase) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createDatabase();
  });
  afterEach(() => database.drop());

  it('creates the schema through migrations and keeps every project, decision and audit entry across a restart', async () => {
    const first = await startTestApp(database);
    const api = await ProjectClient.for(first);
    const { body: project } = await api.create({ title: 'Blijvend', origin: 'municipality', politicalSensitivity: 'high' });
    await api.step(project.id, 'START_INTERACTIVE', 'raad');
    await api.decide(project.id, 'COMMIT', 'raad');
    const before = { project: (await api.get(project.id)).body, audit: (await api.audit(project.id)).body };
    await first.close();

    const second = await startTestApp(database);
    const again = await ProjectClient.for(second);
    expect((await again.get(project.id)).body).toEqual(before.project);
    expect((await again.audit(project.id)).body).toEqual(before.audit);
    // The unused green light for COMMIT is still there after the restart and opens its gate.
    expect((await again.event(project.id, { type: 'COMMIT' })).body.state).toBe('planOfApproach');
    await second.close();
  });

  it('detects an edited audit entry and a deleted tail', async () => {
    const t = await startTestApp(database);
    const api = await ProjectClient.for(t);
    const { body: project } = await api.create({ title: 'Manipulatie', origin: 'municipality', politicalSensitivity: 'low' });
    await api.step(project.id, 'START_INTERACTIVE', 'college');
    const verify = () => t.http().get(`/api/projects/${project.id}/audit/verify`).set('authorization', `Bearer ${api.manager}`);
    // project-created, decision-recorded, quick-scan-recorded, transition
    expect((await verify()).body).toMatchObject({ valid: true, entries: 4 });

    await tamper(database, `UPDATE audit_entries SET actor_name = 'Iemand anders' WHERE project_id = '${project.id}' AND seq = 2`);
    expect((await verify()).body).toEqual({ valid: false, entries: 4, brokenAtSeq: 2 });

    await tamper(database, `DELETE FROM audit_entries WHERE project_id = '${project.id}' AND seq >= 2`);
    expect((await verify()).body).toEqual({ valid: false, entries: 1, brokenAtSeq: 2 });
    await t.close();
  });
});

describe('SQLite durability settings', () => {
  it.each(['FULL', 'NORMAL'] as const)('runs in WAL mode with synchronous=%s', async (synchronous) => {
    const database = sqliteDatabase(synchronous);
    const t = await startTestApp(database);
    await (await ProjectClient.for(t)).create({ title: 'WAL', origin: 'municipality', politicalSensitivity: 'low' });
    await t.close();
    const db = new Database(database.config.kind === 'sqlite' ? database.config.path : '');
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT name FROM migrations ORDER BY id').all()).toEqual([{ name: 'InitialSchema1764320000000' }, { name: 'Reminders1764330000000' }, { name: 'Milestones1764340000000' }, { name: 'InteractionRules1764350000000' }]);
    db.close();
    expect(t.output()).toContain(`synchronous=${synchronous}`);
    await database.drop();
  });
});
