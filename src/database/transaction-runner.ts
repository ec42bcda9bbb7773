import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Runs write transactions. better-sqlite3 gives TypeORM one shared connection, on which
 * overlapping transactions would nest as savepoints instead of isolating each other, so
 * on SQLite they queue up and run one at a time. PostgreSQL isolates them by itself.
 */
@Injectable()
export class TransactionRunner {
  private readonly serialised: boolean;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {
    this.serialised = dataSource.options.type === 'better-sqlite3';
  }

  get locksRows(): boolean {
    return !this.serialised;
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.serialised) return this.dataSource.transaction(work);
    const result = this.queue.then(() => this.dataSource.transaction(work));
    this.queue = result.catch(() => undefined);
    return result;
  }
}
