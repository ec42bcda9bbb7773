import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ts from 'typescript';
import { DataSource } from 'typeorm';
import { Conditions, SqlRepository } from '../src/database/sql-repository';
import { tenantScope, TenantScopeMissing } from '../src/database/tenant-scope';
import { TransactionRunner } from '../src/database/transaction-runner';

const DATABASE_DIR = join(__dirname, '../src/database');

/** Every statement a repository method runs, with the class it is in, read from the source (the TypeScript compiler's own parser). */
function statements(): Array<{ file: string; repository: string; platform: boolean; method: string; sql: string }> {
  const found: Array<{ file: string; repository: string; platform: boolean; method: string; sql: string }> = [];
  for (const file of readdirSync(DATABASE_DIR).filter((name) => name.endsWith('.repository.ts'))) {
    const source = ts.createSourceFile(file, readFileSync(join(DATABASE_DIR, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node, repository: { name: string; platform: boolean } | undefined): void => {
      if (ts.isClassDeclaration(node)) {
        const platform = node.members.some((m) => ts.isPropertyDeclaration(m) && m.name.getText() === 'platform' && m.initializer?.getText() === 'true');
        repository = { name: node.name?.getText() ?? '?', platform };
      }
      if (repository && ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.expression.kind === ts.SyntaxKind.ThisKeyword) {
        const method = node.expression.name.getText();
        // run and change take the manager first; read and write the SQL.
        const sqlArgument = { run: 1, change: 1, read: 0, write: 0 }[method as 'run'];
        if (sqlArgument !== undefined) found.push({ file, repository: repository.name, platform: repository.platform, method, sql: node.arguments[sqlArgument].getText() });
      }
      ts.forEachChild(node, (child) => visit(child, repository));
    };
    visit(source, undefined);
  }
  return found;
}

describe('tenant scope of the repositories (issue 21)', () => {
  it('finds no statement on a tenant’s table without its tenant: every repository method filters by tenant_id = @tenant', () => {
    const all = statements();
    // The scan reads the repositories: it found the write path's statements.
    expect(all.length).toBeGreaterThan(60);
    expect(all.map((s) => s.repository)).toEqual(expect.arrayContaining(['ProjectRepository', 'TrailRepository', 'DecisionRepository', 'FileRepository', 'OutboxRepository', 'TenantRepository']));
    // A WHERE built of Conditions starts with the tenant's clause.
    expect(new Conditions().where).toBe(' WHERE tenant_id = @tenant');
    const unscoped = all.filter((s) => !s.platform && !s.sql.includes('@tenant') && !s.sql.includes('${conditions.where}')).map((s) => `${s.repository}: ${s.sql.slice(0, 100)}`);
    expect(unscoped).toEqual([]);
    // Only the tenants' own table is the platform's.
    expect([...new Set(all.filter((s) => s.platform).map((s) => s.repository))]).toEqual(['TenantRepository']);
  });

  describe('at run time, on a SQLite file', () => {
    let dir: string;
    let dataSource: DataSource;
    class Notes extends SqlRepository {
      list() {
        return this.read<{ text: string }>('SELECT text FROM notes WHERE tenant_id = @tenant ORDER BY text', []);
      }
      forgetful() {
        return this.read<{ text: string }>('SELECT text FROM notes ORDER BY text', []);
      }
      add(text: string) {
        return new TransactionRunner(dataSource).run((manager) => this.run(manager, 'INSERT INTO notes (tenant_id, text) VALUES (@tenant, ?)', [text]));
      }
    }
    let notes: Notes;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'iw-scope-'));
      dataSource = await new DataSource({ type: 'better-sqlite3', database: join(dir, 'scope.sqlite') }).initialize();
      await dataSource.query('CREATE TABLE notes (tenant_id TEXT NOT NULL, text TEXT NOT NULL)');
      notes = new Notes(dataSource);
    });
    afterAll(async () => {
      await dataSource.destroy();
      rmSync(dir, { recursive: true, force: true });
    });

    it('binds the tenant in scope, keeps each to its own rows, and refuses a statement outside any scope', async () => {
      await tenantScope.within('gemeente-a', () => notes.add('van A'));
      // Units queued together run each for the tenant that asked, though one drain runs them all.
      await Promise.all([tenantScope.within('gemeente-b', () => notes.add('van B')), tenantScope.within('gemeente-a', () => notes.add('ook van A'))]);
      expect(await tenantScope.within('gemeente-a', () => notes.list())).toEqual([{ text: 'ook van A' }, { text: 'van A' }]);
      expect(await tenantScope.within('gemeente-b', () => notes.list())).toEqual([{ text: 'van B' }]);
      await expect(notes.list()).rejects.toThrow(TenantScopeMissing);
    });

    it('refuses a statement that forgets the tenant, the first time it runs', async () => {
      await expect(tenantScope.within('gemeente-a', () => notes.forgetful())).rejects.toThrow(/must filter by tenant_id = @tenant/);
    });

    it('takes only a slug as a tenant, and one tenant per request', () => {
      expect(() => tenantScope.within("a'; DROP TABLE notes; --", () => 1)).toThrow(/Not a tenant id/);
      tenantScope.open(() => {
        tenantScope.enter('gemeente-a');
        tenantScope.enter('gemeente-a');
        expect(() => tenantScope.enter('gemeente-b')).toThrow(/cannot switch/);
        expect(tenantScope.current()).toBe('gemeente-a');
      });
    });
  });
});
