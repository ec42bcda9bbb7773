import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Logger } from '@nestjs/common';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { countingLogger } from './query-counter';
import { AuditEntryEntity } from './audit-entry.entity';
import { DecisionEntity } from './decision.entity';
import { CommunicationEntity } from './communication.entity';
import { InitialSchema1764320000000 } from './migrations/1764320000000-initial-schema';
import { Reminders1764330000000 } from './migrations/1764330000000-reminders';
import { Milestones1764340000000 } from './migrations/1764340000000-milestones';
import { InteractionRules1764350000000 } from './migrations/1764350000000-interaction-rules';
import { Trust1764360000000 } from './migrations/1764360000000-trust';
import { ReactionChannels1764370000000 } from './migrations/1764370000000-reaction-channels';
import { InspraakProcedures1764380000000 } from './migrations/1764380000000-inspraak-procedures';
import { AuditRootEntity } from './audit-root.entity';
import { AuditRoots1764390000000 } from './migrations/1764390000000-audit-roots';
import { Nota1764400000000 } from './migrations/1764400000000-nota';
import { PublicPages1764410000000 } from './migrations/1764410000000-public-pages';
import { InsightIndex1764420000000 } from './migrations/1764420000000-insight-index';
import { DecisionMilestones1764430000000 } from './migrations/1764430000000-decision-milestones';
import { StateStays1764440000000 } from './migrations/1764440000000-state-stays';
import { LawfulTerms1764450000000 } from './migrations/1764450000000-lawful-terms';
import { PersonalData1764460000000 } from './migrations/1764460000000-personal-data';
import { WithdrawnInspections1764470000000 } from './migrations/1764470000000-withdrawn-inspections';
import { PublicMilestones1764480000000 } from './migrations/1764480000000-public-milestones';
import { ReactionNumbers1764490000000 } from './migrations/1764490000000-reaction-numbers';
import { GreenLightRequests1764500000000 } from './migrations/1764500000000-green-light-requests';
import { CreatorSubjects1764510000000 } from './migrations/1764510000000-creator-subjects';
import { PublicContacts1764520000000 } from './migrations/1764520000000-public-contacts';
import { GuideVersions1764530000000 } from './migrations/1764530000000-guide-versions';
import { Tenants1764540000000 } from './migrations/1764540000000-tenants';
import { PendingSilences1764550000000 } from './migrations/1764550000000-pending-silences';
import { StateStayEntity } from './state-stay.entity';
import { InspectionEntity, ProjectDocumentEntity, ReactionEntity, StakeholderEntity } from './interaction.entities';
import { MilestoneEntity } from './milestone.entity';
import { OutboxEntity } from './outbox.entity';
import { ProjectEntity } from './project.entity';
import { ReminderEntity } from './reminder.entity';

export const ENTITIES = [ProjectEntity, DecisionEntity, AuditEntryEntity, CommunicationEntity, ReminderEntity, OutboxEntity, MilestoneEntity, ProjectDocumentEntity, StakeholderEntity, InspectionEntity, ReactionEntity, AuditRootEntity, StateStayEntity];
export const MIGRATIONS = [InitialSchema1764320000000, Reminders1764330000000, Milestones1764340000000, InteractionRules1764350000000, Trust1764360000000, ReactionChannels1764370000000, InspraakProcedures1764380000000, AuditRoots1764390000000, Nota1764400000000, PublicPages1764410000000, InsightIndex1764420000000, DecisionMilestones1764430000000, StateStays1764440000000, LawfulTerms1764450000000, PersonalData1764460000000, WithdrawnInspections1764470000000, PublicMilestones1764480000000, ReactionNumbers1764490000000, GreenLightRequests1764500000000, CreatorSubjects1764510000000, PublicContacts1764520000000, GuideVersions1764530000000, Tenants1764540000000, PendingSilences1764550000000];

/** The owner's connection for the migrations, by the service's options (DATABASE_OWNER_URL, issue 21). */
const ownerUrls = new WeakMap<DataSourceOptions, string>();

/** One place that turns configuration into TypeORM options; the schema changes only through migrations. */
export function dataSourceOptions(database: AppConfig['database']): DataSourceOptions {
  // Migrations run in migrated(), under a lock, not by TypeORM on connect.
  const common = { entities: ENTITIES, migrations: MIGRATIONS, synchronize: false, migrationsRun: false, logger: countingLogger } as const;
  if (database.kind === 'postgres') {
    const options: DataSourceOptions = { ...common, type: 'postgres', url: database.url };
    if (database.ownerUrl) ownerUrls.set(options, database.ownerUrl);
    return options;
  }
  if (database.path !== ':memory:') mkdirSync(dirname(database.path), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: database.path,
    // WAL with synchronous=FULL: a green light answered with 2xx survives a power cut.
    enableWAL: true,
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma(`synchronous = ${database.synchronous}`);
      db.pragma('busy_timeout = 5000');
      db.pragma('wal_autocheckpoint = 10000');
      db.pragma('foreign_keys = ON');
    },
  };
}

/** Any fixed number: the key of the advisory lock every instance takes around its migrations. */
const MIGRATION_LOCK = 7_264_581_039;

/**
 * Connects and brings the schema up to date. On PostgreSQL several instances may start at once
 * on a fresh database: a session-level advisory lock lets one migrate while the others wait,
 * then find nothing left to do. (SQLite serialises writers itself.)
 *
 * With DATABASE_OWNER_URL the migrations run as the tables' owner, who then grants the service's
 * own role (DATABASE_URL) what it needs to read and write rows, and nothing more: a role that
 * owns no table cannot switch row-level security off, and the policies hold it (issue 21).
 */
export async function migrated(dataSource: DataSource): Promise<DataSource> {
  await dataSource.initialize();
  if (dataSource.options.type !== 'postgres') {
    await dataSource.runMigrations();
    return dataSource;
  }
  const ownerUrl = ownerUrls.get(dataSource.options);
  const owner = ownerUrl ? await new DataSource({ ...dataSource.options, url: ownerUrl } as DataSourceOptions).initialize() : dataSource;
  const lock = owner.createQueryRunner();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await owner.runMigrations();
    if (owner !== dataSource) await grantService(lock, (await dataSource.query('SELECT current_user AS role'))[0].role);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
    if (owner !== dataSource) await owner.destroy();
  }
  await warnUnlessIsolated(dataSource);
  return dataSource;
}

/** The service's role may read and write every table's rows (the policies decide which), never the migrations' record. */
async function grantService(owner: { query(sql: string, parameters?: unknown[]): Promise<Array<Record<string, string>>> }, role: string): Promise<void> {
  const [{ schema, grantee }] = await owner.query('SELECT quote_ident(current_schema()) AS schema, quote_ident($1) AS grantee', [role]);
  await owner.query(`GRANT USAGE ON SCHEMA ${schema} TO ${grantee}`);
  await owner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${grantee}`);
  await owner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${grantee}`);
  await owner.query(`REVOKE ALL ON ${schema}.migrations FROM ${grantee}`);
}

/** Says so at start when the service's role could see past the policies: a superuser, BYPASSRLS, or the tables' owner (who can switch them off). */
async function warnUnlessIsolated(dataSource: DataSource): Promise<void> {
  const [role] = await dataSource.query(
    `SELECT r.rolsuper OR r.rolbypassrls AS bypasses, EXISTS (SELECT 1 FROM pg_tables t WHERE t.tablename = 'projects' AND t.schemaname = current_schema() AND t.tableowner = current_user) AS owns
       FROM pg_roles r WHERE r.rolname = current_user`,
  );
  if (role?.bypasses || role?.owns) {
    new Logger('Database').warn(
      `The service connects to PostgreSQL as ${role.bypasses ? 'a role that bypasses row-level security' : "the tables' owner"}: the database does not hold the municipalities apart by itself. Connect as a role of its own (DATABASE_URL) and migrate as the owner (DATABASE_OWNER_URL); README "Several municipalities".`,
    );
  }
}
