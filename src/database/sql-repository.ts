import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { queryCounter } from './query-counter';
import { tenantScope } from './tenant-scope';
import { readSessions } from './read-session';
import { postgresTransaction } from './transaction-runner';

/** The parts of a better-sqlite3 connection used here. */
interface SqliteStatement {
  reader: boolean;
  all(...parameters: unknown[]): unknown[];
  run(...parameters: unknown[]): { changes: number };
}
interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
}
/** The part of node-postgres's client used here: a query by name, parsed and planned once per connection. */
interface PostgresClient {
  query(query: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

export const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/** The conditions of a WHERE clause, each with its parameters, in the order the SQL takes them; the first is always the tenant's (issue 21). */
export class Conditions {
  private readonly clauses: string[] = ['tenant_id = @tenant'];
  readonly parameters: unknown[] = [];

  and(clause: string, ...values: unknown[]): this {
    this.clauses.push(clause);
    this.parameters.push(...values);
    return this;
  }

  /** ` WHERE tenant_id = @tenant AND …`. */
  get where(): string {
    return ` WHERE ${this.clauses.join(' AND ')}`;
  }
}

/**
 * Plain SQL that SQLite and PostgreSQL both speak, for the repositories of the write path.
 * A transition is on the hot path: prepared statements cost a fraction of building the same
 * queries through TypeORM's query builder. Every call runs inside the caller's transaction
 * (TransactionRunner): on SQLite that is the one shared connection.
 *
 * Every statement names its tenant (issue 21): `@tenant` in the SQL is bound to the tenant in
 * scope (src/database/tenant-scope.ts), and a statement without it is refused the first time it
 * runs, so no repository method can forget it. On SQLite that filter is the isolation; on
 * PostgreSQL the row-level security policies hold it a second time, with `app.tenant` set per
 * transaction, reads outside a unit of work included. Only the platform's own tables (the
 * tenants) are read without a tenant: their repository says so (`platform`).
 */
@Injectable()
export class SqlRepository {
  protected readonly postgres: boolean;
  /** PostgreSQL: each statement as converted, with its name (from its text: the same in every process). */
  private readonly statements = new Map<string, { name: string; text: string }>();
  /** On SQLite: the connection itself, whose prepared statements run without TypeORM's per-query events. */
  private readonly sqlite: SqliteConnection | undefined;
  private readonly prepared = new Map<string, SqliteStatement>();

  /** The platform's tables hold no tenant's rows: their statements need no `@tenant`. */
  protected readonly platform: boolean = false;

  constructor(private readonly dataSource: DataSource) {
    this.postgres = dataSource.options.type === 'postgres';
    this.sqlite = this.postgres ? undefined : (dataSource.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection;
  }

  /** Inside the caller's unit of work (its manager), or, with null, a statement outside any. */
  protected async run<Row = never>(manager: EntityManager | null, sql: string, parameters: unknown[], writing = false): Promise<Row[]> {
    const tenant = this.tenantOf();
    const values = this.bound(parameters, tenant);
    if (this.sqlite) {
      queryCounter.increment();
      const statement = this.prepare(sql);
      if (statement.reader) return statement.all(...values) as Row[];
      statement.run(...values);
      return [];
    }
    if (manager) return (await this.onConnection(manager, sql, values)).rows as Row[];
    return this.outsideUnit(async (own) => (own.queryRunner ? ((await this.onConnection(own, sql, values)).rows as Row[]) : own.query(this.statement(sql).text, values)), tenant, writing);
  }

  /**
   * On PostgreSQL, a named prepared statement on the unit's connection (issue 22): PostgreSQL parses it,
   * applies the row-level security policies and plans it once per connection, not per execution.
   */
  private async onConnection(manager: EntityManager, sql: string, values: unknown[]) {
    queryCounter.increment();
    const client = (await manager.queryRunner!.connect()) as PostgresClient;
    return client.query({ ...this.statement(sql), values });
  }

  /** The parameters as the driver binds them, with the tenant: better-sqlite3 by name (`@tenant`), PostgreSQL as the last `$n`. */
  private bound(parameters: unknown[], tenant: string | undefined): unknown[] {
    if (tenant === undefined) return parameters;
    return this.sqlite ? [...parameters, { tenant }] : [...parameters, tenant];
  }

  /** The tenant a statement binds: the one in scope; none for the platform's own tables. */
  private tenantOf(): string | undefined {
    return this.platform ? undefined : tenantScope.required();
  }

  /** A statement is checked once, where it is prepared (SQLite) or converted (PostgreSQL): it names its tenant. */
  private checked(sql: string): string {
    if (!this.platform && !sql.includes('@tenant')) throw new Error(`A statement on a tenant's table must filter by tenant_id = @tenant (issue 21): ${sql.slice(0, 120)}`);
    return sql;
  }

  /**
   * On PostgreSQL, a statement outside any unit of work still runs in a transaction of its own
   * that sets `app.tenant`: row-level security shows a connection without it nothing.
   */
  private outsideUnit<T>(work: (manager: EntityManager) => Promise<T>, tenant: string | undefined, writing: boolean): Promise<T> {
    // A GET request's reads share one transaction (src/database/read-session.ts).
    const session = writing ? undefined : readSessions.current();
    if (session) return session.run(tenant, work);
    return tenant === undefined ? work(this.dataSource.manager) : postgresTransaction(this.dataSource, tenant, work);
  }

  /** A read outside any unit of work: the services read through the repositories as they write (issue 20). */
  protected read<Row>(sql: string, parameters: unknown[]): Promise<Row[]> {
    return this.run<Row>(null, sql, parameters);
  }

  /** How many rows of a table meet the conditions (outside any unit of work; the conditions hold the tenant's). */
  protected async count(table: string, conditions: Conditions): Promise<number> {
    const [{ n }] = await this.read<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${table}${conditions.where}`, conditions.parameters);
    // PostgreSQL returns COUNT(*) as text.
    return Number(n);
  }

  /** A write outside any unit of work (what is no project's: an audit root). */
  protected async write(sql: string, parameters: unknown[]): Promise<void> {
    await this.run(null, sql, parameters, true);
  }

  /** A boolean as the driver binds it: PostgreSQL takes true/false, better-sqlite3 only numbers. */
  protected flag(value: boolean): boolean | number {
    return this.postgres ? value : Number(value);
  }

  /** Runs a write and tells how many rows it changed. */
  protected async change(manager: EntityManager, sql: string, parameters: unknown[]): Promise<number> {
    const values = this.bound(parameters, this.tenantOf());
    if (this.sqlite) {
      queryCounter.increment();
      return this.prepare(sql).run(...values).changes;
    }
    return (await this.onConnection(manager, sql, values)).rowCount ?? 0;
  }

  private prepare(sql: string): SqliteStatement {
    let statement = this.prepared.get(sql);
    if (!statement) {
      statement = this.sqlite!.prepare(this.checked(sql));
      this.prepared.set(sql, statement);
    }
    return statement;
  }

  /** PostgreSQL's form of a statement: `$1, $2, ...` for the `?` placeholders, `@tenant` the last; converted and named once. */
  private statement(sql: string): { name: string; text: string } {
    let converted = this.statements.get(sql);
    if (converted === undefined) {
      let n = 0;
      const text = this.checked(sql).replace(/\?/g, () => `$${++n}`).replace(/@tenant\b/g, () => `$${n + 1}`);
      converted = { name: `iw_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`, text };
      this.statements.set(sql, converted);
    }
    return converted;
  }
}
