/**
 * A consistent copy of the running service's SQLite database, then every project's audit chain
 * checked in the copy:  npm run backup -- <file>
 *
 * SQLite's online backup API copies page by page while the service keeps writing (WAL), and the
 * copy is one consistent moment of the database. Restore: stop the service, put the copy in
 * place of SQLITE_PATH (and remove its -wal and -shm files), start the service.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { loadConfig } from '../src/config/app-config';
import { verifyChain, type AuditLink } from '../src/workflow/audit-chain';

async function main(): Promise<void> {
  const target = process.argv[2];
  const { database } = loadConfig();
  if (!target) return fail('Usage: npm run backup -- <file>');
  if (database.kind !== 'sqlite') return fail('DATABASE_URL points to PostgreSQL: back it up with pg_dump (or your platform’s snapshots).');
  if (!existsSync(database.path)) return fail(`No database at ${database.path} (SQLITE_PATH).`);
  if (existsSync(target)) return fail(`${target} exists already; name a new file.`);

  const source = new Database(database.path, { fileMustExist: true });
  try {
    await source.backup(target);
  } finally {
    source.close();
  }

  const copy = new Database(target, { readonly: true, fileMustExist: true });
  try {
    const projects = copy.prepare('SELECT id, audit_seq AS auditSeq, audit_hash AS auditHash FROM projects').all() as Array<{ id: string; auditSeq: number; auditHash: string }>;
    const entriesOf = copy.prepare(
      'SELECT project_id AS projectId, seq, occurred_at AS occurredAt, actor_name AS actorName, actor_role AS actorRole, type, payload, prev_hash AS prevHash, hash FROM audit_entries WHERE project_id = ? ORDER BY seq',
    );
    let entries = 0;
    const broken = projects.flatMap((project) => {
      const chain = verifyChain(entriesOf.all(project.id) as Array<AuditLink & { prevHash: string; hash: string }>, project);
      entries += chain.entries;
      return chain.valid ? [] : [`${project.id} (broken at entry ${chain.brokenAtSeq})`];
    });
    if (broken.length > 0) return fail(`Copied to ${target}, but these chains do not verify: ${broken.join(', ')}`);
    console.log(`Copied ${database.path} to ${target}: ${projects.length} projects, ${entries} audit entries, every chain verified.`);
  } finally {
    copy.close();
  }
}

function fail(message: string): void {
  console.error(message);
  process.exitCode = 1;
}

void main();
