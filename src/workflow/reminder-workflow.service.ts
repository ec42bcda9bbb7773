import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from '../database/transaction-runner';
import { guideOf, isEndedState } from '../../machines/participation-project';
import { daysSilent, escalate, silenceRecipients } from '../../machines/silence/silence.rules';
import { SYSTEM_ACTOR } from '../auth/roles';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ApiError } from '../common/api-error';
import { FileRepository } from '../database/file.repository';
import { ReminderRepository } from '../database/reminder.repository';
import type { ReminderEntity } from '../database/reminder.entity';
import { TransactionRunner } from '../database/transaction-runner';
import { ANY_STATE, UnitOfWork, type ProjectUnit } from './unit-of-work';
import { clockOf, contextOf, isCounting, setClock, SILENCE_TOPIC } from './workflow.service';


// BullMQ job ids may not contain ":", so moments go in as epoch milliseconds.
export const silenceJobId = (projectId: string, dueAt: string) => `silence-${projectId}-${Date.parse(dueAt)}`;
export const milestoneJobId = (milestoneId: string, remindAt: string) => `milestone-${milestoneId}-${Date.parse(remindAt)}`;

/** A reminder that is due and may go out: everything the delivery needs, read from the database. */
export interface DueReminder {
  key: string;
  kind: 'silence' | 'milestone';
  projectId: string;
  title: string;
  dueAt: string;
  /** Silence: 1 the first reminder (process manager), 2 and up escalations (also the commissioning administrator). Milestones: 1. */
  level: number;
  recipients: string[];
  daysSilent?: number;
  /** `unanswered`: the reminder of a decision milestone that goes out only while zienswijzen await their answer. */
  milestone?: { id: string; title: string; dueAt: string; unanswered?: number };
}

export type Claim = { action: 'deliver'; reminder: DueReminder } | { action: 'none'; reason: string };

/**
 * What a due job may do, decided against the database (the source of truth): claim the
 * reminder before delivery, settle it after; each step in one transaction with its audit entry.
 */
@Injectable()
export class ReminderWorkflow {
  private readonly dayMs: number;

  constructor(
    private readonly units: UnitOfWork,
    private readonly transactions: TransactionRunner,
    private readonly reminders: ReminderRepository,
    private readonly files: FileRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.dayMs = config.reminders.dayMs;
  }

  claimSilence(projectId: string, dueAt: string, now = new Date()): Promise<Claim> {
    return this.onProject<Claim>(projectId, { action: 'none', reason: 'project-gone' }, now, async (unit) => {
      const { manager, project } = unit;
      const key = silenceJobId(projectId, dueAt);
      const existing = await this.reminders.findReminder(manager, key);
      if (existing && existing.status !== 'pending') return { action: 'none', reason: `already-${existing.status}` };
      if (project.silenceDeadline !== dueAt) {
        // Communication resumed (or the window changed, or the project ended) after this job was planned.
        const reason = !isCounting(project) ? 'project-not-in-a-counted-phase' : 'deadline-moved';
        await this.skip(unit, existing, { key, kind: 'silence', dueAt }, { reason, currentDeadline: project.silenceDeadline, lastCommunicationAt: project.lastCommunicationAt });
        return { action: 'none', reason };
      }
      const level = project.silenceLevel + 1;
      const recipients = silenceRecipients(level, { owner: project.ownerEmail, administrator: project.administratorEmail }, guideOf(contextOf(project)).silence.escalateFrom);
      const reminder: DueReminder = { key, kind: 'silence', projectId, title: project.title, dueAt, level, recipients, daysSilent: daysSilent(project.silenceSince!, now, this.dayMs) };
      await this.markPending(manager, reminder, existing, now);
      return { action: 'deliver', reminder };
    });
  }

  async claimMilestone(milestoneId: string, remindAt: string, now = new Date()): Promise<Claim> {
    const milestone = await this.transactions.run((manager) => this.reminders.findMilestone(manager, milestoneId));
    if (!milestone) return { action: 'none', reason: 'milestone-gone' };
    return this.onProject<Claim>(milestone.projectId, { action: 'none', reason: 'milestone-gone' }, now, async (unit) => {
      const { manager, project } = unit;
      const key = milestoneJobId(milestoneId, remindAt);
      const existing = await this.reminders.findReminder(manager, key);
      if (existing && existing.status !== 'pending') return { action: 'none', reason: `already-${existing.status}` };
      // Before a planned decision the owner hears of zienswijzen still unanswered, and only then.
      const unanswered = milestone.onlyIfUnanswered ? ((await this.files.inspections(manager, [project.id])).find((i) => i.cycle === project.cycle)?.unanswered ?? 0) : undefined;
      if (milestone.remindAt !== remindAt || isEndedState(project.state) || unanswered === 0) {
        const reason = milestone.remindAt !== remindAt ? 'milestone-moved' : isEndedState(project.state) ? 'project-ended' : 'no-unanswered-reactions';
        await this.skip(unit, existing, { key, kind: 'milestone', dueAt: remindAt }, { reason, milestoneId });
        return { action: 'none', reason };
      }
      const reminder: DueReminder = {
        key,
        kind: 'milestone',
        projectId: project.id,
        title: project.title,
        dueAt: remindAt,
        level: 1,
        recipients: project.ownerEmail ? [project.ownerEmail] : [],
        milestone: { id: milestone.id, title: milestone.title, dueAt: milestone.dueAt, ...(unanswered !== undefined && { unanswered }) },
      };
      await this.markPending(manager, reminder, existing, now);
      return { action: 'deliver', reminder };
    });
  }

  /** Records how the delivery ended; a silence reminder then plans its escalation one window later. */
  settle(reminder: DueReminder, outcome: { sent: true; channels: string[] } | { sent: false; error: string }, now = new Date()): Promise<void> {
    return this.onProject<void>(reminder.projectId, undefined, now, async (unit) => {
      const { manager, project, at } = unit;
      const row = await this.reminders.findReminder(manager, reminder.key);
      if (!row || row.status !== 'pending') return;
      Object.assign(row, { status: outcome.sent ? 'sent' : 'failed', lastError: outcome.sent ? null : outcome.error, finishedAt: at });
      await this.reminders.saveReminder(manager, row, true);
      unit.audit(outcome.sent ? 'reminder-sent' : 'reminder-failed', {
        kind: reminder.kind,
        dueAt: reminder.dueAt,
        level: reminder.level,
        recipients: reminder.recipients,
        ...(reminder.daysSilent !== undefined && { daysSilent: reminder.daysSilent }),
        ...(reminder.milestone && { milestone: reminder.milestone }),
        ...(outcome.sent ? { channels: outcome.channels } : { error: outcome.error, attempts: row.attempts }),
      });
      if (reminder.kind === 'milestone') await this.reminders.markMilestoneReminded(manager, reminder.milestone!.id, at);
      if (reminder.kind === 'silence' && project.silenceDeadline === reminder.dueAt) {
        const next = escalate(clockOf(project), project.silenceWindowDays, this.dayMs, unit.now);
        setClock(project, next);
        if (next.deadline) unit.outbox(SILENCE_TOPIC, { projectId: project.id, dueAt: next.deadline });
      }
    });
  }

  /** A unit of work of the service itself; a project that is gone answers `gone` instead of a 404. */
  private async onProject<T>(projectId: string, gone: T, now: Date, work: (unit: ProjectUnit) => Promise<T>): Promise<T> {
    try {
      return await this.units.withProject(projectId, SYSTEM_ACTOR, ANY_STATE, work, now);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return gone;
      throw error;
    }
  }

  private async markPending(manager: EntityManager, reminder: DueReminder, existing: ReminderEntity | undefined, now: Date): Promise<void> {
    const row = existing ?? reminderRow(reminder.key, reminder.projectId, reminder.kind, reminder.dueAt, reminder.level, 'pending', reminder.recipients, now.toISOString(), null);
    row.attempts += 1;
    await this.reminders.saveReminder(manager, row, existing !== undefined);
  }

  /**
   * The job is stale. A row may exist already: a delivery that failed and is retried after a
   * communication moved the deadline left it pending, and it is now settled as skipped.
   */
  private async skip(unit: ProjectUnit, existing: ReminderEntity | undefined, job: { key: string; kind: string; dueAt: string }, details: Record<string, unknown>): Promise<void> {
    const row = existing ? { ...existing, status: 'skipped' as const, finishedAt: unit.at } : reminderRow(job.key, unit.project.id, job.kind, job.dueAt, 0, 'skipped', [], unit.at, unit.at);
    await this.reminders.saveReminder(unit.manager, row, existing !== undefined);
    unit.audit('reminder-skipped', { kind: job.kind, dueAt: job.dueAt, ...details });
  }
}

function reminderRow(key: string, projectId: string, kind: string, dueAt: string, level: number, status: ReminderEntity['status'], recipients: string[], at: string, finishedAt: string | null): ReminderEntity {
  return { key, projectId, kind, dueAt, level, status, recipients: JSON.stringify(recipients), attempts: 0, lastError: null, createdAt: at, finishedAt };
}
