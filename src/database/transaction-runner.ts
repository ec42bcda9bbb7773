import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';

type Work<T> = (manager: EntityManager) => Promise<T>;

interface Pending {
  work: Work<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** Upper bound of transactions that share one commit; keeps the wait of the last one short. */
const MAX_GROUP = 64;

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
 */
@Injectable()
export class TransactionRunner {
  private readonly serialised: boolean;
  private readonly waiting: Pending[] = [];
  private draining = false;

  constructor(private readonly dataSource: DataSource) {
    this.serialised = dataSource.options.type === 'better-sqlite3';
  }

  get locksRows(): boolean {
    return !this.serialised;
  }

  run<T>(work: Work<T>): Promise<T> {
    if (!this.serialised) return this.dataSource.transaction(work);
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    const runner = this.dataSource.createQueryRunner();
    try {
      while (this.waiting.length > 0) {
        // A commit blocks the event loop (better-sqlite3 is synchronous): one turn of the
        // loop lets the requests that arrived meanwhile join the next group.
        await new Promise((resolve) => setImmediate(resolve));
        await this.runGroup(runner, this.waiting.splice(0, MAX_GROUP));
      }
    } finally {
      this.draining = false;
      await runner.release();
    }
  }

  private async runGroup(runner: QueryRunner, group: Pending[]): Promise<void> {
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      await runner.query('BEGIN IMMEDIATE');
      for (const unit of group) {
        await runner.query('SAVEPOINT unit');
        try {
          outcomes.push({ ok: true, value: await unit.work(runner.manager) });
          await runner.query('RELEASE unit');
        } catch (error) {
          await runner.query('ROLLBACK TO unit');
          await runner.query('RELEASE unit');
          outcomes.push({ ok: false, error });
        }
      }
      await runner.query('COMMIT');
    } catch (error) {
      // The group could not commit: nothing of it was kept, and every unit hears so.
      await runner.query('ROLLBACK').catch(() => undefined);
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
