import { Injectable } from '@nestjs/common';
import type { EntityManager } from '../database/transaction-runner';
import { isEndedState, inIntake } from '../../machines/participation-project';
import type { Actor } from '../auth/roles';
import { ApiError } from '../common/api-error';
import type { AuditEntryEntity } from '../database/audit-entry.entity';
import { OutboxRepository } from '../database/outbox.repository';
import { currentRequestId } from '../logging/logging';
import type { ProjectEntity } from '../database/project.entity';
import { ProjectRepository } from '../database/project.repository';
import { TrailRepository } from '../database/trail.repository';
import { TransactionRunner } from '../database/transaction-runner';
import { nextAuditEntry, type AuditType } from './audit-chain';

export type AuditEntry = Omit<AuditEntryEntity, 'id'>;

/** What a unit of work may do to its project: change the locked row, append audit entries and outbox rows. */
export interface ProjectUnit {
  readonly manager: EntityManager;
  /** The locked row; the work changes its fields, the unit writes them once. */
  readonly project: ProjectEntity;
  /** Who asked for this write. */
  readonly actor: Actor;
  readonly now: Date;
  /** `now` as stored. */
  readonly at: string;
  /** The next entry of the project's chain (written after the work); the actor is the unit's unless given. */
  audit(type: AuditType, payload: Record<string, unknown>, actor?: Actor): AuditEntry;
  /** Work for Redis, relayed after commit. */
  outbox(topic: string, payload: object): void;
}

/** Whether the project, as it stands, admits this write; a refusal says why. */
export type Precondition = (project: ProjectEntity) => ApiError | null;

/** Any state will do (the reminders decide for themselves what a stale job means). */
export const ANY_STATE: Precondition = () => null;

/** The project has not ended (closed or stopped). */
export const running =
  (refusal: string): Precondition =>
  (project) =>
    isEndedState(project.state) ? new ApiError(409, 'project-ended', `The project is ${project.state}; ${refusal}.`) : null;

/** Running, and past intake: until an initiative is formally submitted the municipality only advises. */
export const runningAndSubmitted =
  (refusal: string, inIntakeRefusal: string): Precondition =>
  (project) =>
    running(refusal)(project) ?? (inIntake(project.state) ? new ApiError(409, 'initiative-not-submitted', inIntakeRefusal) : null);

/**
 * The one unit of work for every write to a project: it locks the row, checks the state
 * precondition, lets the work change the row and append audit entries and outbox rows, then
 * writes the row (chain head included), the entries and the outbox rows exactly once, all in
 * one database transaction.
 *
 * The rule the group-commit runner depends on: a unit of work awaits nothing but the database.
 * On SQLite the units of one group share one connection, one after another; a unit that waited
 * for anything else (Redis, HTTP, a timer) would stall the whole group. TransactionRunner
 * asserts it.
 */
@Injectable()
export class UnitOfWork {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly projects: ProjectRepository,
    private readonly trail: TrailRepository,
    private readonly outboxRows: OutboxRepository,
  ) {}

  withProject<T>(id: string, actor: Actor, precondition: Precondition, work: (unit: ProjectUnit) => Promise<T>, now = new Date()): Promise<T> {
    return this.transactions.run(async (manager) => {
      const project = await this.projects.lock(manager, id);
      if (!project) throw ApiError.notFound('project', id);
      const refusal = precondition(project);
      if (refusal) throw refusal;
      const readVersion = project.version;
      const asRead = JSON.stringify(project);
      return this.complete(manager, project, actor, now, work, async () => {
        // A unit that changed nothing (a reminder claimed, a stale job skipped without an entry) leaves the row alone.
        if (JSON.stringify(project) === asRead) return;
        // Cannot fail while writes are serialised (SQLite) or the row is locked (PostgreSQL); the last line of defence.
        if (!(await this.projects.save(manager, project, readVersion))) throw versionConflict(readVersion);
      });
    });
  }

  /** A new project: its row and its first entries, in one transaction. */
  createProject<T>(project: ProjectEntity, actor: Actor, work: (unit: ProjectUnit) => Promise<T>, now = new Date()): Promise<T> {
    return this.transactions.run((manager) => this.complete(manager, project, actor, now, work, () => this.projects.insert(manager, project)));
  }

  private async complete<T>(manager: EntityManager, project: ProjectEntity, actor: Actor, now: Date, work: (unit: ProjectUnit) => Promise<T>, writeRow: () => Promise<void>): Promise<T> {
    const at = now.toISOString();
    const entries: AuditEntry[] = [];
    const outbox: Array<{ topic: string; payload: unknown }> = [];
    const requestId = currentRequestId();
    const result = await work({
      manager,
      project,
      actor,
      now,
      at,
      audit: (type, payload, by = actor) => {
        const entry = nextAuditEntry(project, { type, actor: by, at, payload });
        entries.push(entry);
        return entry;
      },
      // The job names the request that queued it, so its log lines can be found with the request's (issue 22).
      outbox: (topic, payload) => void outbox.push({ topic, payload: { ...payload, ...(requestId && { requestId }) } }),
    });
    if (entries.length > 0) project.updatedAt = at;
    await writeRow();
    for (const entry of entries) await this.trail.append(manager, entry);
    for (const row of outbox) await this.outboxRows.add(manager, row.topic, row.payload, at);
    return result;
  }
}

export function versionConflict(current: number): ApiError {
  return new ApiError(409, 'version-conflict', 'The project was changed by someone else first; reload it and try again.', { currentVersion: current });
}
