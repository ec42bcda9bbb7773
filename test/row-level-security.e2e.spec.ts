import { Client } from 'pg';
import { TENANT_TABLES } from '../src/database/migrations/1764540000000-tenants';
import type { Role } from '../src/auth/roles';
import { postgresDatabase, SERVICE_ROLE, type TestDatabase } from './support/databases';
import { ProjectClient } from './support/project-client';
import { startTestApp, type TestApp } from './support/test-app';

const onPostgres = process.env.IW_POSTGRES_AVAILABLE === 'no' ? describe.skip : describe;

/**
 * Issue 21: on PostgreSQL the database itself holds the municipalities apart. Connected as the
 * service's own role, as the service is: without `app.tenant` no row is visible, with it only
 * that tenant's, and the role cannot switch the policies off.
 */
onPostgres('row-level security on PostgreSQL, as the service’s role', () => {
  let database: TestDatabase;
  let t: TestApp;
  let client: Client;
  let owner: Client;

  /** The error PostgreSQL answers a statement with, or 'done'. */
  const outcome = (sql: string, parameters: unknown[] = []) => client.query(sql, parameters).then(() => 'done', (error: Error) => error.message);
  /** One statement in a transaction that sets the tenant as the service does. */
  async function asTenant<T>(tenant: string, sql: string, parameters: unknown[] = []): Promise<T[]> {
    await client.query(`BEGIN; SET LOCAL app.tenant = '${tenant}'`);
    try {
      return (await client.query(sql, parameters)).rows as T[];
    } finally {
      await client.query('ROLLBACK');
    }
  }

  beforeAll(async () => {
    database = await postgresDatabase();
    t = await startTestApp(database);
    const operator = await t.token('operator' as Role, 'O. Perator');
    expect((await t.http().post('/api/tenants').set('authorization', `Bearer ${operator}`).send({ id: 'gemeente-a', name: 'Gemeente A', municipalityCode: '0001' })).status).toBe(201);
    const [first, second] = [await ProjectClient.for(t, 'default'), await ProjectClient.for(t, 'gemeente-a')];
    for (const [api, title] of [[first, 'Van de standaard'], [second, 'Van A'], [second, 'Ook van A']] as const) {
      const { body } = await api.create({ title, origin: 'municipality', politicalSensitivity: 'low' });
      await api.step(body.id, 'START_INTERACTIVE', 'college');
    }
    if (database.config.kind !== 'postgres') throw new Error('PostgreSQL only');
    client = new Client({ connectionString: database.config.url });
    owner = new Client({ connectionString: database.config.ownerUrl });
    await client.connect();
    await owner.connect();
  });
  afterAll(async () => {
    await client?.end();
    await owner?.end();
    await t?.close();
    await database?.drop();
  });

  it('connects as a role that owns no table and bypasses nothing', async () => {
    expect((await client.query('SELECT current_user AS role')).rows[0].role).toBe(SERVICE_ROLE);
    const [role] = (await client.query(`SELECT rolsuper, rolbypassrls, (SELECT COUNT(*) FROM pg_tables WHERE tableowner = current_user)::int AS owned FROM pg_roles WHERE rolname = current_user`)).rows;
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, owned: 0 });
  });

  it('shows a query without SET LOCAL app.tenant no row at all, and each tenant only its own', async () => {
    for (const table of TENANT_TABLES) expect({ table, rows: (await client.query(`SELECT COUNT(*)::int AS n FROM ${table}`)).rows[0].n }).toEqual({ table, rows: 0 });
    // The rows are there: the owner, who is a superuser here, sees them all.
    expect((await owner.query('SELECT COUNT(*)::int AS n FROM projects')).rows[0].n).toBe(3);
    expect((await asTenant<{ title: string }>('gemeente-a', 'SELECT title FROM projects ORDER BY title')).map((r) => r.title)).toEqual(['Ook van A', 'Van A']);
    expect((await asTenant<{ title: string }>('default', 'SELECT title FROM projects')).map((r) => r.title)).toEqual(['Van de standaard']);
    expect((await asTenant<{ n: number }>('gemeente-a', 'SELECT COUNT(*)::int AS n FROM audit_entries WHERE tenant_id = $1', ['default']))[0].n).toBe(0);
    // SET LOCAL ends with its transaction: the next statement on the same connection sees nothing again.
    expect((await client.query('SELECT COUNT(*)::int AS n FROM projects')).rows[0].n).toBe(0);
  });

  it('lets no tenant write a row of another, nor change one', async () => {
    const written = await asTenant('gemeente-a', "INSERT INTO outbox (tenant_id, topic, payload, created_at) VALUES ('default', 'silence', '{}', '2026-12-06T00:00:00Z')").then(() => 'done', (error: Error) => error.message);
    expect(written).toMatch(/violates row-level security policy/);
    const changed = await asTenant<{ id: string }>('gemeente-a', "UPDATE projects SET title = 'Overgenomen' WHERE tenant_id = 'default' RETURNING id");
    expect(changed).toEqual([]);
    expect((await owner.query("SELECT title FROM projects WHERE tenant_id = 'default'")).rows).toEqual([{ title: 'Van de standaard' }]);
  });

  it('cannot switch row-level security off, drop a policy or read past it', async () => {
    for (const sql of ['ALTER TABLE projects DISABLE ROW LEVEL SECURITY', 'ALTER TABLE projects NO FORCE ROW LEVEL SECURITY', 'DROP POLICY tenant_isolation ON projects', 'ALTER TABLE projects OWNER TO iw_service']) {
      expect({ sql, outcome: await outcome(sql) }).toEqual({ sql, outcome: expect.stringMatching(/must be owner|permission denied/) });
    }
    await client.query('SET row_security = off');
    expect(await outcome('SELECT * FROM projects')).toMatch(/row-level security/);
    await client.query('RESET row_security');
  });

  it('has every table with a tenant under a forced policy, and no table of a tenant without one', async () => {
    const tenanted = (await owner.query("SELECT table_name AS t FROM information_schema.columns WHERE column_name = 'tenant_id' AND table_schema = current_schema() ORDER BY 1")).rows.map((r) => r.t);
    const tables = (await owner.query("SELECT tablename AS t FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT IN ('tenants', 'migrations') ORDER BY 1")).rows.map((r) => r.t);
    expect(tenanted).toEqual([...TENANT_TABLES].sort());
    expect(tables).toEqual([...TENANT_TABLES].sort());
    const forced = (await owner.query('SELECT relname AS t FROM pg_class WHERE relrowsecurity AND relforcerowsecurity AND relname = ANY($1) ORDER BY 1', [[...TENANT_TABLES]])).rows.map((r) => r.t);
    expect(forced).toEqual([...TENANT_TABLES].sort());
  });
});
