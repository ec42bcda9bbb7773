import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isEndedState } from '../../machines/participation-project';
import { daysSilent, escalate, silenceCounted } from '../../machines/silence/silence.rules';
import type { Actor } from '../auth/roles';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { ProjectEntity } from '../database/project.entity';
import { ProjectStore } from '../database/project-store';
import type { ReminderEntity } from '../database/reminder.entity';
import { TransactionRunner } from '../database/transaction-runner';
import { nextAuditEntry } from './audit-chain';
import { SILENCE_TOPIC } from './workflow.service';

/** The service itself, as the actor of what it does on its own. */
const SYSTEM: Actor = { name: 'interactiewijzer', role: 'admin', roles: ['admin'] };

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
  milestone?: { id: string; title: string; dueAt: string };
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
    private readonly transactions: TransactionRunner,
    private readonly store: ProjectStore,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.dayMs = config.reminders.dayMs;
  }

  claimSilence(projectId: string, dueAt: string, now = new Date()): Promise<Claim> {
    return this.transactions.run(async (manager) => {
      const project = await this.store.lockProject(manager, projectId);
      if (!project) return { action: 'none', reason: 'project-gone' };
      const key = silenceJobId(projectId, dueAt);
      const existing = await this.store.findReminder(manager, key);
      if (existing && existing.status !== 'pending') return { action: 'none', reason: `already-${existing.status}` };
      if (project.silenceDeadline !== dueAt) {
        // Communication resumed (or the window changed, or the project ended) after this job was planned.
        const reason = !silenceCounted(project.state) ? 'project-not-in-a-counted-phase' : 'deadline-moved';
        await this.skip(manager, project, { key, kind: 'silence', dueAt }, now, { reason, currentDeadline: project.silenceDeadline, lastCommunicationAt: project.lastCommunicationAt });
        return { action: 'none', reason };
      }
      const level = project.silenceLevel + 1;
      const recipients = [project.ownerEmail, level > 1 ? project.administratorEmail : null].filter((e): e is string => !!e);
      const reminder: DueReminder = { key, kind: 'silence', projectId, title: project.title, dueAt, level, recipients, daysSilent: daysSilent(project.silenceSince!, now, this.dayMs) };
      await this.markPending(manager, reminder, existing, now);
      return { action: 'deliver', reminder };
    });
  }

  claimMilestone(milestoneId: string, remindAt: string, now = new Date()): Promise<Claim> {
    return this.transactions.run(async (manager) => {
      const milestone = await this.store.findMilestone(manager, milestoneId);
      const project = milestone && (await this.store.lockProject(manager, milestone.projectId));
      if (!milestone || !project) return { action: 'none', reason: 'milestone-gone' };
      const key = milestoneJobId(milestoneId, remindAt);
      const existing = await this.store.findReminder(manager, key);
      if (existing && existing.status !== 'pending') return { action: 'none', reason: `already-${existing.status}` };
      if (milestone.remindAt !== remindAt || isEndedState(project.state)) {
        const reason = milestone.remindAt !== remindAt ? 'milestone-moved' : 'project-ended';
        await this.skip(manager, project, { key, kind: 'milestone', dueAt: remindAt }, now, { reason, milestoneId });
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
        milestone: { id: milestone.id, title: milestone.title, dueAt: milestone.dueAt },
      };
      await this.markPending(manager, reminder, existing, now);
      return { action: 'deliver', reminder };
    });
  }

  /** Records how the delivery ended; a silence reminder then plans its escalation one window later. */
  settle(reminder: DueReminder, outcome: { sent: true; channels: string[] } | { sent: false; error: string }, now = new Date()): Promise<void> {
    return this.transactions.run(async (manager) => {
      const project = await this.store.lockProject(manager, reminder.projectId);
      const row = await this.store.findReminder(manager, reminder.key);
      if (!project || !row || row.status !== 'pending') return;
      const at = now.toISOString();
      Object.assign(row, { status: outcome.sent ? 'sent' : 'failed', lastError: outcome.sent ? null : outcome.error, finishedAt: at });
      await this.store.saveReminder(manager, row, true);
      const audit = nextAuditEntry(project, {
        type: outcome.sent ? 'reminder-sent' : 'reminder-failed',
        actor: SYSTEM,
        at,
        payload: {
          kind: reminder.kind,
          dueAt: reminder.dueAt,
          level: reminder.level,
          recipients: reminder.recipients,
          ...(reminder.daysSilent !== undefined && { daysSilent: reminder.daysSilent }),
          ...(reminder.milestone && { milestone: reminder.milestone }),
          ...(outcome.sent ? { channels: outcome.channels } : { error: outcome.error, attempts: row.attempts }),
        },
      });
      if (reminder.kind === 'milestone') await this.store.markMilestoneReminded(manager, reminder.milestone!.id, at);
      if (reminder.kind === 'silence' && project.silenceDeadline === reminder.dueAt) {
        const next = escalate({ since: project.silenceSince, level: project.silenceLevel, deadline: project.silenceDeadline }, project.silenceWindowDays, this.dayMs);
        project.silenceLevel = next.level;
        project.silenceDeadline = next.deadline;
        if (next.deadline) await this.store.insertOutbox(manager, SILENCE_TOPIC, { projectId: project.id, dueAt: next.deadline }, at);
      }
      await this.store.insertAuditEntry(manager, audit);
      await this.store.updateProjectDetails(manager, project);
    });
  }

  private async markPending(manager: EntityManager, reminder: DueReminder, existing: ReminderEntity | undefined, now: Date): Promise<void> {
    const row = existing ?? reminderRow(reminder.key, reminder.projectId, reminder.kind, reminder.dueAt, reminder.level, 'pending', reminder.recipients, now.toISOString(), null);
    row.attempts += 1;
    await this.store.saveReminder(manager, row, existing !== undefined);
  }

  private async skip(manager: EntityManager, project: ProjectEntity, job: { key: string; kind: string; dueAt: string }, now: Date, details: Record<string, unknown>): Promise<void> {
    const at = now.toISOString();
    await this.store.saveReminder(manager, reminderRow(job.key, project.id, job.kind, job.dueAt, 0, 'skipped', [], at, at), false);
    const audit = nextAuditEntry(project, { type: 'reminder-skipped', actor: SYSTEM, at, payload: { kind: job.kind, dueAt: job.dueAt, ...details } });
    await this.store.insertAuditEntry(manager, audit);
    await this.store.updateChainHead(manager, project);
  }
}

function reminderRow(key: string, projectId: string, kind: string, dueAt: string, level: number, status: ReminderEntity['status'], recipients: string[], at: string, finishedAt: string | null): ReminderEntity {
  return { key, projectId, kind, dueAt, level, status, recipients: JSON.stringify(recipients), attempts: 0, lastError: null, createdAt: at, finishedAt };
}
