import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ProjectEntity } from './project.entity';
import { SqlRepository } from './sql-repository';

const PROJECT_COLUMNS = `id, title, description, origin, political_sensitivity AS "politicalSensitivity", state, cycle, snapshot, version,
  audit_seq AS "auditSeq", audit_hash AS "auditHash", silence_window_days AS "silenceWindowDays", silence_since AS "silenceSince", silence_allowed_until AS "silenceAllowedUntil",
  silence_always AS "silenceAlways", public, slug, silence_level AS "silenceLevel", silence_deadline AS "silenceDeadline", last_communication_at AS "lastCommunicationAt",
  owner_email AS "ownerEmail", administrator_email AS "administratorEmail", awaiting, public_contact AS "publicContact", created_by AS "createdBy", created_by_subject AS "createdBySubject", created_at AS "createdAt", updated_at AS "updatedAt"`;

/** The projects table: the row a unit of work locks, and writes once. */
@Injectable()
export class ProjectRepository extends SqlRepository {
  /** The project row; on PostgreSQL locked until the transaction ends (SQLite writes are serialised anyway). */
  async lock(manager: EntityManager, id: string): Promise<ProjectEntity | undefined> {
    const [row] = await this.run<ProjectEntity>(manager, `SELECT ${PROJECT_COLUMNS} FROM projects WHERE id = ?${this.postgres ? ' FOR UPDATE' : ''}`, [id]);
    // SQLite keeps a boolean as 0 or 1.
    return row && { ...row, silenceAlways: Boolean(row.silenceAlways), public: Boolean(row.public) };
  }

  async insert(manager: EntityManager, p: ProjectEntity): Promise<void> {
    await this.run(
      manager,
      `INSERT INTO projects (id, title, description, origin, political_sensitivity, state, cycle, snapshot, version, audit_seq, audit_hash,
         silence_window_days, silence_since, silence_allowed_until, silence_always, public, slug, silence_level, silence_deadline, last_communication_at, owner_email, administrator_email, awaiting, public_contact, created_by, created_by_subject, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
         owner_email = ?, administrator_email = ?, awaiting = ?, description = ?, public_contact = ? WHERE id = ? AND version = ?`,
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
