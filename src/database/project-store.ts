import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuditEntryEntity } from './audit-entry.entity';
import { queryCounter } from './query-counter';
import type { CommunicationEntity } from './communication.entity';
import type { MilestoneEntity } from './milestone.entity';
import type { ReminderEntity } from './reminder.entity';
import type { DecisionEntity } from './decision.entity';
import type { InspectionEntity, ProjectDocumentEntity, ReactionEntity, StakeholderEntity } from './interaction.entities';
import type { ProjectEntity } from './project.entity';

const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/** The parts of a better-sqlite3 connection used here. */
interface SqliteStatement {
  reader: boolean;
  all(...parameters: unknown[]): unknown[];
  run(...parameters: unknown[]): { changes: number };
}
interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
}

const PROJECT_COLUMNS = `id, title, description, origin, political_sensitivity AS "politicalSensitivity", state, cycle, snapshot, version,
  audit_seq AS "auditSeq", audit_hash AS "auditHash", silence_window_days AS "silenceWindowDays", silence_since AS "silenceSince",
  silence_level AS "silenceLevel", silence_deadline AS "silenceDeadline", last_communication_at AS "lastCommunicationAt",
  owner_email AS "ownerEmail", administrator_email AS "administratorEmail", created_by AS "createdBy", created_at AS "createdAt", updated_at AS "updatedAt"`;
const REMINDER_COLUMNS = `"key", project_id AS "projectId", kind, due_at AS "dueAt", level, status, recipients, attempts, last_error AS "lastError",
  created_at AS "createdAt", finished_at AS "finishedAt"`;
const DECISION_COLUMNS = `id, project_id AS "projectId", gate, cycle, body, outcome, decided_on AS "decidedOn", reference, document_url AS "documentUrl", note,
  recorded_by AS "recordedBy", recorded_by_role AS "recordedByRole", recorded_at AS "recordedAt", justification, consumed_at AS "consumedAt", consumed_by_audit_seq AS "consumedByAuditSeq"`;

/**
 * The write path of the workflow engine, as plain SQL that SQLite and PostgreSQL both
 * speak. A transition is on the hot path: prepared statements cost a fraction of building
 * the same queries through TypeORM's query builder. Every call runs inside the caller's
 * transaction (TransactionRunner): on SQLite that is the one shared connection.
 */
@Injectable()
export class ProjectStore {
  private readonly postgres: boolean;
  private readonly statements = new Map<string, string>();
  /** On SQLite: the connection itself, whose prepared statements run without TypeORM's per-query events. */
  private readonly sqlite: SqliteConnection | undefined;
  private readonly prepared = new Map<string, SqliteStatement>();

  constructor(dataSource: DataSource) {
    this.postgres = dataSource.options.type === 'postgres';
    this.sqlite = this.postgres ? undefined : (dataSource.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection;
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
      `INSERT INTO projects (id, title, description, origin, political_sensitivity, state, cycle, snapshot, version, audit_seq, audit_hash,
         silence_window_days, silence_since, silence_level, silence_deadline, last_communication_at, owner_email, administrator_email, created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        p.id, p.title, p.description, p.origin, p.politicalSensitivity, p.state, p.cycle, p.snapshot, p.version, p.auditSeq, p.auditHash,
        p.silenceWindowDays, p.silenceSince, p.silenceLevel, p.silenceDeadline, p.lastCommunicationAt, p.ownerEmail, p.administratorEmail, p.createdBy, p.createdAt, p.updatedAt,
      ],
    );
  }

  async insertDecision(manager: EntityManager, d: DecisionEntity): Promise<void> {
    await this.run(
      manager,
      `INSERT INTO decisions (id, project_id, gate, cycle, body, outcome, decided_on, reference, document_url, note, recorded_by, recorded_by_role, recorded_at, justification, consumed_at, consumed_by_audit_seq)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [d.id, d.projectId, d.gate, d.cycle, d.body, d.outcome, d.decidedOn, d.reference, d.documentUrl, d.note, d.recordedBy, d.recordedByRole, d.recordedAt, d.justification, d.consumedAt, d.consumedByAuditSeq],
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
    const affected = await this.change(
      manager,
      `UPDATE projects SET state = ?, cycle = ?, snapshot = ?, version = ?, audit_seq = ?, audit_hash = ?, updated_at = ?,
         silence_since = ?, silence_level = ?, silence_deadline = ? WHERE id = ? AND version = ?`,
      [p.state, p.cycle, p.snapshot, p.version, p.auditSeq, p.auditHash, p.updatedAt, p.silenceSince, p.silenceLevel, p.silenceDeadline, p.id, readVersion],
    );
    return affected === 1;
  }

  async updateChainHead(manager: EntityManager, p: ProjectEntity): Promise<void> {
    await this.run(manager, 'UPDATE projects SET audit_seq = ?, audit_hash = ? WHERE id = ?', [p.auditSeq, p.auditHash, p.id]);
  }

  /** Everything about a project but its state: settings, silence clock, audit chain head. */
  async updateProjectDetails(manager: EntityManager, p: ProjectEntity): Promise<void> {
    await this.run(
      manager,
      `UPDATE projects SET audit_seq = ?, audit_hash = ?, silence_window_days = ?, silence_since = ?, silence_level = ?, silence_deadline = ?,
         last_communication_at = ?, owner_email = ?, administrator_email = ?, updated_at = ? WHERE id = ?`,
      [p.auditSeq, p.auditHash, p.silenceWindowDays, p.silenceSince, p.silenceLevel, p.silenceDeadline, p.lastCommunicationAt, p.ownerEmail, p.administratorEmail, p.updatedAt, p.id],
    );
  }

  async insertCommunication(manager: EntityManager, c: CommunicationEntity): Promise<void> {
    await this.run(
      manager,
      'INSERT INTO communications (id, project_id, occurred_at, channel, audience, summary, announces_phase, announces_level, recorded_by, recorded_by_role, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [c.id, c.projectId, c.occurredAt, c.channel, c.audience, c.summary, c.announcesPhase, c.announcesLevel, c.recordedBy, c.recordedByRole, c.recordedAt],
    );
  }

  /** The latest version of each document (quick scan, commitment, plan) of these projects. */
  async latestDocuments(manager: EntityManager, projectIds: readonly string[]): Promise<ProjectDocumentEntity[]> {
    if (projectIds.length === 0) return [];
    return this.run<ProjectDocumentEntity>(
      manager,
      `SELECT d.project_id AS "projectId", d.kind, d.version, d.data, d.change_reason AS "changeReason", d.adopted_at AS "adoptedAt", d.created_by AS "createdBy", d.created_at AS "createdAt"
         FROM project_documents d
        WHERE d.project_id IN (${placeholders(projectIds)})
          AND d.version = (SELECT MAX(v.version) FROM project_documents v WHERE v.project_id = d.project_id AND v.kind = d.kind)`,
      [...projectIds],
    );
  }

  async insertDocument(manager: EntityManager, d: ProjectDocumentEntity): Promise<void> {
    await this.run(
      manager,
      'INSERT INTO project_documents (project_id, kind, version, data, change_reason, adopted_at, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [d.projectId, d.kind, d.version, d.data, d.changeReason, d.adoptedAt, d.createdBy, d.createdAt],
    );
  }

  async markDocumentAdopted(manager: EntityManager, projectId: string, kind: string, version: number, at: string): Promise<void> {
    await this.run(manager, 'UPDATE project_documents SET adopted_at = ? WHERE project_id = ? AND kind = ? AND version = ?', [at, projectId, kind, version]);
  }

  async documentAdopted(manager: EntityManager, projectId: string, kind: string): Promise<boolean> {
    return (await this.run(manager, 'SELECT 1 AS adopted FROM project_documents WHERE project_id = ? AND kind = ? AND adopted_at IS NOT NULL', [projectId, kind])).length > 0;
  }

  /** Which level of which phase each of these projects has told its participants (§1.3). */
  async announcements(manager: EntityManager, projectIds: readonly string[]): Promise<Array<{ projectId: string; phase: string; level: string }>> {
    if (projectIds.length === 0) return [];
    return this.run(
      manager,
      `SELECT DISTINCT project_id AS "projectId", announces_phase AS phase, announces_level AS level FROM communications WHERE project_id IN (${placeholders(projectIds)}) AND announces_phase IS NOT NULL`,
      [...projectIds],
    );
  }

  /** The inspections of these projects, with how many of their reactions still wait for an answer. */
  async inspections(manager: EntityManager, projectIds: readonly string[]): Promise<Array<{ id: string; projectId: string; cycle: number; endsOn: string; unanswered: number }>> {
    if (projectIds.length === 0) return [];
    const rows = await this.run<{ id: string; projectId: string; cycle: number; endsOn: string; unanswered: number | string }>(
      manager,
      `SELECT i.id, i.project_id AS "projectId", i.cycle, i.ends_on AS "endsOn",
              (SELECT COUNT(*) FROM reactions r WHERE r.inspection_id = i.id AND r.answer IS NULL) AS unanswered
         FROM inspections i WHERE i.project_id IN (${placeholders(projectIds)})`,
      [...projectIds],
    );
    // PostgreSQL returns COUNT(*) as text.
    return rows.map((row) => ({ ...row, unanswered: Number(row.unanswered) }));
  }

  async insertStakeholder(manager: EntityManager, s: StakeholderEntity): Promise<void> {
    await this.run(
      manager,
      'INSERT INTO stakeholders (id, project_id, name, domain, kind, own_kind, approach, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [s.id, s.projectId, s.name, s.domain, s.kind, s.ownKind, s.approach, s.createdBy, s.createdAt],
    );
  }

  async stakeholderIds(manager: EntityManager, projectId: string): Promise<string[]> {
    return (await this.run<{ id: string }>(manager, 'SELECT id FROM stakeholders WHERE project_id = ?', [projectId])).map((row) => row.id);
  }

  async insertInspection(manager: EntityManager, i: InspectionEntity): Promise<void> {
    await this.run(
      manager,
      'INSERT INTO inspections (id, project_id, cycle, laid_open_on, nominal_end, ends_on, published_in, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [i.id, i.projectId, i.cycle, i.laidOpenOn, i.nominalEnd, i.endsOn, i.publishedIn, i.createdBy, i.createdAt],
    );
  }

  async insertReaction(manager: EntityManager, r: ReactionEntity): Promise<void> {
    await this.run(
      manager,
      'INSERT INTO reactions (id, inspection_id, project_id, received_on, sender, summary, late, answer, answered_on, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [r.id, r.inspectionId, r.projectId, r.receivedOn, r.sender, r.summary, this.postgres ? r.late : Number(r.late), r.answer, r.answeredOn, r.createdBy, r.createdAt],
    );
  }

  async findReaction(manager: EntityManager, projectId: string, id: string): Promise<{ id: string; answer: string | null } | undefined> {
    const [row] = await this.run<{ id: string; answer: string | null }>(manager, 'SELECT id, answer FROM reactions WHERE project_id = ? AND id = ?', [projectId, id]);
    return row;
  }

  async answerReaction(manager: EntityManager, id: string, answer: string, answeredOn: string): Promise<void> {
    await this.run(manager, 'UPDATE reactions SET answer = ?, answered_on = ? WHERE id = ?', [answer, answeredOn, id]);
  }

  async insertOutbox(manager: EntityManager, topic: string, payload: unknown, at: string): Promise<void> {
    await this.run(manager, 'INSERT INTO outbox (topic, payload, created_at) VALUES (?, ?, ?)', [topic, JSON.stringify(payload), at]);
  }

  async insertMilestone(manager: EntityManager, m: MilestoneEntity): Promise<void> {
    await this.run(
      manager,
      'INSERT INTO milestones (id, project_id, title, due_at, remind_days_before, remind_at, reminded_at, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [m.id, m.projectId, m.title, m.dueAt, m.remindDaysBefore, m.remindAt, m.remindedAt, m.createdBy, m.createdAt],
    );
  }

  async findMilestone(manager: EntityManager, id: string): Promise<MilestoneEntity | undefined> {
    const [row] = await this.run<MilestoneEntity>(
      manager,
      `SELECT id, project_id AS "projectId", title, due_at AS "dueAt", remind_days_before AS "remindDaysBefore", remind_at AS "remindAt",
         reminded_at AS "remindedAt", created_by AS "createdBy", created_at AS "createdAt" FROM milestones WHERE id = ?`,
      [id],
    );
    return row;
  }

  async markMilestoneReminded(manager: EntityManager, id: string, at: string): Promise<void> {
    await this.run(manager, 'UPDATE milestones SET reminded_at = ? WHERE id = ?', [at, id]);
  }

  async findReminder(manager: EntityManager, key: string): Promise<ReminderEntity | undefined> {
    const [row] = await this.run<ReminderEntity>(manager, `SELECT ${REMINDER_COLUMNS} FROM reminders WHERE "key" = ?`, [key]);
    return row;
  }

  async saveReminder(manager: EntityManager, r: ReminderEntity, exists: boolean): Promise<void> {
    if (exists) {
      await this.run(manager, 'UPDATE reminders SET status = ?, recipients = ?, attempts = ?, last_error = ?, finished_at = ? WHERE "key" = ?', [
        r.status, r.recipients, r.attempts, r.lastError, r.finishedAt, r.key,
      ]);
      return;
    }
    await this.run(
      manager,
      'INSERT INTO reminders ("key", project_id, kind, due_at, level, status, recipients, attempts, last_error, created_at, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [r.key, r.projectId, r.kind, r.dueAt, r.level, r.status, r.recipients, r.attempts, r.lastError, r.createdAt, r.finishedAt],
    );
  }

  async consumeDecision(manager: EntityManager, id: string, at: string, auditSeq: number): Promise<void> {
    await this.run(manager, 'UPDATE decisions SET consumed_at = ?, consumed_by_audit_seq = ? WHERE id = ?', [at, auditSeq, id]);
  }

  private async run<Row = never>(manager: EntityManager, sql: string, parameters: unknown[]): Promise<Row[]> {
    if (this.sqlite) {
      queryCounter.increment();
      const statement = this.prepare(sql);
      if (statement.reader) return statement.all(...parameters) as Row[];
      statement.run(...parameters);
      return [];
    }
    return manager.query(this.statement(sql), parameters);
  }

  /** Runs a write and tells how many rows it changed. */
  private async change(manager: EntityManager, sql: string, parameters: unknown[]): Promise<number> {
    if (this.sqlite) {
      queryCounter.increment();
      return this.prepare(sql).run(...parameters).changes;
    }
    return (await manager.queryRunner!.query(this.statement(sql), parameters, true)).affected ?? 0;
  }

  private prepare(sql: string): SqliteStatement {
    let statement = this.prepared.get(sql);
    if (!statement) {
      statement = this.sqlite!.prepare(sql);
      this.prepared.set(sql, statement);
    }
    return statement;
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
