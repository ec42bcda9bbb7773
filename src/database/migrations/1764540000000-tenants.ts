import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { defaultTenantId } from '../../config/tenant-id';

/** Every table that holds a municipality's rows (issue 21): everything but the tenants themselves. */
export const TENANT_TABLES = [
  'projects', 'decisions', 'audit_entries', 'communications', 'reminders', 'outbox', 'milestones', 'project_documents',
  'stakeholders', 'inspections', 'reactions', 'audit_roots', 'state_stays', 'personal_data', 'guide_versions',
] as const;

/**
 * Issue 21: several municipalities in one installation. The tenants table, and on every other
 * table the tenant its row belongs to; every row stored before belongs to the default tenant,
 * the one the environment configures (TENANT_ID, default "default").
 *
 * Keys that were unique in the installation are unique per tenant now: a project's public
 * address, a guide's versions (each municipality keeps its own; the shipped ones are published
 * in each). On PostgreSQL every tenant table gets row-level security, enabled and forced (the
 * owner too), with one policy: a row is visible and writable only while the transaction's
 * `app.tenant` names its tenant. A connection that did not set it sees no rows at all.
 */
export class Tenants1764540000000 implements MigrationInterface {
  name = 'Tenants1764540000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    const tenant = defaultTenantId();
    await queryRunner.createTable(
      new Table({
        name: 'tenants',
        columns: [
          { name: 'id', type: 'varchar', length: '40', isPrimary: true },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'municipality_code', type: 'varchar', length: '4', isNullable: true },
          /** The rest of its settings (src/tenancy/tenant-settings.ts), as JSON. */
          { name: 'settings', type: 'text' },
          /** Its Ed25519 audit signing key, a private JWK; the default tenant's comes from AUDIT_SIGNING_KEY. */
          { name: 'signing_key', type: 'text', isNullable: true },
          /** The default tenant: its settings are the environment's. */
          { name: 'from_environment', type: 'boolean', default: false },
          { name: 'created_at', type: 'varchar', length: '30' },
          { name: 'updated_at', type: 'varchar', length: '30' },
        ],
      }),
    );
    const now = new Date().toISOString();
    await queryRunner.query(`INSERT INTO tenants (id, name, settings, from_environment, created_at, updated_at) VALUES ('${tenant}', 'Gemeente', '{}', ${postgres ? 'true' : '1'}, '${now}', '${now}')`);

    for (const table of TENANT_TABLES.filter((t) => t !== 'guide_versions')) {
      // PostgreSQL fills the existing rows from the default and then keeps no default: a row names its tenant.
      // SQLite cannot drop a column's default without rebuilding the table (and its append-only triggers);
      // there every INSERT names tenant_id, which the repositories check (src/database/sql-repository.ts).
      await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN tenant_id varchar(40) NOT NULL DEFAULT '${tenant}'`);
      if (postgres) await queryRunner.query(`ALTER TABLE ${table} ALTER COLUMN tenant_id DROP DEFAULT`);
    }
    await queryRunner.dropIndex('projects', 'IDX_projects_slug');
    await queryRunner.createIndex('projects', new TableIndex({ name: 'IDX_projects_slug', columnNames: ['tenant_id', 'slug'], isUnique: true }));
    await queryRunner.createIndex('projects', new TableIndex({ name: 'IDX_projects_tenant_created', columnNames: ['tenant_id', 'created_at'] }));
    await queryRunner.createIndex('outbox', new TableIndex({ name: 'IDX_outbox_tenant_unrelayed', columnNames: ['tenant_id', 'relayed_at', 'id'] }));

    // A guide's versions per tenant: a new key, so a new table.
    await queryRunner.createTable(
      new Table({
        name: 'tenant_guide_versions',
        columns: [
          { name: 'tenant_id', type: 'varchar', length: '40', isPrimary: true },
          { name: 'guide_id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'version', type: 'integer', isPrimary: true },
          { name: 'sha256', type: 'varchar', length: '64' },
          { name: 'document', type: 'text' },
          { name: 'published_at', type: 'varchar', length: '30' },
          { name: 'published_by', type: 'varchar', length: '200' },
        ],
        indices: [new TableIndex({ name: 'UQ_guide_versions_sha256', columnNames: ['tenant_id', 'sha256'], isUnique: true })],
      }),
    );
    await queryRunner.query(`INSERT INTO tenant_guide_versions (tenant_id, guide_id, version, sha256, document, published_at, published_by) SELECT '${tenant}', guide_id, version, sha256, document, published_at, published_by FROM guide_versions`);
    await queryRunner.dropTable('guide_versions');
    await queryRunner.renameTable('tenant_guide_versions', 'guide_versions');

    if (postgres) {
      for (const table of TENANT_TABLES) {
        await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
        await queryRunner.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
        await queryRunner.query(
          `CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = current_setting('app.tenant', true)) WITH CHECK (tenant_id = current_setting('app.tenant', true))`,
        );
      }
    }
  }

  /** Back to one municipality per installation: only while it holds one (else restore the backup taken before the upgrade). */
  async down(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    const [{ n }] = await queryRunner.query('SELECT COUNT(*) AS n FROM tenants');
    if (Number(n) > 1) throw new Error('Tenants1764540000000 cannot be undone while the installation serves several municipalities: restore the backup taken before the upgrade (README "Backup and restore").');
    if (postgres) {
      for (const table of TENANT_TABLES) {
        await queryRunner.query(`DROP POLICY tenant_isolation ON ${table}`);
        await queryRunner.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
        await queryRunner.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
      }
    }
    await queryRunner.createTable(
      new Table({
        name: 'untenanted_guide_versions',
        columns: [
          { name: 'guide_id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'version', type: 'integer', isPrimary: true },
          { name: 'sha256', type: 'varchar', length: '64', isUnique: true },
          { name: 'document', type: 'text' },
          { name: 'published_at', type: 'varchar', length: '30' },
          { name: 'published_by', type: 'varchar', length: '200' },
        ],
      }),
    );
    await queryRunner.query('INSERT INTO untenanted_guide_versions (guide_id, version, sha256, document, published_at, published_by) SELECT guide_id, version, sha256, document, published_at, published_by FROM guide_versions');
    await queryRunner.dropTable('guide_versions');
    await queryRunner.renameTable('untenanted_guide_versions', 'guide_versions');
    await queryRunner.dropIndex('outbox', 'IDX_outbox_tenant_unrelayed');
    await queryRunner.dropIndex('projects', 'IDX_projects_tenant_created');
    await queryRunner.dropIndex('projects', 'IDX_projects_slug');
    await queryRunner.createIndex('projects', new TableIndex({ name: 'IDX_projects_slug', columnNames: ['slug'], isUnique: true }));
    // Plain SQL: TypeORM would rebuild a SQLite table, and lose the append-only triggers with it.
    for (const table of TENANT_TABLES.filter((t) => t !== 'guide_versions')) await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN tenant_id`);
    await queryRunner.dropTable('tenants');
  }
}
