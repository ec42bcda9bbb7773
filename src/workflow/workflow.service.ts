import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  applyProjectEvent,
  availableEvents,
  blockers,
  decisiveDecision,
  isEndedState,
  emptyDossier,
  isGatedEvent,
  levelWarnings,
  needsFile,
  PHASES,
  restoreProject,
  startProject,
  stateIdOf,
  storeProject,
  type DecisionOutcome,
  type Phase,
  type Plan,
  type GatedEventType,
  type GoverningBody,
  type GreenLight,
  type ProjectEvent,
  type ProjectEventType,
  type ProjectInput,
  type ProjectSnapshot,
} from '../../machines/participation-project';
import { restartSilence, silenceCounted, silenceDeadline, type SilenceClock } from '../../machines/silence/silence.rules';
import type { Actor } from '../auth/roles';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ApiError, toBlockerView } from '../common/api-error';
import type { CommunicationEntity } from '../database/communication.entity';
import type { DecisionEntity } from '../database/decision.entity';
import type { MilestoneEntity } from '../database/milestone.entity';
import type { ProjectEntity } from '../database/project.entity';
import { ProjectStore } from '../database/project-store';
import { TransactionRunner } from '../database/transaction-runner';
import { GENESIS_HASH, nextAuditEntry, type AuditType } from './audit-chain';
import { dutchDay, loadProjectFiles, type ProjectFile } from './dossier';

export interface ProjectSettings {
  silenceWindowDays?: number;
  ownerEmail?: string | null;
  administratorEmail?: string | null;
}

export interface NewProject extends ProjectInput, ProjectSettings {
  title: string;
  description?: string;
}

export interface NewMilestone {
  title: string;
  dueAt: string;
  remindDaysBefore?: number;
}

export interface NewCommunication {
  occurredAt?: string;
  channel: string;
  audience: string;
  summary: string;
  /** This communication told participants the (planned) level of this phase and what it means (§1.3). */
  announcesLevelOf?: Phase;
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
  justification?: string;
}

/** A project as it stands after a write, with the decisions still open in its current cycle. */
export interface ProjectState {
  project: ProjectEntity;
  openDecisions: GreenLight[];
  /** The project's file as the write saw it, when it still holds after the write (the view needs it; no second read). */
  file?: ProjectFile;
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
    justification: decision.justification,
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
  private readonly dayMs: number;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly store: ProjectStore,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.dayMs = config.reminders.dayMs;
  }

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
        silenceWindowDays: input.silenceWindowDays ?? 14,
        silenceSince: null,
        silenceLevel: 0,
        silenceDeadline: null,
        lastCommunicationAt: null,
        ownerEmail: input.ownerEmail ?? null,
        administratorEmail: input.administratorEmail ?? null,
        createdBy: actor.name,
        createdAt: at,
        updatedAt: at,
      };
      const audit = nextAuditEntry(project, {
        type: 'project-created',
        actor,
        at,
        payload: {
          title: input.title,
          origin: input.origin,
          politicalSensitivity: input.politicalSensitivity,
          gateBodies: snapshot.context.gateBodies,
          state: project.state,
          silenceWindowDays: project.silenceWindowDays,
        },
      });
      await this.store.insertProject(manager, project);
      await this.store.insertAuditEntry(manager, audit);
      return { project, openDecisions: [], file: { dossier: emptyDossier(dutchDay(now)), documents: {} } };
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
      // The file is read only for the steps whose rules look at it.
      const file = isGatedEvent(request.type) && needsFile(request.type) ? (await loadProjectFiles(this.store, manager, [project], now)).get(project.id)! : undefined;
      const event: ProjectEvent = isGatedEvent(request.type)
        ? { type: request.type, decisions: open.filter((d) => d.gate === request.type).map(toGreenLight), dossier: file?.dossier ?? emptyDossier(dutchDay(now)) }
        : { type: 'FORMALLY_SUBMITTED', submittedOn: request.submittedOn, reference: request.reference };
      const found = blockers(snapshot.context, event);
      if (found.length > 0) {
        throw new ApiError(409, 'blocked', `${request.type} is blocked: ${found.map((b) => b.message.en).join(' ')}`, { blockers: found.map(toBlockerView) });
      }

      const next = applyProjectEvent(snapshot, event);
      const greenLight = event.type === 'FORMALLY_SUBMITTED' ? undefined : decisiveDecision(snapshot.context, event.type, event.decisions);
      const consumed = open.find((d) => d.id === greenLight?.id);
      const adoptedPlan = request.type === 'ADOPT_PLAN' ? file!.documents.plan : undefined;
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
          ...(adoptedPlan && { planVersion: adoptedPlan.version, levels: file!.dossier.plan?.levels, warnings: levelWarnings(file!.dossier.plan?.levels).map((w) => w.code) }),
        },
      });
      const readVersion = project.version;
      const to = stateIdOf(next);
      // The silence clock starts on entering the counted phases and stops on leaving them.
      const clockChanges = silenceCounted(from) !== silenceCounted(to);
      Object.assign(project, { state: to, cycle: next.context.cycle, snapshot: JSON.stringify(storeProject(next)), version: readVersion + 1, updatedAt: at });
      if (clockChanges) this.setClock(project, restartSilence(to, at, project.silenceWindowDays, this.dayMs));
      // Cannot fail while writes are serialised (SQLite) or the row is locked (PostgreSQL); the last line of defence.
      if (!(await this.store.updateProject(manager, project, readVersion))) throw versionConflict(readVersion);
      await this.store.insertAuditEntry(manager, audit);
      if (consumed) await this.store.consumeDecision(manager, consumed.id, at, audit.seq);
      if (adoptedPlan) await this.store.markDocumentAdopted(manager, project.id, 'plan', adoptedPlan.version, at);
      if (clockChanges) await this.scheduleSilence(manager, project, at);

      const stillOpen = next.context.cycle === snapshot.context.cycle ? open.filter((d) => d !== consumed).map(toGreenLight) : [];
      // A transition changes no document; only a new cycle makes the inspection read a stale one.
      return { project, openDecisions: stillOpen, file: next.context.cycle === snapshot.context.cycle ? file : undefined };
    });
  }

  recordDecision(projectId: string, decision: NewDecision, actor: Actor, now = new Date()): Promise<DecisionEntity> {
    return this.transactions.run(async (manager) => {
      const project = await this.lockProject(manager, projectId);
      // The stored state and cycle say enough here; no need to restore the machine.
      if (isEndedState(project.state)) {
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
        justification: decision.justification ?? null,
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

  /** A contact with participants: it ends the current silence and moves the deadline. */
  recordCommunication(projectId: string, input: NewCommunication, actor: Actor, now = new Date()): Promise<CommunicationEntity> {
    return this.transactions.run(async (manager) => {
      const project = await this.lockProject(manager, projectId);
      const at = now.toISOString();
      const occurredAt = input.occurredAt ?? at;
      if (occurredAt > at) throw new ApiError(422, 'communication-in-future', `occurredAt ${occurredAt} lies in the future; record a communication once it took place.`);
      const announcedLevel = input.announcesLevelOf ? await this.plannedLevel(manager, project, input.announcesLevelOf) : null;
      const communication: CommunicationEntity = {
        id: randomUUID(),
        projectId: project.id,
        occurredAt,
        channel: input.channel,
        audience: input.audience,
        summary: input.summary,
        announcesPhase: input.announcesLevelOf ?? null,
        announcesLevel: announcedLevel,
        recordedBy: actor.name,
        recordedByRole: actor.role,
        recordedAt: at,
      };
      const ended = project.silenceSince !== null && occurredAt > project.silenceSince;
      if (project.lastCommunicationAt === null || occurredAt > project.lastCommunicationAt) project.lastCommunicationAt = occurredAt;
      if (ended) this.setClock(project, restartSilence(project.state, occurredAt, project.silenceWindowDays, this.dayMs));
      const audit = nextAuditEntry(project, {
        type: 'communication-recorded',
        actor,
        at,
        payload: {
          communicationId: communication.id,
          occurredAt,
          channel: input.channel,
          audience: input.audience,
          silenceDeadline: project.silenceDeadline,
          ...(announcedLevel && { announcesLevel: { phase: input.announcesLevelOf, level: announcedLevel } }),
        },
      });
      project.updatedAt = at;
      await this.store.insertCommunication(manager, communication);
      await this.store.insertAuditEntry(manager, audit);
      await this.store.updateProjectDetails(manager, project);
      if (ended) await this.scheduleSilence(manager, project, at);
      return communication;
    });
  }

  /** A dated milestone; its owner is reminded `remindDaysBefore` days ahead (default 7). */
  addMilestone(projectId: string, input: NewMilestone, actor: Actor, now = new Date()): Promise<MilestoneEntity> {
    return this.transactions.run(async (manager) => {
      const project = await this.lockProject(manager, projectId);
      if (isEndedState(project.state)) throw new ApiError(409, 'project-ended', `The project is ${project.state}; it takes no more milestones.`);
      const milestone = await addMilestoneTo(this.store, manager, project, input, actor, now.toISOString(), this.dayMs);
      await this.store.updateChainHead(manager, project);
      return milestone;
    });
  }

  /** Silence window and reminder recipients; a new window moves the pending deadline. */
  updateSettings(projectId: string, settings: ProjectSettings, actor: Actor, now = new Date()): Promise<ProjectState> {
    return this.transactions.run(async (manager) => {
      const project = await this.lockProject(manager, projectId);
      const at = now.toISOString();
      const before = { silenceWindowDays: project.silenceWindowDays, ownerEmail: project.ownerEmail, administratorEmail: project.administratorEmail };
      Object.assign(project, Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined)));
      const windowChanged = project.silenceWindowDays !== before.silenceWindowDays && project.silenceSince !== null;
      if (windowChanged) project.silenceDeadline = silenceDeadline(project.silenceSince!, project.silenceLevel, project.silenceWindowDays, this.dayMs);
      const audit = nextAuditEntry(project, { type: 'settings-changed', actor, at, payload: { before, after: settings, silenceDeadline: project.silenceDeadline } });
      project.updatedAt = at;
      await this.store.insertAuditEntry(manager, audit);
      await this.store.updateProjectDetails(manager, project);
      if (windowChanged) await this.scheduleSilence(manager, project, at);
      const open = await this.store.openDecisions(manager, project.id, project.cycle);
      return { project, openDecisions: open.map(toGreenLight) };
    });
  }

  /** The level the current plan gives a phase; announcing a level the plan does not hold is an error. */
  private async plannedLevel(manager: EntityManager, project: ProjectEntity, phase: Phase): Promise<string> {
    const document = (await this.store.latestDocuments(manager, [project.id])).find((d) => d.kind === 'plan');
    const level = document && (JSON.parse(document.data) as Plan).levels?.[phase];
    if (!level) throw new ApiError(422, 'level-not-planned', `The plan of approach sets no level for the ${phase} phase yet; set it before announcing it.`, { phases: PHASES });
    return level;
  }

  private setClock(project: ProjectEntity, clock: SilenceClock): void {
    project.silenceSince = clock.since;
    project.silenceLevel = clock.level;
    project.silenceDeadline = clock.deadline;
  }

  /** Redis hears of the new deadline after commit, through the outbox; a stale job finds the deadline moved and is skipped. */
  private async scheduleSilence(manager: EntityManager, project: ProjectEntity, at: string): Promise<void> {
    if (project.silenceDeadline !== null) await this.store.insertOutbox(manager, SILENCE_TOPIC, { projectId: project.id, dueAt: project.silenceDeadline }, at);
  }

  private async lockProject(manager: EntityManager, id: string): Promise<ProjectEntity> {
    const project = await this.store.lockProject(manager, id);
    if (!project) throw ApiError.notFound('project', id);
    return project;
  }
}

/** Outbox topic: a silence deadline to put on the queue. */
export const SILENCE_TOPIC = 'silence-deadline';
/** Outbox topic: a milestone reminder to put on the queue. */
export const MILESTONE_TOPIC = 'milestone-reminder';

/** A milestone, its audit entry and its reminder (through the outbox), inside the caller's transaction; the caller saves the chain head. */
export async function addMilestoneTo(store: ProjectStore, manager: EntityManager, project: ProjectEntity, input: NewMilestone, actor: Actor, at: string, dayMs: number): Promise<MilestoneEntity> {
  const remindDaysBefore = input.remindDaysBefore ?? 7;
  const milestone: MilestoneEntity = {
    id: randomUUID(),
    projectId: project.id,
    title: input.title,
    dueAt: input.dueAt,
    remindDaysBefore,
    remindAt: new Date(Date.parse(input.dueAt) - remindDaysBefore * dayMs).toISOString(),
    remindedAt: null,
    createdBy: actor.name,
    createdAt: at,
  };
  const audit = nextAuditEntry(project, { type: 'milestone-added', actor, at, payload: { milestoneId: milestone.id, title: milestone.title, dueAt: milestone.dueAt, remindAt: milestone.remindAt } });
  await store.insertMilestone(manager, milestone);
  await store.insertAuditEntry(manager, audit);
  await store.insertOutbox(manager, MILESTONE_TOPIC, { milestoneId: milestone.id, remindAt: milestone.remindAt }, at);
  return milestone;
}

function versionConflict(current: number): ApiError {
  return new ApiError(409, 'version-conflict', 'The project was changed by someone else first; reload it and try again.', { currentVersion: current });
}

function decisionSummary(d: DecisionEntity) {
  return { decisionId: d.id, gate: d.gate, cycle: d.cycle, body: d.body, outcome: d.outcome, decidedOn: d.decidedOn, reference: d.reference, documentUrl: d.documentUrl, note: d.note };
}
