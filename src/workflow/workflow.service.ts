import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  applyProjectEvent,
  availableEvents,
  blockers,
  decisiveDecision,
  isGatedEvent,
  restoreProject,
  startProject,
  stateIdOf,
  storeProject,
  type DecisionOutcome,
  type GatedEventType,
  type GoverningBody,
  type GreenLight,
  type ProjectEvent,
  type ProjectEventType,
  type ProjectInput,
  type ProjectSnapshot,
} from '../../machines/participation-project';
import type { Actor } from '../auth/roles';
import { ApiError, toBlockerView } from '../common/api-error';
import type { DecisionEntity } from '../database/decision.entity';
import type { ProjectEntity } from '../database/project.entity';
import { ProjectStore } from '../database/project-store';
import { TransactionRunner } from '../database/transaction-runner';
import { GENESIS_HASH, nextAuditEntry, type AuditType } from './audit-chain';

export interface NewProject extends ProjectInput {
  title: string;
  description?: string;
}

export interface EventRequest {
  type: ProjectEventType;
  expectedVersion?: number;
  submittedOn?: string;
  reference?: string;
}

export interface NewDecision {
  gate: GatedEventType;
  body: GoverningBody;
  outcome: DecisionOutcome;
  decidedOn: string;
  reference: string;
  documentUrl?: string;
  note?: string;
}

/** A project as it stands after a write, with the decisions still open in its current cycle. */
export interface ProjectState {
  project: ProjectEntity;
  openDecisions: GreenLight[];
}

export function toGreenLight(decision: DecisionEntity): GreenLight {
  return {
    id: decision.id,
    gate: decision.gate as GatedEventType,
    cycle: decision.cycle,
    body: decision.body as GoverningBody,
    outcome: decision.outcome as DecisionOutcome,
    decidedOn: decision.decidedOn,
    recordedAt: decision.recordedAt,
  };
}

export function snapshotOf(project: ProjectEntity): ProjectSnapshot {
  return restoreProject(JSON.parse(project.snapshot));
}

/**
 * The one place where a project changes: load, transition with the pure machine, and
 * persist the new snapshot, the consumed green light and the audit entry in one
 * database transaction.
 */
@Injectable()
export class WorkflowService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly store: ProjectStore,
  ) {}

  createProject(input: NewProject, actor: Actor, now = new Date()): Promise<ProjectState> {
    return this.transactions.run(async (manager) => {
      const snapshot = startProject({ origin: input.origin, politicalSensitivity: input.politicalSensitivity, gateBodies: input.gateBodies });
      const at = now.toISOString();
      const project: ProjectEntity = {
        id: randomUUID(),
        title: input.title,
        description: input.description ?? null,
        origin: input.origin,
        politicalSensitivity: input.politicalSensitivity,
        state: stateIdOf(snapshot),
        cycle: snapshot.context.cycle,
        snapshot: JSON.stringify(storeProject(snapshot)),
        version: 1,
        auditSeq: 0,
        auditHash: GENESIS_HASH,
        createdBy: actor.name,
        createdAt: at,
        updatedAt: at,
      };
      const audit = nextAuditEntry(project, {
        type: 'project-created',
        actor,
        at,
        payload: { title: input.title, origin: input.origin, politicalSensitivity: input.politicalSensitivity, gateBodies: snapshot.context.gateBodies, state: project.state },
      });
      await this.store.insertProject(manager, project);
      await this.store.insertAuditEntry(manager, audit);
      return { project, openDecisions: [] };
    });
  }

  applyEvent(projectId: string, request: EventRequest, actor: Actor, now = new Date()): Promise<ProjectState> {
    return this.transactions.run(async (manager) => {
      const project = await this.lockProject(manager, projectId);
      if (request.expectedVersion !== undefined && request.expectedVersion !== project.version) throw versionConflict(project.version);
      const snapshot = snapshotOf(project);
      const from = stateIdOf(snapshot);
      if (!availableEvents(snapshot).includes(request.type)) {
        throw new ApiError(422, 'event-not-possible', `${request.type} is not possible in state ${from}.`, { state: from });
      }

      const open = await this.store.openDecisions(manager, project.id, snapshot.context.cycle);
      const event: ProjectEvent = isGatedEvent(request.type)
        ? { type: request.type, decisions: open.filter((d) => d.gate === request.type).map(toGreenLight) }
        : { type: 'FORMALLY_SUBMITTED', submittedOn: request.submittedOn, reference: request.reference };
      const found = blockers(snapshot.context, event);
      if (found.length > 0) {
        throw new ApiError(409, 'blocked', `${request.type} is blocked: ${found.map((b) => b.message.en).join(' ')}`, { blockers: found.map(toBlockerView) });
      }

      const next = applyProjectEvent(snapshot, event);
      const greenLight = event.type === 'FORMALLY_SUBMITTED' ? undefined : decisiveDecision(snapshot.context, event.type, event.decisions);
      const consumed = open.find((d) => d.id === greenLight?.id);
      const at = now.toISOString();
      const audit = nextAuditEntry(project, {
        type: (request.type === 'FORMALLY_SUBMITTED' ? 'submission-recorded' : 'transition') satisfies AuditType,
        actor,
        at,
        payload: {
          event: request.type,
          from,
          to: stateIdOf(next),
          cycle: snapshot.context.cycle,
          ...(next.context.cycle !== snapshot.context.cycle && { nextCycle: next.context.cycle }),
          ...(consumed && { greenLight: decisionSummary(consumed) }),
          ...(next.context.submission && !snapshot.context.submission && { submission: next.context.submission }),
        },
      });
      const readVersion = project.version;
      Object.assign(project, { state: stateIdOf(next), cycle: next.context.cycle, snapshot: JSON.stringify(storeProject(next)), version: readVersion + 1, updatedAt: at });
      // Cannot fail while writes are serialised (SQLite) or the row is locked (PostgreSQL); the last line of defence.
      if (!(await this.store.updateProject(manager, project, readVersion))) throw versionConflict(readVersion);
      await this.store.insertAuditEntry(manager, audit);
      if (consumed) await this.store.consumeDecision(manager, consumed.id, at, audit.seq);

      const stillOpen = next.context.cycle === snapshot.context.cycle ? open.filter((d) => d !== consumed).map(toGreenLight) : [];
      return { project, openDecisions: stillOpen };
    });
  }

  recordDecision(projectId: string, decision: NewDecision, actor: Actor, now = new Date()): Promise<DecisionEntity> {
    return this.transactions.run(async (manager) => {
      const project = await this.lockProject(manager, projectId);
      // The stored state and cycle say enough here; no need to restore the machine.
      if (ENDED_STATES.includes(project.state)) {
        throw new ApiError(409, 'project-ended', `The project is ${project.state}; it takes no more decisions.`);
      }
      if (project.state === 'intake' && decision.gate !== 'STOP') {
        throw new ApiError(409, 'initiative-not-submitted', 'Until the initiative is formally submitted the municipality only advises; the only decision it can take is STOP.');
      }
      const at = now.toISOString();
      const entity: DecisionEntity = {
        id: randomUUID(),
        projectId: project.id,
        gate: decision.gate,
        cycle: project.cycle,
        body: decision.body,
        outcome: decision.outcome,
        decidedOn: decision.decidedOn,
        reference: decision.reference,
        documentUrl: decision.documentUrl ?? null,
        note: decision.note ?? null,
        recordedBy: actor.name,
        recordedByRole: actor.role,
        recordedAt: at,
        consumedAt: null,
        consumedByAuditSeq: null,
      };
      const audit = nextAuditEntry(project, { type: 'decision-recorded', actor, at, payload: decisionSummary(entity) });
      await this.store.insertDecision(manager, entity);
      await this.store.insertAuditEntry(manager, audit);
      await this.store.updateChainHead(manager, project);
      return entity;
    });
  }

  private async lockProject(manager: EntityManager, id: string): Promise<ProjectEntity> {
    const project = await this.store.lockProject(manager, id);
    if (!project) throw ApiError.notFound('project', id);
    return project;
  }
}

const ENDED_STATES = ['closed', 'stopped'];

function versionConflict(current: number): ApiError {
  return new ApiError(409, 'version-conflict', 'The project was changed by someone else first; reload it and try again.', { currentVersion: current });
}

function decisionSummary(d: DecisionEntity) {
  return { decisionId: d.id, gate: d.gate, cycle: d.cycle, body: d.body, outcome: d.outcome, decidedOn: d.decidedOn, reference: d.reference, documentUrl: d.documentUrl, note: d.note };
}
