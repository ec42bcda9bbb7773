import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

const SYNCHRONOUS_LEVELS: Record<number, string> = { 0: 'OFF', 1: 'NORMAL', 2: 'FULL', 3: 'EXTRA' };

/** Whether the database answers, for the readiness check. */
@Injectable()
export class DatabaseHealth {
  constructor(private readonly dataSource: DataSource) {}

  /** node-postgres' pool: connections open, idle, and requests waiting for one; none on SQLite (one connection). */
  poolUse(): { total: number; idle: number; waiting: number } | undefined {
    const pool = (this.dataSource.driver as unknown as { master?: { totalCount: number; idleCount: number; waitingCount: number } }).master;
    if (this.dataSource.options.type !== 'postgres' || !pool) return undefined;
    return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
  }

  /** The database answers; on SQLite it also says how durable a commit is (the live connection's own PRAGMA synchronous). */
  async check(): Promise<{ synchronous?: string }> {
    if (this.dataSource.options.type !== 'better-sqlite3') {
      await this.dataSource.query('SELECT 1');
      return {};
    }
    const [{ synchronous }] = await this.dataSource.query('PRAGMA synchronous');
    return { synchronous: SYNCHRONOUS_LEVELS[synchronous] ?? String(synchronous) };
  }
}
