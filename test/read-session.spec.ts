import { DataSource } from 'typeorm';
import { dataSourceOptions, migrated } from '../src/database/data-source-options';
import { readSessions } from '../src/database/read-session';
import { SqlRepository } from '../src/database/sql-repository';
import { tenantScope } from '../src/database/tenant-scope';
import { postgresTransaction } from '../src/database/transaction-runner';
import { postgresDatabase, type TestDatabase } from './support/databases';

/** Which transaction a read ran in: its start (now()) and its connection. */
class TransactionProbe extends SqlRepository {
  async where(): Promise<string> {
    const [row] = await this.read<{ at: string; pid: number }>('SELECT now()::text AS at, pg_backend_pid() AS pid FROM tenants WHERE id = @tenant', []);
    return `${row.pid}@${row.at}`;
  }

  fail(): Promise<unknown> {
    return this.read('SELECT 1 / 0 FROM tenants WHERE id = @tenant', []);
  }
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

/** A GET request's reads on PostgreSQL share one read-only transaction (issue 22): fewer round trips, the same answers. */
describe('read sessions (PostgreSQL)', () => {
  const onPostgres = process.env.IW_POSTGRES_AVAILABLE === 'no' ? it.skip : it;
  let database: TestDatabase | undefined;
  let dataSource: DataSource | undefined;
  let probe: TransactionProbe;

  beforeAll(async () => {
    if (process.env.IW_POSTGRES_AVAILABLE === 'no') return;
    database = await postgresDatabase();
    dataSource = await migrated(new DataSource(dataSourceOptions(database.config)));
    probe = new TransactionProbe(dataSource);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  onPostgres('runs the reads of a session in one transaction, and each read without one in its own', async () => {
    await tenantScope.within('default', async () => {
      const alone = [await probe.where(), (await pause(), await probe.where())];
      expect(new Set(alone).size).toBe(2);

      const together = await readSessions.within(dataSource!, async () => [await probe.where(), (await pause(), await probe.where()), ...(await Promise.all([probe.where(), probe.where()]))]);
      expect(new Set(together).size).toBe(1);
    });
  });

  onPostgres('gives the connection back before a write, and starts afresh after a failed read', async () => {
    await tenantScope.within('default', () =>
      readSessions.within(dataSource!, async () => {
        const before = await probe.where();
        await postgresTransaction(dataSource!, 'default', (manager) => manager.query('SELECT 1'));
        // Closed by the write: the reads after it run each in a transaction of their own.
        expect(readSessions.current()).toBeUndefined();
        const after = await probe.where();
        expect(after).not.toBe(before);
      }),
    );
    await tenantScope.within('default', () =>
      readSessions.within(dataSource!, async () => {
        const first = await probe.where();
        await expect(probe.fail()).rejects.toThrow(/division by zero/);
        await pause();
        const next = await probe.where();
        expect(next.split('@')[1]).not.toBe(first.split('@')[1]);
      }),
    );
  });
});
