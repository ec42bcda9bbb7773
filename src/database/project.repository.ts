import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ProjectEntity } from './project.entity';
import { Conditions, placeholders, SqlRepository } from './sql-repository';

const PROJECT_COLUMNS = `id, title, description, origin, political_sensitivity AS "politicalSensitivity", state, cycle, snapshot, version,
  audit_seq AS "auditSeq", audit_hash AS "auditHash", silence_window_days AS "silenceWindowDays", silence_since AS "silenceSince", silence_allowed_until AS "silenceAllowedUntil",
  silence_always AS "silenceAlways", public, slug, silence_level AS "silenceLevel", silence_deadline AS "silenceDeadline", last_communication_at AS "lastCommunicationAt",
  owner_email AS "ownerEmail", administrator_email AS "administratorEmail", awaiting, public_contact AS "publicContact", created_by AS "createdBy", created_by_subject AS "createdBySubject", created_at AS "createdAt", updated_at AS "updatedAt"`;

/** The dashboard's filter as the database applies it (src/projects/projects.service.ts words it). */
export interface ProjectQuery {
  statePrefix?: string;
  owner?: string;
  creator?: { subject: string; name: string };
  /** A LIKE pattern for the title. */
  titleWords?: string;
  /** The end of the allowed silence within these bounds: after `after`, up to and including `until`. */
  silenceAllowedUntil?: { after?: string; until?: string };
  /** States listed last: the ended ones. */
  lastStates: readonly string[];
  sortByDeadline?: boolean;
  limit: number;
  offset: number;
}

/** SQLite keeps a boolean as 0 or 1. */
const project = (row: ProjectEntity): ProjectEntity => ({ ...row, silenceAlways: Boolean(row.silenceAlways), public: Boolean(row.public) });

/** The projects table: the row a unit of work locks, and writes once. */
@Injectable()
export class ProjectRepository extends SqlRepository {
  /** The project row; on PostgreSQL locked until the transaction ends (SQLite writes are serialised anyway). */
  async lock(manager: EntityManager, id: string): Promise<ProjectEntity | undefined> {
    const [row] = await this.run<ProjectEntity>(manager, `SELECT ${PROJECT_COLUMNS} FROM projects WHERE tenant_id = @tenant AND id = ?${this.postgres ? ' FOR UPDATE' : ''}`, [id]);
    return row && project(row);
  }

  /** One project, outside any unit of work. */
  async byId(id: string): Promise<ProjectEntity | undefined> {
    const [row] = await this.read<ProjectEntity>(`SELECT ${PROJECT_COLUMNS} FROM projects WHERE tenant_id = @tenant AND id = ?`, [id]);
    return row && project(row);
  }

  /** Whether the tenant in scope has this project. */
  async exists(id: string): Promise<boolean> {
    return (await this.read<{ one: number }>('SELECT 1 AS one FROM projects WHERE tenant_id = @tenant AND id = ?', [id])).length > 0;
  }

  /** A public project by the address of its page. */
  async publicBySlug(slug: string): Promise<ProjectEntity | undefined> {
    const [row] = await this.read<ProjectEntity>(`SELECT ${PROJECT_COLUMNS} FROM projects WHERE tenant_id = @tenant AND slug = ? AND public = ?`, [slug, this.flag(true)]);
    return row && project(row);
  }

  /** The projects with a public page, newest first, at most `limit`. */
  async publicOnes(limit: number): Promise<ProjectEntity[]> {
    return (await this.read<ProjectEntity>(`SELECT ${PROJECT_COLUMNS} FROM projects WHERE tenant_id = @tenant AND public = ? ORDER BY created_at DESC, id LIMIT ?`, [this.flag(true), limit])).map(project);
  }

  /** The projects waiting for a body (a LIKE pattern on `awaiting`), longest waiting first, with how many wait. */
  async awaiting(pattern: string, limit: number, offset: number): Promise<{ rows: ProjectEntity[]; total: number }> {
    const total = await this.count('projects', new Conditions().and('awaiting LIKE ?', pattern));
    const rows = await this.read<ProjectEntity>(`SELECT ${PROJECT_COLUMNS} FROM projects WHERE tenant_id = @tenant AND awaiting LIKE ? ORDER BY updated_at, id LIMIT ? OFFSET ?`, [pattern, limit, offset]);
    return { rows: rows.map(project), total };
  }

  /**
   * Every project with what a guide migration reads: its guide is in its snapshot (issue 20). A
   * migration is rare and deliberate; the whole table is read once per dry run or run.
   */
  async pinnedProjects(): Promise<ProjectEntity[]> {
    return (await this.read<ProjectEntity>(`SELECT ${PROJECT_COLUMNS} FROM projects WHERE tenant_id = @tenant ORDER BY created_at, id`, [])).map(project);
  }

  /** A page of the projects matching the dashboard's filter, with how many match. */
  async matching(q: ProjectQuery): Promise<{ rows: ProjectEntity[]; total: number }> {
    const conditions = new Conditions();
    if (q.statePrefix) conditions.and('(state = ? OR state LIKE ?)', q.statePrefix, `${q.statePrefix}.%`);
    if (q.owner) conditions.and('owner_email = ?', q.owner);
    // Before subjects were kept, a project is its creator's by name.
    if (q.creator) conditions.and('(created_by_subject = ? OR (created_by_subject IS NULL AND created_by = ?))', q.creator.subject, q.creator.name);
    if (q.titleWords) conditions.and("LOWER(title) LIKE ? ESCAPE '\\'", q.titleWords);
    if (q.silenceAllowedUntil?.after) conditions.and('silence_allowed_until > ?', q.silenceAllowedUntil.after);
    if (q.silenceAllowedUntil?.until) conditions.and('silence_allowed_until <= ?', q.silenceAllowedUntil.until);
    const total = await this.count('projects', conditions);
    // Ended projects last: the list is for the work still to do.
    const last = q.lastStates.length ? `CASE WHEN state IN (${placeholders(q.lastStates)}) THEN 1 ELSE 0 END, ` : '';
    const order = q.sortByDeadline ? 'CASE WHEN silence_allowed_until IS NULL THEN 1 ELSE 0 END, silence_allowed_until' : 'created_at DESC';
    const rows = await this.read<ProjectEntity>(`SELECT ${PROJECT_COLUMNS} FROM projects${conditions.where} ORDER BY ${last}${order}, id LIMIT ? OFFSET ?`, [...conditions.parameters, ...q.lastStates, q.limit, q.offset]);
    return { rows: rows.map(project), total };
  }

  async insert(manager: EntityManager, p: ProjectEntity): Promise<void> {
    await this.run(
      manager,
      `INSERT INTO projects (tenant_id, id, title, description, origin, political_sensitivity, state, cycle, snapshot, version, audit_seq, audit_hash,
         silence_window_days, silence_since, silence_allowed_until, silence_always, public, slug, silence_level, silence_deadline, last_communication_at, owner_email, administrator_email, awaiting, public_contact, created_by, created_by_subject, created_at, updated_at)
       VALUES (@tenant, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        p.id, p.title, p.description, p.origin, p.politicalSensitivity, p.state, p.cycle, p.snapshot, p.version, p.auditSeq, p.auditHash,
        p.silenceWindowDays, p.silenceSince, p.silenceAllowedUntil, this.flag(p.silenceAlways), this.flag(p.public), p.slug, p.silenceLevel, p.silenceDeadline, p.lastCommunicationAt, p.ownerEmail, p.administratorEmail, p.awaiting, p.publicContact, p.createdBy, p.createdBySubject, p.createdAt, p.updatedAt,
      ],
    );
  }

  /**
   * Writes everything a unit of work may change (state, snapshot, chain head, silence clock,
   * settings), only if the version is still the one read; false when someone else won.
   */
  async save(manager: EntityManager, p: ProjectEntity, readVersion: number): Promise<boolean> {
    const affected = await this.change(
      manager,
      `UPDATE projects SET state = ?, cycle = ?, snapshot = ?, version = ?, audit_seq = ?, audit_hash = ?, updated_at = ?,
         silence_window_days = ?, silence_since = ?, silence_allowed_until = ?, silence_always = ?, public = ?, slug = ?, silence_level = ?, silence_deadline = ?, last_communication_at = ?,
         owner_email = ?, administrator_email = ?, awaiting = ?, description = ?, public_contact = ? WHERE tenant_id = @tenant AND id = ? AND version = ?`,
      [
        p.state, p.cycle, p.snapshot, p.version, p.auditSeq, p.auditHash, p.updatedAt,
        p.silenceWindowDays, p.silenceSince, p.silenceAllowedUntil, this.flag(p.silenceAlways), this.flag(p.public), p.slug, p.silenceLevel, p.silenceDeadline, p.lastCommunicationAt,
        p.ownerEmail, p.administratorEmail, p.awaiting, p.description, p.publicContact, p.id, readVersion,
      ],
    );
    return affected === 1;
  }
}

/** A boolean as both databases take it: SQLite binds no booleans, PostgreSQL reads '1' and '0' as true and false. */
