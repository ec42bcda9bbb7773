import Database from 'better-sqlite3';
import { Client } from 'pg';
import { DataSource, type MigrationInterface } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { StateStays1764440000000 } from '../src/database/migrations/1764440000000-state-stays';
import { Tenants1764540000000 } from '../src/database/migrations/1764540000000-tenants';
import { PendingSilences1764550000000 } from '../src/database/migrations/1764550000000-pending-silences';
import { describeEachDatabase, postgresDatabase, sqliteDatabase, type TestDatabase } from './support/databases';
import { ProjectClient } from './support/project-client';
import { startTestApp, webSessionToken } from './support/test-app';

/** Undoes these migrations, newest first, as the owner would: the database as it stood before them. */
async function undoMigrations(database: TestDatabase, migrations: MigrationInterface[]): Promise<void> {
  const owner = database.config.kind === 'postgres' ? { ...database.config, url: database.config.ownerUrl ?? database.config.url } : database.config;
  const dataSource = await new DataSource(dataSourceOptions(owner)).initialize();
  const runner = dataSource.createQueryRunner();
  try {
    for (const migration of migrations) {
      await migration.down!(runner);
      await runner.query(`DELETE FROM migrations WHERE name = '${migration.name}'`);
    }
  } finally {
    await runner.release();
    await dataSource.destroy();
  }
}

/** Runs SQL straight on the database, behind the service's back, as an intruder or a crash would. */
async function tamper(database: TestDatabase, sql: string): Promise<void> {
  if (database.config.kind === 'postgres') {
    const client = new Client({ connectionString: database.config.ownerUrl ?? database.config.url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  } else {
    const db = new Database(database.config.path);
    try {
      db.exec(sql);
    } finally {
      db.close();
    }
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

  it('builds insight’s stays from a trail written before they were kept, the same as the steps write them', async () => {
    const first = await startTestApp(database);
    const api = await ProjectClient.for(first);
    const { body: initiative } = await api.create({ title: 'Bewonersinitiatief', origin: 'initiative', politicalSensitivity: 'low' });
    expect((await api.event(initiative.id, { type: 'FORMALLY_SUBMITTED', submittedOn: '2026-11-02', reference: 'INI-1' })).status).toBe(200);
    const { body: project } = await api.create({ title: 'Herinrichting', origin: 'municipality', politicalSensitivity: 'low' });
    for (const step of ['START_INTERACTIVE', 'COMMIT', 'ADOPT_PLAN']) await api.step(project.id, step, 'college');
    const insight = async (app: typeof first, client: ProjectClient) => (await app.http().get('/api/insight').set('authorization', `Bearer ${client.manager}`)).body;
    const written = await insight(first, api);
    expect(written.timeInState.map((s: { state: string }) => s.state)).toEqual(['intake', 'quickScan', 'formalCommitment', 'planOfApproach']);
    expect(written.levels.length).toBeGreaterThan(0);
    await first.close();

    // As the database stood before migration StateStays1764440000000 (and so before Tenants1764540000000 and what came after): the trail only.
    await undoMigrations(database, [new PendingSilences1764550000000(), new Tenants1764540000000(), new StateStays1764440000000()]);
    const second = await startTestApp(database);
    expect(await insight(second, await ProjectClient.for(second))).toEqual(written);
    await second.close();
  });

  it('refuses to change or delete trail entries and decisions in the database itself', async () => {
    const t = await startTestApp(database);
    const api = await ProjectClient.for(t);
    const { body: project } = await api.create({ title: 'Alleen toevoegen', origin: 'municipality', politicalSensitivity: 'low' });
    await api.step(project.id, 'START_INTERACTIVE', 'college');
    await api.decide(project.id, 'COMMIT', 'college');
    const where = `WHERE project_id = '${project.id}'`;
    for (const sql of [
      `UPDATE audit_entries SET actor_name = 'Iemand anders' ${where} AND seq = 2`,
      `DELETE FROM audit_entries ${where} AND seq >= 2`,
      `UPDATE audit_entries SET seq = seq + 100 ${where}`,
      `UPDATE decisions SET outcome = 'rejected' ${where}`,
      `UPDATE decisions SET consumed_at = NULL ${where} AND consumed_at IS NOT NULL`,
      `DELETE FROM decisions ${where}`,
      ...(database.name === 'postgres' ? ['TRUNCATE audit_entries', 'TRUNCATE decisions CASCADE'] : []),
    ]) {
      const outcome = await tamper(database, sql).then(
        () => 'carried out',
        (error: Error) => (/refused|cannot be changed/.test(error.message) ? 'refused' : error.message),
      );
      expect({ sql, outcome }).toEqual({ sql, outcome: 'refused' });
    }
    // The one change allowed: a transition marks its green light consumed.
    expect((await api.event(project.id, { type: 'COMMIT' })).body.state).toBe('planOfApproach');
    const verify = await t.http().get(`/api/projects/${project.id}/audit/verify`).set('authorization', `Bearer ${api.manager}`);
    expect(verify.body).toMatchObject({ valid: true, brokenAtSeq: null, unboundDecisions: [] });
    await t.close();
  });

  it('with the triggers dropped, names the first edited, reordered or deleted entry', async () => {
    const t = await startTestApp(database);
    const api = await ProjectClient.for(t);
    const { body: project } = await api.create({ title: 'Manipulatie', origin: 'municipality', politicalSensitivity: 'low' });
    await api.step(project.id, 'START_INTERACTIVE', 'college');
    const verify = () => t.http().get(`/api/projects/${project.id}/audit/verify`).set('authorization', `Bearer ${api.manager}`);
    // project-created, decision-recorded, quick-scan-recorded, transition
    expect((await verify()).body).toEqual({ valid: true, entries: 4, brokenAtSeq: null, unboundDecisions: [], erasures: [], head: { seq: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    await tamper(database, DROP_TRIGGERS[database.name]);

    await tamper(database, `UPDATE audit_entries SET actor_name = 'Iemand anders' WHERE project_id = '${project.id}' AND seq = 3`);
    expect((await verify()).body).toMatchObject({ valid: false, entries: 4, brokenAtSeq: 3 });
    // The auditor's werkvoorraad lists it, the broken entry named (issue 19).
    const auditorsList = async () => (await t.http().get('/werkvoorraad').set('cookie', `iw_session=${await webSessionToken('A. Auditor', ['auditor'])}`)).text;
    expect(await auditorsList()).toContain('De keten klopt niet vanaf regel 3.');
    await tamper(database, `UPDATE audit_entries SET actor_name = 'P. Manager' WHERE project_id = '${project.id}' AND seq = 3`);
    expect((await verify()).body).toMatchObject({ valid: true });
    expect(await auditorsList()).toContain('Op deze pagina vraagt geen project aandacht');

    // Two entries swapped: the first one out of place is named.
    await tamper(database, `UPDATE audit_entries SET seq = -2 WHERE project_id = '${project.id}' AND seq = 2`);
    await tamper(database, `UPDATE audit_entries SET seq = 2 WHERE project_id = '${project.id}' AND seq = 3`);
    await tamper(database, `UPDATE audit_entries SET seq = 3 WHERE project_id = '${project.id}' AND seq = -2`);
    expect((await verify()).body).toMatchObject({ valid: false, brokenAtSeq: 2 });

    await tamper(database, `DELETE FROM audit_entries WHERE project_id = '${project.id}' AND seq >= 2`);
    expect((await verify()).body).toMatchObject({ valid: false, entries: 1, brokenAtSeq: 2 });
    await t.close();
  });

  it('opens no gate with an approval inserted straight into the decisions table, and verify names it', async () => {
    const t = await startTestApp(database);
    const api = await ProjectClient.for(t);
    const { body: project } = await api.create({ title: 'Binnendoor', origin: 'municipality', politicalSensitivity: 'low' });
    await api.step(project.id, 'START_INTERACTIVE', 'college');
    const forged = '00000000-0000-4000-8000-00000000f0f0';
    await tamper(
      database,
      `INSERT INTO decisions (tenant_id, id, project_id, gate, cycle, body, outcome, decided_on, reference, recorded_by, recorded_by_role, recorded_at)
       VALUES ('default', '${forged}', '${project.id}', 'COMMIT', 1, 'college', 'approved', '2026-11-02', 'vals', 'Niemand', 'college-secretary', '2026-11-02T10:00:00.000Z')`,
    );
    // The screen tells the same: no green light for COMMIT.
    const commit = (await api.get(project.id)).body.nextSteps.find((step: { event: string }) => step.event === 'COMMIT');
    expect(commit).toMatchObject({ allowed: false, blockers: expect.arrayContaining([expect.objectContaining({ code: 'green-light-missing' })]) });
    const refused = await api.event(project.id, { type: 'COMMIT' });
    expect(refused.status).toBe(409);
    expect(refused.body.blockers.map((b: { code: string }) => b.code)).toContain('green-light-missing');
    const verify = await t.http().get(`/api/projects/${project.id}/audit/verify`).set('authorization', `Bearer ${api.manager}`);
    expect(verify.body).toMatchObject({ valid: false, brokenAtSeq: null, unboundDecisions: [forged] });
    // Nor is it published under the Woo as the municipality's decision.
    const published = await t.http().post(`/api/projects/${project.id}/woo-publications`).set('authorization', `Bearer ${api.manager}`).send({ decisionId: forged, category: '3.3.2d', documentUrl: 'https://www.gemeente.nl/vals.pdf', exceptionsChecked: true, personalDataRemoved: true });
    expect([published.status, published.body.code]).toEqual([404, 'decision-not-found']);
    await t.close();
  });
});

describe('instances starting together on a fresh PostgreSQL database', () => {
  const onPostgres = process.env.IW_POSTGRES_AVAILABLE === 'no' ? it.skip : it;
  // Twelve service processes start in this test: generous for a busy two-core machine.
  onPostgres('migrate it once, one after another, with no error and no retry', async () => {
    for (let round = 0; round < 3; round++) {
      const database = await postgresDatabase();
      const instances = await Promise.all(Array.from({ length: 4 }, () => startTestApp(database)));
      try {
        for (const instance of instances) expect(instance.output()).not.toMatch(/"level":"(error|fatal)"|Unable to connect|already exists|duplicate key/);
        expect((await instances[3].http().get('/health/ready')).body.checks.database.status).toBe('up');
      } finally {
        await Promise.all(instances.map((instance) => instance.close()));
        await database.drop();
      }
    }
  }, 120_000);
});

/** What an intruder with full access to the database would do first. */
const DROP_TRIGGERS = {
  sqlite: 'DROP TRIGGER audit_entries_no_update; DROP TRIGGER audit_entries_no_delete; DROP TRIGGER decisions_no_delete; DROP TRIGGER decisions_consumed_only;',
  postgres: 'DROP TRIGGER audit_entries_append_only ON audit_entries; DROP TRIGGER decisions_no_delete ON decisions; DROP TRIGGER decisions_consumed_only ON decisions;',
};

describe('SQLite durability settings', () => {
  it.each(['FULL', 'NORMAL'] as const)('runs in WAL mode with synchronous=%s', async (synchronous) => {
    const database = sqliteDatabase(synchronous);
    const t = await startTestApp(database);
    await (await ProjectClient.for(t)).create({ title: 'WAL', origin: 'municipality', politicalSensitivity: 'low' });
    // The service's own connection says how durable its commits are (the setting lives per connection, not in the file).
    expect((await t.http().get('/health/ready')).body.checks.database).toEqual({ status: 'up', synchronous });
    await t.close();
    const db = new Database(database.config.kind === 'sqlite' ? database.config.path : '');
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT name FROM migrations ORDER BY id').all()).toEqual([
      { name: 'InitialSchema1764320000000' },
      { name: 'Reminders1764330000000' },
      { name: 'Milestones1764340000000' },
      { name: 'InteractionRules1764350000000' },
      { name: 'Trust1764360000000' },
      { name: 'ReactionChannels1764370000000' },
      { name: 'InspraakProcedures1764380000000' },
      { name: 'AuditRoots1764390000000' },
      { name: 'Nota1764400000000' },
      { name: 'PublicPages1764410000000' },
      { name: 'InsightIndex1764420000000' },
      { name: 'DecisionMilestones1764430000000' },
      { name: 'StateStays1764440000000' },
      { name: 'LawfulTerms1764450000000' },
      { name: 'PersonalData1764460000000' },
      { name: 'WithdrawnInspections1764470000000' },
      { name: 'PublicMilestones1764480000000' },
      { name: 'ReactionNumbers1764490000000' },
      { name: 'GreenLightRequests1764500000000' },
      { name: 'CreatorSubjects1764510000000' },
      { name: 'PublicContacts1764520000000' },
      { name: 'GuideVersions1764530000000' },
      { name: 'Tenants1764540000000' },
      { name: 'PendingSilences1764550000000' },
    ]);
    db.close();
    await database.drop();
  });
});
