import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { placeholders, SqlRepository } from './sql-repository';

/** What the trail holds of a personal data item: its id and a salted digest, never the value. */
export interface PersonalDataReference {
  personalDataId: string;
  digest: string;
}

export interface PersonalDataItem {
  id: string;
  projectId: string;
  kind: string;
  digest: string;
  recordedAt: string;
  erasedAt: string | null;
  erasureReason: string | null;
}

/** Residents' names and the like, apart from the trail, so they can be erased (issue 18, AVG art. 5 lid 1 e). */
@Injectable()
export class PersonalDataRepository extends SqlRepository {
  /** Keeps a value and answers what the trail may hold of it: SHA-256 over a random salt and the value. */
  async keep(manager: EntityManager, projectId: string, kind: string, value: string, at: string): Promise<PersonalDataReference> {
    const id = randomUUID();
    const salt = randomBytes(16).toString('hex');
    const digest = personalDataDigest(salt, value);
    await this.run(manager, 'INSERT INTO personal_data (tenant_id, id, project_id, kind, value, salt, digest, recorded_at) VALUES (@tenant, ?, ?, ?, ?, ?, ?, ?)', [id, projectId, kind, value, salt, digest, at]);
    return { personalDataId: id, digest };
  }

  async ofProject(manager: EntityManager | null, projectId: string): Promise<PersonalDataItem[]> {
    return this.run<PersonalDataItem>(
      manager,
      'SELECT id, project_id AS "projectId", kind, digest, recorded_at AS "recordedAt", erased_at AS "erasedAt", erasure_reason AS "erasureReason" FROM personal_data WHERE tenant_id = @tenant AND project_id = ? ORDER BY recorded_at, id',
      [projectId],
    );
  }

  /** The projects that still hold personal data not erased, with how many items of each kind, for the retention command. */
  async projectsHolding(manager: EntityManager | null): Promise<Array<{ projectId: string; kind: string; items: number }>> {
    const rows = await this.run<{ projectId: string; kind: string; items: number | string }>(manager, 'SELECT project_id AS "projectId", kind, COUNT(*) AS items FROM personal_data WHERE tenant_id = @tenant AND erased_at IS NULL GROUP BY project_id, kind', []);
    // PostgreSQL returns COUNT(*) as text.
    return rows.map((r) => ({ projectId: r.projectId, kind: r.kind, items: Number(r.items) }));
  }

  /** Erases the values and salts of these items (the digests stay, so every chain still verifies). */
  async erase(manager: EntityManager, items: ReadonlyArray<Pick<PersonalDataItem, 'id'>>, reason: string, at: string): Promise<void> {
    if (items.length === 0) return;
    const ids = items.map((item) => item.id);
    await this.run(manager, `UPDATE personal_data SET value = NULL, salt = NULL, erased_at = ?, erasure_reason = ? WHERE tenant_id = @tenant AND erased_at IS NULL AND id IN (${placeholders(ids)})`, [at, reason, ...ids]);
  }

  /** Every value of one kind in a project still held (not erased), oldest first. */
  async values(manager: EntityManager | null, projectId: string, kind: string): Promise<string[]> {
    const rows = await this.run<{ value: string }>(manager, 'SELECT value FROM personal_data WHERE tenant_id = @tenant AND project_id = ? AND kind = ? AND value IS NOT NULL ORDER BY recorded_at, id', [projectId, kind]);
    return rows.map((r) => r.value);
  }

  /** The latest value of one kind in a project, or null when there is none or it was erased (then `erased`). */
  async latest(manager: EntityManager | null, projectId: string, kind: string): Promise<{ value: string | null; recordedAt: string } | null> {
    const [row] = await this.run<{ value: string | null; recordedAt: string }>(manager, 'SELECT value, recorded_at AS "recordedAt" FROM personal_data WHERE tenant_id = @tenant AND project_id = ? AND kind = ? ORDER BY recorded_at DESC, id DESC LIMIT 1', [projectId, kind]);
    return row ?? null;
  }
}

export function personalDataDigest(salt: string, value: string): string {
  return createHash('sha256').update(`${salt}:${value}`).digest('hex');
}
