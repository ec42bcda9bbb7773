import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuditEntryEntity } from './audit-entry.entity';
import type { DecisionEntity } from './decision.entity';
import type { ProjectEntity } from './project.entity';

const PROJECT_COLUMNS = `id, title, description, origin, political_sensitivity AS "politicalSensitivity", state, cycle, snapshot, version,
  audit_seq AS "auditSeq", audit_hash AS "auditHash", created_by AS "createdBy", created_at AS "createdAt", updated_at AS "updatedAt"`;
const DECISION_COLUMNS = `id, project_id AS "projectId", gate, cycle, body, outcome, decided_on AS "decidedOn", reference, document_url AS "documentUrl", note,
  recorded_by AS "recordedBy", recorded_by_role AS "recordedByRole", recorded_at AS "recordedAt", consumed_at AS "consumedAt", consumed_by_audit_seq AS "consumedByAuditSeq"`;

/**
 * The write path of the workflow engine, as plain SQL that SQLite and PostgreSQL both
 * speak. A transition is on the hot path: prepared statements (cached by the driver)
 * cost a fraction of building the same queries through TypeORM's query builder.
 */
@Injectable()
export class ProjectStore {
  private readonly postgres: boolean;
  private readonly statements = new Map<string, string>();

  constructor(dataSource: DataSource) {
    this.postgres = dataSource.options.type === 'postgres';
  }

  /** The project row; on PostgreSQL locked until the transaction ends (SQLite writes are serialised anyway). */
  async lockProject(manager: EntityManager, id: string): Promise<ProjectEntity | undefined> {
    const [row] = await this.run<ProjectEntity>(manager, `SELECT ${PROJECT_COLUMNS} FROM projects WHERE id = ?${this.postgres ? ' FOR UPDATE' : ''}`, [id]);
    return row;
  }

  /** Decisions of the current cycle that no transition has used yet. */
  async openDecisions(manager: EntityManager, projectId: string, cycle: number): Promise<DecisionEntity[]> {
    return this.run<DecisionEntity>(manager, `SELECT ${DECISION_COLUMNS} FROM decisions WHERE project_id = ? AND cycle = ? AND consumed_at IS NULL`, [projectId, cycle]);
  }

  async insertProject(manager: EntityManager, p: ProjectEntity): Promise<void> {
    await this.run(
      manager,
      `INSERT INTO projects (id, title, description, origin, political_sensitivity, state, cycle, snapshot, version, audit_seq, audit_hash, created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [p.id, p.title, p.description, p.origin, p.politicalSensitivity, p.state, p.cycle, p.snapshot, p.version, p.auditSeq, p.auditHash, p.createdBy, p.createdAt, p.updatedAt],
    );
  }

  async insertDecision(manager: EntityManager, d: DecisionEntity): Promise<void> {
    await this.run(
      manager,
      `INSERT INTO decisions (id, project_id, gate, cycle, body, outcome, decided_on, reference, document_url, note, recorded_by, recorded_by_role, recorded_at, consumed_at, consumed_by_audit_seq)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [d.id, d.projectId, d.gate, d.cycle, d.body, d.outcome, d.decidedOn, d.reference, d.documentUrl, d.note, d.recordedBy, d.recordedByRole, d.recordedAt, d.consumedAt, d.consumedByAuditSeq],
    );
  }

  async insertAuditEntry(manager: EntityManager, e: Omit<AuditEntryEntity, 'id'>): Promise<void> {
    await this.run(
      manager,
      `INSERT INTO audit_entries (project_id, seq, occurred_at, actor_name, actor_role, type, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [e.projectId, e.seq, e.occurredAt, e.actorName, e.actorRole, e.type, e.payload, e.prevHash, e.hash],
    );
  }

  /** Writes the new state only if the version is still the one read; false when someone else won. */
  async updateProject(manager: EntityManager, p: ProjectEntity, readVersion: number): Promise<boolean> {
    const result = await manager.queryRunner!.query(
      this.statement('UPDATE projects SET state = ?, cycle = ?, snapshot = ?, version = ?, audit_seq = ?, audit_hash = ?, updated_at = ? WHERE id = ? AND version = ?'),
      [p.state, p.cycle, p.snapshot, p.version, p.auditSeq, p.auditHash, p.updatedAt, p.id, readVersion],
      true,
    );
    return result.affected === 1;
  }

  async updateChainHead(manager: EntityManager, p: ProjectEntity): Promise<void> {
    await this.run(manager, 'UPDATE projects SET audit_seq = ?, audit_hash = ? WHERE id = ?', [p.auditSeq, p.auditHash, p.id]);
  }

  async consumeDecision(manager: EntityManager, id: string, at: string, auditSeq: number): Promise<void> {
    await this.run(manager, 'UPDATE decisions SET consumed_at = ?, consumed_by_audit_seq = ? WHERE id = ?', [at, auditSeq, id]);
  }

  private run<Row = never>(manager: EntityManager, sql: string, parameters: unknown[]): Promise<Row[]> {
    return manager.query(this.statement(sql), parameters);
  }

  /** `?` placeholders as SQLite wants them, or `$1, $2, ...` for PostgreSQL; converted once per statement. */
  private statement(sql: string): string {
    let converted = this.statements.get(sql);
    if (converted === undefined) {
      let n = 0;
      converted = this.postgres ? sql.replace(/\?/g, () => `$${++n}`) : sql;
      this.statements.set(sql, converted);
    }
    return converted;
  }
}
