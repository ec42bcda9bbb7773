import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
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
  type GatedEventType,
  type GoverningBody,
  type DecisionOutcome,
  type GreenLight,
  type ProjectEvent,
  type ProjectEventType,
  type ProjectInput,
  type ProjectSnapshot,
} from '../../machines/participation-project';
import type { Actor } from '../auth/roles';
import { ApiError, toBlockerView } from '../common/api-error';
import { DecisionEntity } from '../database/decision.entity';
import { ProjectEntity } from '../database/project.entity';
import { TransactionRunner } from '../database/transaction-runner';
import { appendAudit, GENESIS_HASH } from './audit-chain';

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
 * The one place where a project changes: load, transition with the pure machine,
 * and persist the new snapshot, the consumed green light and the audit entry in
 * one database transaction.
 */
@Injectable()
export class WorkflowService {
  constructor(private readonly transactions: TransactionRunner) {}

  createProject(input: NewProject, actor: Actor, now = new Date()): Promise<ProjectEntity> {
    return this.transactions.run(async (manager) => {
      const snapshot = startProject({ origin: input.origin, politicalSensitivity: input.politicalSensitivity, gateBodies: input.gateBodies });
      const at = now.toISOString();
      const project = manager.getRepository(ProjectEntity).create({
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
      });
      await manager.getRepository(ProjectEntity).insert(project);
      await appendAudit(manager, project, {
        type: 'project-created',
        actor,
        at,
        payload: { title: input.title, origin: input.origin, politicalSensitivity: input.politicalSensitivity, gateBodies: snapshot.context.gateBodies, state: project.state },
      });
      await this.saveChainHead(manager, project);
      return project;
    });
  }

  applyEvent(projectId: string, request: EventRequest, actor: Actor, now = new Date()): Promise<ProjectEntity> {
    return this.transactions.run(async (manager) => {
      const project = await this.lockProject(manager, projectId);
      if (request.expectedVersion !== undefined && request.expectedVersion !== project.version) {
        throw versionConflict(project.version);
      }
      const snapshot = snapshotOf(project);
      const from = stateIdOf(snapshot);
      if (!availableEvents(snapshot).includes(request.type)) {
        throw new ApiError(422, 'event-not-possible', `${request.type} is not possible in state ${from}.`, { state: from });
      }
      const openDecisions = isGatedEvent(request.type) ? await this.openDecisions(manager, project.id, snapshot.context.cycle, request.type) : [];
      const event: ProjectEvent = isGatedEvent(request.type)
        ? { type: request.type, decisions: openDecisions.map(toGreenLight) }
        : { type: 'FORMALLY_SUBMITTED', submittedOn: request.submittedOn, reference: request.reference };
      const found = blockers(snapshot.context, event);
      if (found.length > 0) {
        throw new ApiError(409, 'blocked', `${request.type} is blocked: ${found.map((b) => b.message.en).join(' ')}`, { blockers: found.map(toBlockerView) });
      }

      const next = applyProjectEvent(snapshot, event);
      const greenLight = event.type === 'FORMALLY_SUBMITTED' ? undefined : decisiveDecision(snapshot.context, event.type, event.decisions);
      const consumed = openDecisions.find((d) => d.id === greenLight?.id);
      const at = now.toISOString();
      const audit = await appendAudit(manager, project, {
        type: request.type === 'FORMALLY_SUBMITTED' ? 'submission-recorded' : 'transition',
        actor,
        at,
        payload: {
          event: request.type,
          from,
          to: stateIdOf(next),
          cycle: snapshot.context.cycle,
          ...(next.context.cycle !== snapshot.context.cycle && { nextCycle: next.context.cycle }),
          ...(consumed && { greenLight: greenLightSummary(consumed) }),
          ...(next.context.submission && !snapshot.context.submission && { submission: next.context.submission }),
        },
      });
      const previousVersion = project.version;
      Object.assign(project, {
        state: stateIdOf(next),
        cycle: next.context.cycle,
        snapshot: JSON.stringify(storeProject(next)),
        version: previousVersion + 1,
        updatedAt: at,
      });
      const { affected } = await manager
        .getRepository(ProjectEntity)
        .update({ id: project.id, version: previousVersion }, { state: project.state, cycle: project.cycle, snapshot: project.snapshot, version: project.version, updatedAt: at, auditSeq: project.auditSeq, auditHash: project.auditHash });
      // Unreachable while writes are serialised or the row is locked; kept as the last line of defence.
      if (affected !== 1) throw versionConflict(previousVersion);
      if (consumed) {
        await manager.getRepository(DecisionEntity).update({ id: consumed.id }, { consumedAt: at, consumedByAuditSeq: audit.seq });
      }
      return project;
    });
  }

  recordDecision(projectId: string, decision: NewDecision, actor: Actor, now = new Date()): Promise<DecisionEntity> {
    return this.transactions.run(async (manager) => {
      const project = await this.lockProject(manager, projectId);
      const snapshot = snapshotOf(project);
      if (snapshot.status === 'done') {
        throw new ApiError(409, 'project-ended', `The project is ${stateIdOf(snapshot)}; it takes no more decisions.`);
      }
      if (stateIdOf(snapshot) === 'intake' && decision.gate !== 'STOP') {
        throw new ApiError(409, 'initiative-not-submitted', 'Until the initiative is formally submitted the municipality only advises; the only decision it can take is STOP.');
      }
      const at = now.toISOString();
      const entity = manager.getRepository(DecisionEntity).create({
        id: randomUUID(),
        projectId: project.id,
        gate: decision.gate,
        cycle: snapshot.context.cycle,
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
      });
      await manager.getRepository(DecisionEntity).insert(entity);
      await appendAudit(manager, project, { type: 'decision-recorded', actor, at, payload: greenLightSummary(entity) });
      await this.saveChainHead(manager, project);
      return entity;
    });
  }

  /** The project row, locked against concurrent writers where the database has row locks. */
  private async lockProject(manager: EntityManager, id: string): Promise<ProjectEntity> {
    const project = await manager.getRepository(ProjectEntity).findOne({
      where: { id },
      ...(this.transactions.locksRows && { lock: { mode: 'pessimistic_write' as const } }),
    });
    if (!project) throw ApiError.notFound('project', id);
    return project;
  }

  private openDecisions(manager: EntityManager, projectId: string, cycle: number, gate: GatedEventType): Promise<DecisionEntity[]> {
    return manager.getRepository(DecisionEntity).find({ where: { projectId, cycle, gate, consumedAt: IsNull() } });
  }

  private async saveChainHead(manager: EntityManager, project: ProjectEntity): Promise<void> {
    await manager.getRepository(ProjectEntity).update({ id: project.id }, { auditSeq: project.auditSeq, auditHash: project.auditHash });
  }
}

function versionConflict(current: number): ApiError {
  return new ApiError(409, 'version-conflict', 'The project was changed by someone else first; reload it and try again.', { currentVersion: current });
}

function greenLightSummary(d: DecisionEntity) {
  return { decisionId: d.id, gate: d.gate, cycle: d.cycle, body: d.body, outcome: d.outcome, decidedOn: d.decidedOn, reference: d.reference, documentUrl: d.documentUrl, note: d.note };
}
