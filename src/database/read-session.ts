import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { TENANT_ID } from './tenant-scope';

/**
 * The reads of one GET request on PostgreSQL in one read-only transaction (issue 22): a page
 * that reads twenty times pays BEGIN and COMMIT once, not twenty times (a read outside a unit of
 * work needs a transaction for `SET LOCAL app.tenant`, what row-level security reads). Opened at
 * the first read, on a connection of its own, the reads one after another on it; closed when the
 * request's handler is done. A write in the same request first closes it, so a request never
 * holds one pooled connection while it waits for another. A read after it closed, or after one
 * failed, runs in a transaction of its own, as without a session.
 */
export class ReadSession {
  private runner: QueryRunner | undefined;
  private tenant: string | undefined;
  private tail: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(private readonly dataSource: DataSource) {}

  /** Whether reads still join this session. */
  get open(): boolean {
    return !this.closed;
  }

  run<T>(tenant: string | undefined, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const result = this.tail.then(async () => {
      const runner = await this.begin(tenant);
      try {
        return await work(runner.manager);
      } catch (error) {
        // A failed statement aborts the transaction: the reads after it start a new one.
        await this.end('ROLLBACK');
        throw error;
      }
    });
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Commits and hands the connection back, after the reads already asked for. */
  async close(): Promise<void> {
    this.closed = true;
    await this.tail;
    await this.end('COMMIT');
  }

  private async begin(tenant: string | undefined): Promise<QueryRunner> {
    if (tenant !== undefined && !TENANT_ID.test(tenant)) throw new Error(`Not a tenant id: ${JSON.stringify(tenant)}`);
    if (this.runner && tenant !== undefined && this.tenant !== tenant) {
      if (this.tenant !== undefined) throw new Error(`This request reads for ${this.tenant}; it cannot read for ${tenant}.`);
      // Opened by a read of the platform's own tables, before the tenant was known.
      await this.runner.query(`SET LOCAL app.tenant = '${tenant}'`);
      this.tenant = tenant;
    }
    if (!this.runner) {
      const runner = this.dataSource.createQueryRunner();
      await runner.connect();
      await runner.query(tenant === undefined ? 'BEGIN READ ONLY' : `BEGIN READ ONLY; SET LOCAL app.tenant = '${tenant}'`);
      this.runner = runner;
      this.tenant = tenant;
    }
    return this.runner;
  }

  private async end(command: 'COMMIT' | 'ROLLBACK'): Promise<void> {
    const runner = this.runner;
    this.runner = undefined;
    this.tenant = undefined;
    if (!runner) return;
    try {
      await runner.query(command);
    } finally {
      await runner.release();
    }
  }
}

const sessions = new AsyncLocalStorage<ReadSession>();

export const readSessions = {
  /** Runs `work` with its reads in one session, closed when it is done. */
  async within<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
    const session = new ReadSession(dataSource);
    try {
      return await sessions.run(session, work);
    } finally {
      await session.close();
    }
  },

  /** The open session of the code now running, if any. */
  current(): ReadSession | undefined {
    const session = sessions.getStore();
    return session?.open ? session : undefined;
  },
};

/** Every GET (and HEAD) request's reads in one session, on PostgreSQL; on SQLite a read costs no round trip. */
@Injectable()
export class ReadTogether implements NestInterceptor {
  private readonly postgres: boolean;

  constructor(private readonly dataSource: DataSource) {
    this.postgres = dataSource.options.type === 'postgres';
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const { method } = context.switchToHttp().getRequest<{ method: string }>();
    if (!this.postgres || (method !== 'GET' && method !== 'HEAD')) return next.handle();
    return from(readSessions.within(this.dataSource, () => lastValueFrom(next.handle(), { defaultValue: undefined })));
  }
}
