import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuditEntryEntity } from './audit-entry.entity';
import { placeholders, SqlRepository } from './sql-repository';

/** The audit trail: appended to, never changed (the database refuses it too). */
@Injectable()
export class TrailRepository extends SqlRepository {
  async append(manager: EntityManager, e: Omit<AuditEntryEntity, 'id'>): Promise<void> {
    await this.run(
      manager,
      `INSERT INTO audit_entries (project_id, seq, occurred_at, actor_name, actor_role, type, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [e.projectId, e.seq, e.occurredAt, e.actorName, e.actorRole, e.type, e.payload, e.prevHash, e.hash],
    );
  }

  /** The `decision-recorded` entries (type and payload) of these projects, to bind their decisions to the trail. */
  async decisionEntries(manager: EntityManager, projectIds: readonly string[]): Promise<Array<{ type: string; payload: string }>> {
    if (projectIds.length === 0) return [];
    return this.run(manager, `SELECT type, payload FROM audit_entries WHERE project_id IN (${placeholders(projectIds)}) AND type = 'decision-recorded'`, [...projectIds]);
  }
}
