import { AsyncResource } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { readSessions } from './read-session';
import { TENANT_ID, tenantScope } from './tenant-scope';

type Work<T> = (manager: EntityManager) => Promise<T>;

interface Pending {
  work: Work<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** Upper bound of transactions that share one commit; keeps the wait of the last one short. */
const MAX_GROUP = 64;


/** The handle a unit of work passes to the repositories: TypeORM's, named here so nothing outside src/database imports TypeORM (issue 20). */
export type { EntityManager } from 'typeorm';

/**
 * Runs write transactions.
 *
 * PostgreSQL isolates concurrent transactions by itself. better-sqlite3 gives TypeORM one
 * shared connection, on which overlapping transactions would nest as savepoints instead of
 * isolating each other, so on SQLite they queue up and run one at a time. Whatever queued
 * up while a commit was in progress then runs as one group: each unit of work inside its
 * own savepoint (a failure undoes only that unit), all of them under one COMMIT. With
 * synchronous=FULL a commit costs an fsync, so the group shares it (group commit); no unit
 * is answered before the commit that makes it durable.
 *
 * A unit runs for the tenant in scope where it was asked for (issue 21): on SQLite in that
 * caller's context, though another caller's drain runs it; on PostgreSQL its transaction
 * begins with `SET LOCAL app.tenant`, what the row-level security policies read.
 *
 * The one rule for a unit of work here: it awaits nothing but the database. better-sqlite3
 * answers synchronously, so a unit that keeps to the rule finishes without giving the event
 * loop a turn; one that waits for Redis, HTTP or a timer would hold the whole group (and the
 * shared connection) open meanwhile. The runner checks this on every unit and fails the unit
 * that breaks it.
 */
@Injectable()
export class TransactionRunner {
  private readonly serialised: boolean;
  private readonly waiting: Pending[] = [];
  private draining = false;
  private readonly sql: Record<'begin' | 'savepoint' | 'release' | 'rollbackTo' | 'commit' | 'rollback', () => void> | undefined;

  constructor(private readonly dataSource: DataSource) {
    this.serialised = dataSource.options.type === 'better-sqlite3';
    if (this.serialised) {
      // The shared connection itself: these run thousands of times a second, without TypeORM's per-query events.
      const db = (dataSource.driver as unknown as { databaseConnection: { prepare(sql: string): { run(): unknown } } }).databaseConnection;
      const statement = (text: string) => {
        const prepared = db.prepare(text);
        return () => void prepared.run();
      };
      this.sql = {
        begin: statement('BEGIN IMMEDIATE'),
        savepoint: statement('SAVEPOINT unit'),
        release: statement('RELEASE unit'),
        rollbackTo: statement('ROLLBACK TO unit'),
        commit: statement('COMMIT'),
        rollback: statement('ROLLBACK'),
      };
    }
  }

  run<T>(work: Work<T>): Promise<T> {
    if (!this.serialised) return postgresTransaction(this.dataSource, tenantScope.current(), work);
    return new Promise<T>((resolve, reject) => {
      // Bound to the caller's context: its tenant, and its query count.
      this.waiting.push({ work: AsyncResource.bind(work), resolve: resolve as (value: unknown) => void, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.waiting.length > 0) {
        // A commit blocks the event loop (better-sqlite3 is synchronous): one turn of the
        // loop lets the requests that arrived meanwhile join the next group.
        await new Promise((resolve) => setImmediate(resolve));
        await this.runGroup(this.waiting.splice(0, MAX_GROUP));
      }
    } finally {
      this.draining = false;
    }
  }

  private async runGroup(group: Pending[]): Promise<void> {
    const sql = this.sql!;
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      sql.begin();
      for (const unit of group) {
        sql.savepoint();
        try {
          outcomes.push({ ok: true, value: await awaitingOnlyTheDatabase(unit.work, this.dataSource.manager) });
          sql.release();
        } catch (error) {
          sql.rollbackTo();
          sql.release();
          outcomes.push({ ok: false, error });
        }
      }
      sql.commit();
    } catch (error) {
      // The group could not commit: nothing of it was kept, and every unit hears so.
      try {
        sql.rollback();
      } catch {
        // Already rolled back by SQLite itself.
      }
      group.forEach((unit) => unit.reject(error));
      return;
    }
    group.forEach((unit, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) unit.resolve(outcome.value);
      else unit.reject(outcome.error);
    });
  }
}

export class UnitOfWorkRuleBroken extends Error {}

/** Runs a unit and fails it if the event loop got a turn before it finished: it awaited something besides the database. */
async function awaitingOnlyTheDatabase<T>(work: Work<T>, manager: EntityManager): Promise<T> {
  let turned = false;
  const sentinel = setImmediate(() => (turned = true));
  try {
    const value = await work(manager);
    if (turned) throw new UnitOfWorkRuleBroken('A unit of work awaited something besides the database; on SQLite that holds up every unit of its group.');
    return value;
  } finally {
    clearImmediate(sentinel);
  }
}

/**
 * On PostgreSQL: a transaction on a connection of its own that begins with the tenant set for it
 * (`SET LOCAL app.tenant`, what the row-level security policies read; BEGIN and SET LOCAL in one
 * round trip, the id a checked slug, safe to inline), committed after the work, rolled back on an
 * error. Without a tenant only the platform's own tables show rows.
 */
export async function postgresTransaction<T>(dataSource: DataSource, tenant: string | undefined, work: Work<T>): Promise<T> {
  if (tenant !== undefined && !TENANT_ID.test(tenant)) throw new Error(`Not a tenant id: ${JSON.stringify(tenant)}`);
  // A request's read session gives its connection back first: none holds one connection while it waits for another.
  await readSessions.current()?.close();
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(tenant === undefined ? 'BEGIN' : `BEGIN; SET LOCAL app.tenant = '${tenant}'`);
    const value = await work(runner.manager);
    await runner.query('COMMIT');
    return value;
  } catch (error) {
    await runner.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}
