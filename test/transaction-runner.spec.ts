import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { TransactionRunner, UnitOfWorkRuleBroken } from '../src/database/transaction-runner';

/** The group-commit runner on a real SQLite file: units that share one COMMIT, and what each of them hears. */
describe('the group-commit runner (SQLite)', () => {
  let dir: string;
  let dataSource: DataSource;
  let runner: TransactionRunner;
  const rows = async () => ((await dataSource.query('SELECT name FROM items ORDER BY name')) as Array<{ name: string }>).map((r) => r.name);
  const insert = (name: string) => dataSource.query('INSERT INTO items (name) VALUES (?)', [name]);

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'iw-runner-'));
    dataSource = await new DataSource({
      type: 'better-sqlite3',
      database: join(dir, 'runner.sqlite'),
      enableWAL: true,
      prepareDatabase: (db: { pragma(source: string): unknown }) => void db.pragma('foreign_keys = ON'),
    }).initialize();
    await dataSource.query('CREATE TABLE parents (id INTEGER PRIMARY KEY)');
    await dataSource.query('CREATE TABLE items (name TEXT PRIMARY KEY, parent INTEGER REFERENCES parents (id) DEFERRABLE INITIALLY DEFERRED)');
    runner = new TransactionRunner(dataSource);
  });
  afterEach(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers each of 300 concurrent units with its own result, and keeps every write', async () => {
    const names = Array.from({ length: 300 }, (_, i) => `unit-${String(i).padStart(3, '0')}`);
    const results = await Promise.all(
      names.map((name) =>
        runner.run(async (manager) => {
          await manager.query('INSERT INTO items (name) VALUES (?)', [name]);
          return name.toUpperCase();
        }),
      ),
    );
    expect(results).toEqual(names.map((n) => n.toUpperCase()));
    expect(await rows()).toEqual(names);
  });

  it('undoes only the unit that failed; the others in its group commit', async () => {
    const outcomes = await Promise.allSettled(
      ['a', 'b', 'c', 'd', 'e'].map((name) =>
        runner.run(async (manager) => {
          await manager.query('INSERT INTO items (name) VALUES (?)', [name]);
          if (name === 'c') throw new Error('c is refused');
          return name;
        }),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((outcomes[2] as PromiseRejectedResult).reason.message).toBe('c is refused');
    expect(await rows()).toEqual(['a', 'b', 'd', 'e']);
  });

  it('tells every unit of a group whose COMMIT failed, and keeps nothing of it', async () => {
    await insert('before');
    // A deferred foreign key is checked at COMMIT: one unit's orphan fails the whole group's commit.
    const outcomes = await Promise.allSettled(
      ['x', 'y', 'orphan', 'z'].map((name) =>
        runner.run(async (manager) => {
          await manager.query('INSERT INTO items (name, parent) VALUES (?, ?)', [name, name === 'orphan' ? 42 : null]);
          return name;
        }),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
    expect(String((outcomes[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(await rows()).toEqual(['before']);
    // The runner goes on: the next group commits.
    await runner.run((manager) => manager.query('INSERT INTO items (name) VALUES (?)', ['after']));
    expect(await rows()).toEqual(['after', 'before']);
  });

  it('fails a unit that awaits something besides the database, and undoes its writes', async () => {
    const outcomes = await Promise.allSettled([
      runner.run((manager) => manager.query('INSERT INTO items (name) VALUES (?)', ['quick'])),
      runner.run(async (manager) => {
        await manager.query('INSERT INTO items (name) VALUES (?)', ['slow']);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }),
    ]);
    expect(outcomes[0].status).toBe('fulfilled');
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(UnitOfWorkRuleBroken);
    expect(await rows()).toEqual(['quick']);
  });
});
