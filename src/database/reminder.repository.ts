import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { MilestoneEntity } from './milestone.entity';
import type { ReminderEntity } from './reminder.entity';
import { placeholders, SqlRepository } from './sql-repository';

const REMINDER_COLUMNS = `"key", project_id AS "projectId", kind, due_at AS "dueAt", level, status, recipients, attempts, last_error AS "lastError",
  created_at AS "createdAt", finished_at AS "finishedAt"`;

const MILESTONE_COLUMNS = `id, project_id AS "projectId", title, due_at AS "dueAt", remind_days_before AS "remindDaysBefore", remind_at AS "remindAt",
  reminded_at AS "remindedAt", only_if_unanswered AS "onlyIfUnanswered", public, created_by AS "createdBy", created_at AS "createdAt"`;

/** A reminder as the API and the pages show it: its recipients a list. */
export type ReminderView = Omit<ReminderEntity, 'projectId' | 'recipients'> & { recipients: string[] };

/** SQLite keeps a boolean as 0 or 1. */
const milestone = (row: MilestoneEntity): MilestoneEntity => ({ ...row, onlyIfUnanswered: Boolean(row.onlyIfUnanswered), public: Boolean(row.public) });

/** Reminders (one row per due job, claimed then settled) and the milestones they remind of. */
@Injectable()
export class ReminderRepository extends SqlRepository {
  async insertMilestone(manager: EntityManager, m: MilestoneEntity): Promise<void> {
    await this.run(
      manager,
      'INSERT INTO milestones (tenant_id, id, project_id, title, due_at, remind_days_before, remind_at, reminded_at, only_if_unanswered, public, created_by, created_at) VALUES (@tenant, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [m.id, m.projectId, m.title, m.dueAt, m.remindDaysBefore, m.remindAt, m.remindedAt, this.flag(m.onlyIfUnanswered), this.flag(m.public), m.createdBy, m.createdAt],
    );
  }

  async findMilestone(manager: EntityManager, id: string): Promise<MilestoneEntity | undefined> {
    const [row] = await this.run<MilestoneEntity>(
      manager,
      `SELECT id, project_id AS "projectId", title, due_at AS "dueAt", remind_days_before AS "remindDaysBefore", remind_at AS "remindAt",
         reminded_at AS "remindedAt", only_if_unanswered AS "onlyIfUnanswered", created_by AS "createdBy", created_at AS "createdAt" FROM milestones WHERE tenant_id = @tenant AND id = ?`,
      [id],
    );
    return row;
  }

  /** A project's milestones, soonest first; with `onlyPublic` those residents may see, due after `after`. */
  async milestonesOf(projectId: string, only: { public: true; after: string } | null = null): Promise<MilestoneEntity[]> {
    const rows = only
      ? await this.read<MilestoneEntity>(`SELECT ${MILESTONE_COLUMNS} FROM milestones WHERE tenant_id = @tenant AND project_id = ? AND public = ? AND due_at > ? ORDER BY due_at, id`, [projectId, this.flag(true), only.after])
      : await this.read<MilestoneEntity>(`SELECT ${MILESTONE_COLUMNS} FROM milestones WHERE tenant_id = @tenant AND project_id = ? ORDER BY due_at, id`, [projectId]);
    return rows.map(milestone);
  }

  /** The milestones of these projects due from `from` up to and including `until`, soonest first (Vandaag). */
  async milestonesDue(projectIds: readonly string[], from: string, until: string): Promise<MilestoneEntity[]> {
    if (projectIds.length === 0) return [];
    return (await this.read<MilestoneEntity>(`SELECT ${MILESTONE_COLUMNS} FROM milestones WHERE tenant_id = @tenant AND project_id IN (${placeholders(projectIds)}) AND due_at >= ? AND due_at <= ? ORDER BY due_at, id`, [...projectIds, from, until])).map(milestone);
  }

  /** A project's reminders, oldest or newest first. */
  async remindersOf(projectId: string, order: 'oldest' | 'newest'): Promise<ReminderView[]> {
    const direction = order === 'oldest' ? 'ASC' : 'DESC';
    const rows = await this.read<ReminderEntity>(`SELECT ${REMINDER_COLUMNS} FROM reminders WHERE tenant_id = @tenant AND project_id = ? ORDER BY due_at ${direction}, created_at ${direction}`, [projectId]);
    return rows.map(({ projectId: _projectId, recipients, ...r }) => ({ ...r, recipients: JSON.parse(recipients) as string[] }));
  }

  /** A page of the pending silence deadlines, by project id after `afterId`, for reconciling the jobs with Redis. */
  async pendingSilences(afterId: string, limit: number): Promise<Array<{ projectId: string; dueAt: string }>> {
    return this.read('SELECT id AS "projectId", silence_deadline AS "dueAt" FROM projects WHERE tenant_id = @tenant AND silence_deadline IS NOT NULL AND id > ? ORDER BY id LIMIT ?', [afterId, limit]);
  }

  /** Every milestone not reminded yet of a project that has not ended (`endedStates`), for reconciling. */
  async milestonesToRemind(endedStates: readonly string[]): Promise<Array<{ milestoneId: string; remindAt: string }>> {
    return this.read(
      `SELECT m.id AS "milestoneId", m.remind_at AS "remindAt" FROM milestones m JOIN projects p ON p.id = m.project_id AND p.tenant_id = m.tenant_id WHERE m.tenant_id = @tenant AND m.reminded_at IS NULL AND p.state NOT IN (${placeholders(endedStates)})`,
      [...endedStates],
    );
  }

  async markMilestoneReminded(manager: EntityManager, id: string, at: string): Promise<void> {
    await this.run(manager, 'UPDATE milestones SET reminded_at = ? WHERE tenant_id = @tenant AND id = ?', [at, id]);
  }

  async findReminder(manager: EntityManager, key: string): Promise<ReminderEntity | undefined> {
    const [row] = await this.run<ReminderEntity>(manager, `SELECT ${REMINDER_COLUMNS} FROM reminders WHERE tenant_id = @tenant AND "key" = ?`, [key]);
    return row;
  }

  async saveReminder(manager: EntityManager, r: ReminderEntity, exists: boolean): Promise<void> {
    if (exists) {
      await this.run(manager, 'UPDATE reminders SET status = ?, recipients = ?, attempts = ?, last_error = ?, finished_at = ? WHERE tenant_id = @tenant AND "key" = ?', [
        r.status, r.recipients, r.attempts, r.lastError, r.finishedAt, r.key,
      ]);
      return;
    }
    await this.run(
      manager,
      'INSERT INTO reminders (tenant_id, "key", project_id, kind, due_at, level, status, recipients, attempts, last_error, created_at, finished_at) VALUES (@tenant, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [r.key, r.projectId, r.kind, r.dueAt, r.level, r.status, r.recipients, r.attempts, r.lastError, r.createdAt, r.finishedAt],
    );
  }
}
