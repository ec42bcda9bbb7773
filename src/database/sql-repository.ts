import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { queryCounter } from './query-counter';

/** The parts of a better-sqlite3 connection used here. */
interface SqliteStatement {
  reader: boolean;
  all(...parameters: unknown[]): unknown[];
  run(...parameters: unknown[]): { changes: number };
}
interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
}

export const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/** The conditions of a WHERE clause, each with its parameters, in the order the SQL takes them. */
export class Conditions {
  private readonly clauses: string[] = [];
  readonly parameters: unknown[] = [];

  and(clause: string, ...values: unknown[]): this {
    this.clauses.push(clause);
    this.parameters.push(...values);
    return this;
  }

  /** ` WHERE …`, or nothing without conditions. */
  get where(): string {
    return this.clauses.length ? ` WHERE ${this.clauses.join(' AND ')}` : '';
  }
}

/**
 * Plain SQL that SQLite and PostgreSQL both speak, for the repositories of the write path.
 * A transition is on the hot path: prepared statements cost a fraction of building the same
 * queries through TypeORM's query builder. Every call runs inside the caller's transaction
 * (TransactionRunner): on SQLite that is the one shared connection.
 */
@Injectable()
export class SqlRepository {
  protected readonly postgres: boolean;
  private readonly statements = new Map<string, string>();
  /** On SQLite: the connection itself, whose prepared statements run without TypeORM's per-query events. */
  private readonly sqlite: SqliteConnection | undefined;
  private readonly prepared = new Map<string, SqliteStatement>();

  /** For reads outside any unit of work (the pages, the API's lists). */
  private readonly reads: EntityManager;

  constructor(dataSource: DataSource) {
    this.reads = dataSource.manager;
    this.postgres = dataSource.options.type === 'postgres';
    this.sqlite = this.postgres ? undefined : (dataSource.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection;
  }

  /** Inside the caller's unit of work (its manager), or, with null, a read outside any. */
  protected async run<Row = never>(manager: EntityManager | null, sql: string, parameters: unknown[]): Promise<Row[]> {
    if (this.sqlite) {
      queryCounter.increment();
      const statement = this.prepare(sql);
      if (statement.reader) return statement.all(...parameters) as Row[];
      statement.run(...parameters);
      return [];
    }
    return (manager ?? this.reads).query(this.statement(sql), parameters);
  }

  /** A read outside any unit of work: the services read through the repositories as they write (issue 20). */
  protected read<Row>(sql: string, parameters: unknown[]): Promise<Row[]> {
    return this.run<Row>(null, sql, parameters);
  }

  /** How many rows of a table meet the conditions (outside any unit of work). */
  protected async count(table: string, conditions: Conditions): Promise<number> {
    const [{ n }] = await this.read<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${table}${conditions.where}`, conditions.parameters);
    // PostgreSQL returns COUNT(*) as text.
    return Number(n);
  }

  /** A write outside any unit of work (what is no project's: an audit root). */
  protected async write(sql: string, parameters: unknown[]): Promise<void> {
    await this.run(null, sql, parameters);
  }

  /** A boolean as the driver binds it: PostgreSQL takes true/false, better-sqlite3 only numbers. */
  protected flag(value: boolean): boolean | number {
    return this.postgres ? value : Number(value);
  }

  /** Runs a write and tells how many rows it changed. */
  protected async change(manager: EntityManager, sql: string, parameters: unknown[]): Promise<number> {
    if (this.sqlite) {
      queryCounter.increment();
      return this.prepare(sql).run(...parameters).changes;
    }
    return (await manager.queryRunner!.query(this.statement(sql), parameters, true)).affected ?? 0;
  }

  private prepare(sql: string): SqliteStatement {
    let statement = this.prepared.get(sql);
    if (!statement) {
      statement = this.sqlite!.prepare(sql);
      this.prepared.set(sql, statement);
    }
    return statement;
  }

  /** `?` placeholders as SQLite wants them, or `$1, $2, ...` for PostgreSQL; converted once per statement. */
  private statement(sql: string): string {
    let converted = this.statements.get(sql);
    if (converted === undefined) {
      let n = 0;
      converted = this.postgres ? sql.replace(/\?/g, () => `$${++n}`) : sql;
      this.statements.set(sql, converted);
    }
    return converted;
  }
}
