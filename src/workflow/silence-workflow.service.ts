import { Inject, Injectable } from '@nestjs/common';
import { daysSilent, escalate, silenceCounted } from '../../machines/silence/silence.rules';
import type { Actor } from '../auth/roles';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ProjectStore } from '../database/project-store';
import type { ReminderEntity } from '../database/reminder.entity';
import { TransactionRunner } from '../database/transaction-runner';
import { nextAuditEntry } from './audit-chain';
import { SILENCE_TOPIC } from './workflow.service';

/** The service itself, as the actor of what it does on its own. */
const SYSTEM: Actor = { name: 'interactiewijzer', role: 'admin', roles: ['admin'] };

export interface SilenceReminder {
  key: string;
  projectId: string;
  title: string;
  dueAt: string;
  /** 1: the first reminder, to the process manager; 2 and up: escalation, also to the commissioning administrator. */
  level: number;
  daysSilent: number;
  recipients: string[];
}

export type Claim = { action: 'deliver'; reminder: SilenceReminder } | { action: 'none'; reason: string };

// BullMQ job ids may not contain ":", so the deadline goes in as epoch milliseconds.
export const silenceJobId = (projectId: string, dueAt: string) => `silence-${projectId}-${Date.parse(dueAt)}`;

/**
 * What a due silence job may do, decided against the database (the source of truth):
 * claim it before delivery, settle it after. Both in one transaction with their audit entry.
 */
@Injectable()
export class SilenceWorkflow {
  private readonly dayMs: number;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly store: ProjectStore,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.dayMs = config.reminders.dayMs;
  }

  claim(projectId: string, dueAt: string, now = new Date()): Promise<Claim> {
    return this.transactions.run(async (manager) => {
      const project = await this.store.lockProject(manager, projectId);
      if (!project) return { action: 'none', reason: 'project-gone' };
      const key = silenceJobId(projectId, dueAt);
      const existing = await this.store.findReminder(manager, key);
      if (existing && existing.status !== 'pending') return { action: 'none', reason: `already-${existing.status}` };
      const at = now.toISOString();

      if (project.silenceDeadline !== dueAt) {
        // Communication resumed (or the window changed, or the project ended) after this job was planned.
        const reason = !silenceCounted(project.state) ? 'project-not-in-a-counted-phase' : 'deadline-moved';
        await this.store.saveReminder(manager, reminderRow(key, projectId, dueAt, 0, 'skipped', [], at, at), false);
        const audit = nextAuditEntry(project, {
          type: 'reminder-skipped',
          actor: SYSTEM,
          at,
          payload: { dueAt, reason, currentDeadline: project.silenceDeadline, lastCommunicationAt: project.lastCommunicationAt },
        });
        await this.store.insertAuditEntry(manager, audit);
        await this.store.updateChainHead(manager, project);
        return { action: 'none', reason };
      }

      const level = project.silenceLevel + 1;
      const recipients = [project.ownerEmail, level > 1 ? project.administratorEmail : null].filter((e): e is string => !!e);
      const row = existing ?? reminderRow(key, projectId, dueAt, level, 'pending', recipients, at, null);
      row.attempts += 1;
      await this.store.saveReminder(manager, row, existing !== undefined);
      return {
        action: 'deliver',
        reminder: { key, projectId, title: project.title, dueAt, level, daysSilent: daysSilent(project.silenceSince!, now, this.dayMs), recipients },
      };
    });
  }

  /** Records how the delivery ended and plans the next escalation one window later. */
  settle(reminder: SilenceReminder, outcome: { sent: true; channels: string[] } | { sent: false; error: string }, now = new Date()): Promise<void> {
    return this.transactions.run(async (manager) => {
      const project = await this.store.lockProject(manager, reminder.projectId);
      const row = await this.store.findReminder(manager, reminder.key);
      if (!project || !row || row.status !== 'pending') return;
      const at = now.toISOString();
      row.status = outcome.sent ? 'sent' : 'failed';
      row.lastError = outcome.sent ? null : outcome.error;
      row.finishedAt = at;
      await this.store.saveReminder(manager, row, true);
      const audit = nextAuditEntry(project, {
        type: outcome.sent ? 'reminder-sent' : 'reminder-failed',
        actor: SYSTEM,
        at,
        payload: {
          dueAt: reminder.dueAt,
          level: reminder.level,
          daysSilent: reminder.daysSilent,
          recipients: reminder.recipients,
          ...(outcome.sent ? { channels: outcome.channels } : { error: outcome.error, attempts: row.attempts }),
        },
      });
      if (project.silenceDeadline === reminder.dueAt) {
        const next = escalate({ since: project.silenceSince, level: project.silenceLevel, deadline: project.silenceDeadline }, project.silenceWindowDays, this.dayMs);
        project.silenceLevel = next.level;
        project.silenceDeadline = next.deadline;
        if (next.deadline) await this.store.insertOutbox(manager, SILENCE_TOPIC, { projectId: project.id, dueAt: next.deadline }, at);
      }
      await this.store.insertAuditEntry(manager, audit);
      await this.store.updateProjectDetails(manager, project);
    });
  }
}

function reminderRow(key: string, projectId: string, dueAt: string, level: number, status: ReminderEntity['status'], recipients: string[], at: string, finishedAt: string | null): ReminderEntity {
  return { key, projectId, kind: 'silence', dueAt, level, status, recipients: JSON.stringify(recipients), attempts: 0, lastError: null, createdAt: at, finishedAt };
}
