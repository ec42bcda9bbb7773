import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { verifyChain, type AuditLink } from '../src/workflow/audit-chain';
import { sqliteDatabase } from './support/databases';
import { ProjectClient } from './support/project-client';
import { startTestApp } from './support/test-app';

const run = promisify(execFile);

describe('npm run backup', () => {
  it('copies the running database under write load into a file whose every chain verifies', async () => {
    const database = sqliteDatabase();
    const path = database.config.kind === 'sqlite' ? database.config.path : '';
    const t = await startTestApp(database);
    try {
      const api = await ProjectClient.for(t);
      const ids = await Promise.all(Array.from({ length: 20 }, (_, i) => api.create({ title: `Kopie ${i}`, origin: 'municipality', politicalSensitivity: 'low' }).then((r) => r.body.id as string)));
      let writing = true;
      const writers = ids.slice(0, 4).map(async (id) => {
        while (writing) await t.http().post(`/api/projects/${id}/communications`).set('authorization', `Bearer ${api.manager}`).send({ channel: 'website', audience: 'omwonenden', summary: 'Tijdens de kopie' });
      });
      const target = join(path, '..', 'backup.sqlite');
      const { stdout } = await run(process.execPath, [join(__dirname, '../dist/scripts/backup.js'), target], { env: { PATH: process.env.PATH, SQLITE_PATH: path } });
      writing = false;
      await Promise.all(writers);
      expect(stdout).toMatch(/every chain verified/);

      const copy = new Database(target, { readonly: true });
      try {
        const projects = copy.prepare('SELECT id, audit_seq AS auditSeq, audit_hash AS auditHash FROM projects').all() as Array<{ id: string; auditSeq: number; auditHash: string }>;
        expect(projects).toHaveLength(20);
        const entriesOf = copy.prepare('SELECT project_id AS projectId, seq, occurred_at AS occurredAt, actor_name AS actorName, actor_role AS actorRole, type, payload, prev_hash AS prevHash, hash FROM audit_entries WHERE project_id = ? ORDER BY seq');
        for (const project of projects) expect(verifyChain(entriesOf.all(project.id) as Array<AuditLink & { prevHash: string; hash: string }>, project)).toMatchObject({ valid: true });
      } finally {
        copy.close();
      }
      // A second backup to the same file is refused: nothing is overwritten.
      await expect(run(process.execPath, [join(__dirname, '../dist/scripts/backup.js'), target], { env: { PATH: process.env.PATH, SQLITE_PATH: path } })).rejects.toMatchObject({ stderr: expect.stringMatching(/exists already/) });
    } finally {
      await t.close();
      await database.drop();
    }
  });
});
