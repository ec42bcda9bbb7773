import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { InspraakProcedure } from '../../machines/interaction/catalogue';
import type { CommunicationEntity } from './communication.entity';
import type { DocumentKind, InspectionEntity, ProjectDocumentEntity, ReactionEntity, StakeholderEntity } from './interaction.entities';
import { Conditions, placeholders, SqlRepository } from './sql-repository';

const DOCUMENT_COLUMNS = `project_id AS "projectId", kind, version, data, change_reason AS "changeReason", adopted_at AS "adoptedAt", created_by AS "createdBy", created_at AS "createdAt"`;

/** An inspection as the rules judge it: its last day, its postal week, and its reactions' answers. */
export interface InspectionSummary {
  id: string;
  projectId: string;
  cycle: number;
  laidOpenOn: string;
  publishedIn: string;
  endsOn: string;
  procedure: InspraakProcedure;
  postalWeek: boolean;
  unanswered: number;
  /** Every zienswijze received on this draft. */
  reactions: number;
  lastAnsweredOn: string | null;
}

/** The project's file: versioned documents, stakeholders, communications, the inspection and its reactions. */
@Injectable()
export class FileRepository extends SqlRepository {
  async insertCommunication(manager: EntityManager, c: CommunicationEntity): Promise<void> {
    await this.run(
      manager,
      'INSERT INTO communications (tenant_id, id, project_id, occurred_at, channel, audience, summary, announces_phase, announces_level, recorded_by, recorded_by_role, recorded_at) VALUES (@tenant, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [c.id, c.projectId, c.occurredAt, c.channel, c.audience, c.summary, c.announcesPhase, c.announcesLevel, c.recordedBy, c.recordedByRole, c.recordedAt],
    );
  }

  /** Every version of one document of a project, newest first (reads outside any unit of work, as the next ones). */
  async documentVersions(projectId: string, kind: DocumentKind): Promise<ProjectDocumentEntity[]> {
    return this.read<ProjectDocumentEntity>(`SELECT ${DOCUMENT_COLUMNS} FROM project_documents WHERE tenant_id = @tenant AND project_id = ? AND kind = ? ORDER BY version DESC`, [projectId, kind]);
  }

  /** Every version of every document of a project, by kind and version: what its archive package holds. */
  async allDocuments(projectId: string): Promise<ProjectDocumentEntity[]> {
    return this.read<ProjectDocumentEntity>(`SELECT ${DOCUMENT_COLUMNS} FROM project_documents WHERE tenant_id = @tenant AND project_id = ? ORDER BY kind, version`, [projectId]);
  }

  /** A project's stakeholder groups, in the order added. */
  async stakeholdersOf(projectId: string): Promise<StakeholderEntity[]> {
    return this.read<StakeholderEntity>(
      `SELECT id, project_id AS "projectId", name, domain, kind, own_kind AS "ownKind", approach, created_by AS "createdBy", created_at AS "createdAt" FROM stakeholders WHERE tenant_id = @tenant AND project_id = ? ORDER BY created_at, id`,
      [projectId],
    );
  }

  /** The terinzageleggingen of a cycle: the one that stands (`withdrawn: false`), or those withdrawn, oldest first. */
  async inspectionsOf(projectId: string, cycle: number, withdrawn: boolean): Promise<InspectionEntity[]> {
    const rows = await this.read<InspectionEntity>(
      `SELECT id, project_id AS "projectId", cycle, laid_open_on AS "laidOpenOn", nominal_end AS "nominalEnd", ends_on AS "endsOn", published_in AS "publishedIn", procedure,
         term_days AS "termDays", procedure_reference AS "procedureReference", postal_week AS "postalWeek", term_source AS "termSource", withdrawn_on AS "withdrawnOn",
         withdrawal_reason AS "withdrawalReason", created_by AS "createdBy", created_at AS "createdAt"
         FROM inspections WHERE tenant_id = @tenant AND project_id = ? AND cycle = ? AND withdrawn_on IS ${withdrawn ? 'NOT ' : ''}NULL ORDER BY created_at, id`,
      [projectId, cycle],
    );
    // SQLite keeps a boolean as 0 or 1.
    return rows.map((i) => ({ ...i, postalWeek: Boolean(i.postalWeek) }));
  }

  /** The zienswijzen on a terinzagelegging, by registration number. */
  async reactionsOf(inspectionId: string): Promise<ReactionEntity[]> {
    const rows = await this.read<ReactionEntity>(
      `SELECT id, inspection_id AS "inspectionId", project_id AS "projectId", number, received_on AS "receivedOn", channel, posted_on AS "postedOn", report, sender,
         sender_is_organisation AS "senderIsOrganisation", summary, late, answer, answered_on AS "answeredOn", changed_draft AS "changedDraft", created_by AS "createdBy", created_at AS "createdAt"
         FROM reactions WHERE tenant_id = @tenant AND inspection_id = ? ORDER BY number`,
      [inspectionId],
    );
    return rows.map((r) => ({ ...r, late: Boolean(r.late), senderIsOrganisation: Boolean(r.senderIsOrganisation), changedDraft: r.changedDraft === null ? null : Boolean(r.changedDraft) }));
  }

  /**
   * A page of a project's contacts, newest first, and how many match: within Dutch-day bounds
   * (`from` inclusive, `until` exclusive, as moments), with words in the channel, the audience or
   * the summary (a LIKE pattern), from an offset or after a contact (its moment and id).
   */
  async communications(projectId: string, filter: { from?: string; until?: string; words?: string }, limit: number, start: { offset?: number; after?: { at: string; id: string } }): Promise<{ rows: CommunicationEntity[]; total: number }> {
    const conditions = new Conditions().and('project_id = ?', projectId);
    if (filter.from) conditions.and('occurred_at >= ?', filter.from);
    if (filter.until) conditions.and('occurred_at < ?', filter.until);
    if (filter.words) conditions.and("(LOWER(summary) LIKE ? ESCAPE '\\' OR LOWER(audience) LIKE ? ESCAPE '\\' OR LOWER(channel) LIKE ? ESCAPE '\\')", filter.words, filter.words, filter.words);
    const total = await this.count('communications', conditions);
    if (start.after) conditions.and('(occurred_at < ? OR (occurred_at = ? AND id > ?))', start.after.at, start.after.at, start.after.id);
    const rows = await this.read<CommunicationEntity>(
      `SELECT id, project_id AS "projectId", occurred_at AS "occurredAt", channel, audience, summary, announces_phase AS "announcesPhase", announces_level AS "announcesLevel",
         recorded_by AS "recordedBy", recorded_by_role AS "recordedByRole", recorded_at AS "recordedAt"
         FROM communications${conditions.where} ORDER BY occurred_at DESC, id ASC LIMIT ? OFFSET ?`,
      [...conditions.parameters, limit, start.offset ?? 0],
    );
    return { rows, total };
  }

  /** The latest version of each document (quick scan, commitment, plan) of these projects. */
  async latestDocuments(manager: EntityManager | null, projectIds: readonly string[]): Promise<ProjectDocumentEntity[]> {
    if (projectIds.length === 0) return [];
    return this.run<ProjectDocumentEntity>(
      manager,
      `SELECT ${DOCUMENT_COLUMNS}
         FROM project_documents d
        WHERE d.tenant_id = @tenant AND d.project_id IN (${placeholders(projectIds)})
          AND d.version = (SELECT MAX(v.version) FROM project_documents v WHERE v.tenant_id = @tenant AND v.project_id = d.project_id AND v.kind = d.kind)`,
      [...projectIds],
    );
  }

  /** The latest version of one kind of document of every project of the municipality, with the project's title. */
  async latestOfEveryProject(kind: DocumentKind): Promise<Array<ProjectDocumentEntity & { title: string }>> {
    return this.read<ProjectDocumentEntity & { title: string }>(
      `SELECT d.project_id AS "projectId", d.kind, d.version, d.data, d.change_reason AS "changeReason", d.adopted_at AS "adoptedAt", d.created_by AS "createdBy", d.created_at AS "createdAt", p.title
         FROM project_documents d JOIN projects p ON p.tenant_id = d.tenant_id AND p.id = d.project_id
        WHERE d.tenant_id = @tenant AND d.kind = ?
          AND d.version = (SELECT MAX(v.version) FROM project_documents v WHERE v.tenant_id = @tenant AND v.project_id = d.project_id AND v.kind = d.kind)
        ORDER BY d.project_id`,
      [kind],
    );
  }

  /** The latest version of one document of one project, without the rest of its file. */
  async latestDocument(manager: EntityManager | null, projectId: string, kind: DocumentKind): Promise<ProjectDocumentEntity | undefined> {
    const [document] = await this.run<ProjectDocumentEntity>(
      manager,
      `SELECT ${DOCUMENT_COLUMNS} FROM project_documents WHERE tenant_id = @tenant AND project_id = ? AND kind = ? ORDER BY version DESC LIMIT 1`,
      [projectId, kind],
    );
    return document;
  }

  async insertDocument(manager: EntityManager, d: ProjectDocumentEntity): Promise<void> {
    await this.run(
      manager,
      'INSERT INTO project_documents (tenant_id, project_id, kind, version, data, change_reason, adopted_at, created_by, created_at) VALUES (@tenant, ?, ?, ?, ?, ?, ?, ?, ?)',
      [d.projectId, d.kind, d.version, d.data, d.changeReason, d.adoptedAt, d.createdBy, d.createdAt],
    );
  }

  async markDocumentAdopted(manager: EntityManager, projectId: string, kind: string, version: number, at: string): Promise<void> {
    await this.run(manager, 'UPDATE project_documents SET adopted_at = ? WHERE tenant_id = @tenant AND project_id = ? AND kind = ? AND version = ?', [at, projectId, kind, version]);
  }

  async documentAdopted(manager: EntityManager, projectId: string, kind: string): Promise<boolean> {
    return (await this.run(manager, 'SELECT 1 AS adopted FROM project_documents WHERE tenant_id = @tenant AND project_id = ? AND kind = ? AND adopted_at IS NOT NULL', [projectId, kind])).length > 0;
  }

  /** Which level of which phase each of these projects has told its participants (§1.3). */
  async announcements(manager: EntityManager | null, projectIds: readonly string[]): Promise<Array<{ projectId: string; phase: string; level: string }>> {
    if (projectIds.length === 0) return [];
    return this.run(
      manager,
      `SELECT DISTINCT project_id AS "projectId", announces_phase AS phase, announces_level AS level FROM communications WHERE tenant_id = @tenant AND project_id IN (${placeholders(projectIds)}) AND announces_phase IS NOT NULL`,
      [...projectIds],
    );
  }

  /** The inspections of these projects that stand (a withdrawn one does not), with how many of their reactions still wait for an answer. */
  async inspections(manager: EntityManager | null, projectIds: readonly string[]): Promise<InspectionSummary[]> {
    if (projectIds.length === 0) return [];
    const rows = await this.run<Omit<InspectionSummary, 'unanswered' | 'reactions' | 'postalWeek'> & { unanswered: number | string; reactions: number | string; postalWeek: boolean | number }>(
      manager,
      `SELECT i.id, i.project_id AS "projectId", i.cycle, i.laid_open_on AS "laidOpenOn", i.published_in AS "publishedIn", i.ends_on AS "endsOn", i.procedure, i.postal_week AS "postalWeek",
              (SELECT COUNT(*) FROM reactions r WHERE r.tenant_id = @tenant AND r.inspection_id = i.id AND r.answer IS NULL) AS unanswered,
              (SELECT COUNT(*) FROM reactions r WHERE r.tenant_id = @tenant AND r.inspection_id = i.id) AS reactions,
              (SELECT MAX(r.answered_on) FROM reactions r WHERE r.tenant_id = @tenant AND r.inspection_id = i.id) AS "lastAnsweredOn"
         FROM inspections i WHERE i.tenant_id = @tenant AND i.project_id IN (${placeholders(projectIds)}) AND i.withdrawn_on IS NULL`,
      [...projectIds],
    );
    // PostgreSQL returns COUNT(*) as text; SQLite a boolean as 0 or 1.
    return rows.map((row) => ({ ...row, unanswered: Number(row.unanswered), reactions: Number(row.reactions), postalWeek: !!row.postalWeek }));
  }

  /** The project published at a slug, if any. */
  async projectWithSlug(manager: EntityManager, slug: string): Promise<string | null> {
    const [row] = await this.run<{ id: string }>(manager, 'SELECT id FROM projects WHERE tenant_id = @tenant AND slug = ?', [slug]);
    return row?.id ?? null;
  }

  async insertStakeholder(manager: EntityManager, s: StakeholderEntity): Promise<void> {
    await this.run(
      manager,
      'INSERT INTO stakeholders (tenant_id, id, project_id, name, domain, kind, own_kind, approach, created_by, created_at) VALUES (@tenant, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [s.id, s.projectId, s.name, s.domain, s.kind, s.ownKind, s.approach, s.createdBy, s.createdAt],
    );
  }

  async stakeholderIds(manager: EntityManager, projectId: string): Promise<string[]> {
    return (await this.run<{ id: string }>(manager, 'SELECT id FROM stakeholders WHERE tenant_id = @tenant AND project_id = ?', [projectId])).map((row) => row.id);
  }

  async insertInspection(manager: EntityManager, i: InspectionEntity): Promise<void> {
    await this.run(
      manager,
      'INSERT INTO inspections (tenant_id, id, project_id, cycle, laid_open_on, nominal_end, ends_on, published_in, procedure, term_days, procedure_reference, postal_week, term_source, created_by, created_at) VALUES (@tenant, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [i.id, i.projectId, i.cycle, i.laidOpenOn, i.nominalEnd, i.endsOn, i.publishedIn, i.procedure, i.termDays, i.procedureReference, this.flag(i.postalWeek), i.termSource, i.createdBy, i.createdAt],
    );
  }

  async withdrawInspection(manager: EntityManager, id: string, on: string, reason: string): Promise<void> {
    await this.run(manager, 'UPDATE inspections SET withdrawn_on = ?, withdrawal_reason = ? WHERE tenant_id = @tenant AND id = ?', [on, reason, id]);
  }

  /**
   * The zienswijzen given on the withdrawn terinzageleggingen of a cycle move to the new one: they
   * stay valid, and came in before its term ends. Answers the number moved.
   */
  async carryReactions(manager: EntityManager, projectId: string, cycle: number, to: string): Promise<number> {
    const from = await this.run<{ id: string }>(manager, 'SELECT r.id FROM reactions r JOIN inspections i ON i.id = r.inspection_id AND i.tenant_id = r.tenant_id WHERE r.tenant_id = @tenant AND i.project_id = ? AND i.cycle = ? AND i.withdrawn_on IS NOT NULL', [projectId, cycle]);
    if (from.length === 0) return 0;
    const ids = from.map((row) => row.id);
    await this.run(manager, `UPDATE reactions SET inspection_id = ?, late = ? WHERE tenant_id = @tenant AND id IN (${placeholders(ids)})`, [to, this.flag(false), ...ids]);
    return ids.length;
  }

  /** The next registration number of a project's zienswijzen; the unit of work holds the project, so no two get the same. */
  async nextReactionNumber(manager: EntityManager, projectId: string): Promise<number> {
    const [row] = await this.run<{ last: number | string | null }>(manager, 'SELECT MAX(number) AS last FROM reactions WHERE tenant_id = @tenant AND project_id = ?', [projectId]);
    return Number(row?.last ?? 0) + 1;
  }

  async insertReaction(manager: EntityManager, r: ReactionEntity): Promise<void> {
    await this.run(
      manager,
      'INSERT INTO reactions (tenant_id, id, inspection_id, project_id, number, received_on, channel, posted_on, report, sender, sender_is_organisation, summary, late, answer, answered_on, created_by, created_at) VALUES (@tenant, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [r.id, r.inspectionId, r.projectId, r.number, r.receivedOn, r.channel, r.postedOn, r.report, r.sender, this.flag(r.senderIsOrganisation), r.summary, this.flag(r.late), r.answer, r.answeredOn, r.createdBy, r.createdAt],
    );
  }

  async findReaction(manager: EntityManager, projectId: string, id: string): Promise<{ id: string; answer: string | null } | undefined> {
    const [row] = await this.run<{ id: string; answer: string | null }>(manager, 'SELECT id, answer FROM reactions WHERE tenant_id = @tenant AND project_id = ? AND id = ?', [projectId, id]);
    return row;
  }

  /** The senders' names in the reactions, the working copy of what `personal_data` keeps, cleared when it is erased (issue 18). */
  async clearSenders(manager: EntityManager, projectId: string): Promise<void> {
    await this.run(manager, "UPDATE reactions SET sender = '' WHERE tenant_id = @tenant AND project_id = ?", [projectId]);
  }

  async answerReaction(manager: EntityManager, id: string, answer: { answer: string; answeredOn: string; changedDraft: boolean }): Promise<void> {
    await this.run(manager, 'UPDATE reactions SET answer = ?, answered_on = ?, changed_draft = ? WHERE tenant_id = @tenant AND id = ?', [answer.answer, answer.answeredOn, this.flag(answer.changedDraft), id]);
  }
}
