import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuditEntryEntity } from './audit-entry.entity';
import { SqlRepository } from './sql-repository';

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

  /** The project's `decision-recorded` entries (type and payload), to bind its decisions to the trail. */
  async decisionEntries(manager: EntityManager, projectId: string): Promise<Array<{ type: string; payload: string }>> {
    return this.run(manager, `SELECT type, payload FROM audit_entries WHERE project_id = ? AND type = 'decision-recorded'`, [projectId]);
  }
}
