import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DecisionEntity } from './decision.entity';
import { placeholders, SqlRepository } from './sql-repository';

const DECISION_COLUMNS = `id, project_id AS "projectId", gate, cycle, body, outcome, decided_on AS "decidedOn", reference, document_url AS "documentUrl", note,
  recorded_by AS "recordedBy", recorded_by_role AS "recordedByRole", recorded_at AS "recordedAt", justification, consumed_at AS "consumedAt", consumed_by_audit_seq AS "consumedByAuditSeq"`;

/** Decisions (green lights and rejections): recorded, and consumed by the transition they allow. */
@Injectable()
export class DecisionRepository extends SqlRepository {
  /** Decisions of the current cycle that no transition has used yet. */
  async open(manager: EntityManager | null, projectId: string, cycle: number): Promise<DecisionEntity[]> {
    return this.run<DecisionEntity>(manager, `SELECT ${DECISION_COLUMNS} FROM decisions WHERE tenant_id = @tenant AND project_id = ? AND cycle = ? AND consumed_at IS NULL`, [projectId, cycle]);
  }

  /** Every decision of the project, in the order recorded (a read outside any unit of work). */
  async ofProject(projectId: string): Promise<DecisionEntity[]> {
    return this.read<DecisionEntity>(`SELECT ${DECISION_COLUMNS} FROM decisions WHERE tenant_id = @tenant AND project_id = ? ORDER BY recorded_at, id`, [projectId]);
  }

  /** The decisions of these projects that no transition has used yet, every cycle (the views filter on the cycle). */
  async unconsumedOf(projectIds: readonly string[]): Promise<DecisionEntity[]> {
    if (projectIds.length === 0) return [];
    return this.read<DecisionEntity>(`SELECT ${DECISION_COLUMNS} FROM decisions WHERE tenant_id = @tenant AND project_id IN (${placeholders(projectIds)}) AND consumed_at IS NULL`, [...projectIds]);
  }

  /** One decision of the project, if it has it. */
  async byId(manager: EntityManager, projectId: string, id: string): Promise<DecisionEntity[]> {
    return this.run<DecisionEntity>(manager, `SELECT ${DECISION_COLUMNS} FROM decisions WHERE tenant_id = @tenant AND project_id = ? AND id = ?`, [projectId, id]);
  }

  async insert(manager: EntityManager, d: DecisionEntity): Promise<void> {
    await this.run(
      manager,
      `INSERT INTO decisions (tenant_id, id, project_id, gate, cycle, body, outcome, decided_on, reference, document_url, note, recorded_by, recorded_by_role, recorded_at, justification, consumed_at, consumed_by_audit_seq)
       VALUES (@tenant, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [d.id, d.projectId, d.gate, d.cycle, d.body, d.outcome, d.decidedOn, d.reference, d.documentUrl, d.note, d.recordedBy, d.recordedByRole, d.recordedAt, d.justification, d.consumedAt, d.consumedByAuditSeq],
    );
  }

  async consume(manager: EntityManager, id: string, at: string, auditSeq: number): Promise<void> {
    await this.run(manager, 'UPDATE decisions SET consumed_at = ?, consumed_by_audit_seq = ? WHERE tenant_id = @tenant AND id = ?', [at, auditSeq, id]);
  }
}
