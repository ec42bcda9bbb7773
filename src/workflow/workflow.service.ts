import { randomUUID } from 'node:crypto';
import { Tenancy } from '../tenancy/tenancy.service';
import { Inject, Injectable } from '@nestjs/common';
import {
  applyProjectEvent,
  availableEvents,
  BLOCKER_MESSAGES,
  competentBody,
  greenLightRestsOnFile,
  greenLightTooEarly,
  type ProjectContext,
  type ApplicantParticipationAccount,
  applicationTerm,
  decidedLate,
  isApplication,
  awaitedBodies,
  applicationRepairMilestone,
  challengeAssessmentMilestone,
  unansweredBeforeDecision,
  eventsIn,
  requestStanding,
  requiredBody,
  type GreenLightRequest,
  blockers,
  decisiveDecision,
  inIntake,
  emptyDossier,
  isGatedEvent,
  planWarnings,
  plannedLevel,
  addDays,
  termPassedAt,
  applicantAccountMissing,
  isChallenge,
  needsGreenLight,
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
  type StoredSnapshot,
  guideOf,
  machineOf,
} from '../../machines/participation-project';
import { restartSilence, rewindow, silenceCounted, type SilenceClock } from '../../machines/silence/silence.rules';
import type { Actor } from '../auth/roles';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ApiError, toBlockerView } from '../common/api-error';
import { slugOf } from '../common/slug';
import type { CommunicationEntity } from '../database/communication.entity';
import type { DecisionEntity } from '../database/decision.entity';
import type { MilestoneEntity } from '../database/milestone.entity';
import { awaitingColumn, type ProjectEntity } from '../database/project.entity';
import { DecisionRepository } from '../database/decision.repository';
import { FileRepository } from '../database/file.repository';
import { ReminderRepository } from '../database/reminder.repository';
import { TrailRepository } from '../database/trail.repository';
import { stateStay } from '../../machines/insight/state-stays';
import { StateStayRepository } from '../database/state-stay.repository';
import { GENESIS_HASH, type AuditType } from './audit-chain';
import { rulesOf } from './guide-terms';
import type { GreenLightSummary } from './trail-payloads';
import { boundDecisions } from './decision-binding';
import { reasonMissing } from './decision-checks';
import { dutchDay, longDay } from '../../machines/calendar/dutch-day';
import { loadProjectFiles, requestsOfCycle, type ProjectFile } from './dossier';
import { ANY_STATE, running, UnitOfWork, versionConflict, type ProjectUnit } from './unit-of-work';

export interface ProjectSettings {
  /** What the project is about, for its public page. */
  description?: string | null;
  /** Whom residents can contact about it, for its public page. */
  publicContact?: string | null;
  silenceWindowDays?: number;
  silenceAlways?: boolean;
  /** The public page for residents (opt-in), at /openbaar/<slug>; the slug is made from the title unless given. */
  public?: boolean;
  slug?: string;
  ownerEmail?: string | null;
  administratorEmail?: string | null;
}

export interface NewProject extends ProjectInput, ProjectSettings {
  title: string;
}

export interface NewMilestone {
  title: string;
  dueAt: string;
  remindDaysBefore?: number;
  /** A planned decision: the owner also hears, ahead of it, of zienswijzen still unanswered (issue 12). */
  decision?: boolean;
  /** The reminder goes out only while zienswijzen are unanswered (the companion of a decision milestone). */
  onlyIfUnanswered?: boolean;
  /** Residents may see it, on the public page and in its calendar; default no: a milestone is the owner's until said otherwise. */
  public?: boolean;
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
  /** Why the step is taken (stopping, above all); kept in the trail. */
  reason?: string;
}

/** A request to the college or the raad to decide on one step (issue 19). */
export interface NewGreenLightRequest {
  gate: GatedEventType;
  /** The body asked; checked against the one the step needs. Left out (the web's form), it is that one. */
  body?: GoverningBody;
  proposal: string;
  reference?: string;
  desiredOn: string;
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
    reason: decision.outcome === 'approved' ? null : decision.note,
  };
}

export function snapshotOf(project: ProjectEntity): ProjectSnapshot {
  return restoreProject(JSON.parse(project.snapshot));
}

/** The stored context of a project, without restoring its machine: enough for a rule that reads no state. */
export function contextOf(project: ProjectEntity): ProjectContext {
  return (JSON.parse(project.snapshot) as StoredSnapshot).context;
}

/** Addresses under /openbaar/<tenant>/ that are the site's own, never a project's. */
const RESERVED_SLUGS = ['woo', 'toegankelijkheid'];

/**
 * The one place where a project changes: load, transition with the pure machine, and
 * persist the new snapshot, the consumed green light and the audit entry in one
 * database transaction.
 */
@Injectable()
export class WorkflowService {
  private readonly dayMs: number;
  private readonly rules: AppConfig['rules'];

  constructor(
    private readonly units: UnitOfWork,
    private readonly decisions: DecisionRepository,
    private readonly files: FileRepository,
    private readonly reminders: ReminderRepository,
    private readonly trail: TrailRepository,
    private readonly stays: StateStayRepository,
    private readonly tenancy: Tenancy,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.dayMs = config.reminders.dayMs;
    this.rules = config.rules;
  }

  createProject(input: NewProject, actor: Actor, now = new Date()): Promise<ProjectState> {
    if (input.origin !== 'initiative' && (input.initiativeKind !== undefined || input.permitActivity !== undefined)) {
      return Promise.reject(new ApiError(422, 'initiative-fields-without-initiative', 'initiativeKind and permitActivity describe an initiative; this project is the municipality’s own (origin municipality).'));
    }
    const guide = guideOf(input);
    if (input.initiativeKind === 'challenge' && !guide.uitdaagrecht.offered) {
      return Promise.reject(new ApiError(422, 'uitdaagrecht-not-offered', `The guide ${guide.id} offers no right to challenge (uitdaagrecht).`));
    }
    const snapshot = startProject({ origin: input.origin, politicalSensitivity: input.politicalSensitivity, gateBodies: input.gateBodies, initiativeKind: input.initiativeKind, permitActivity: input.permitActivity, decisionKind: input.decisionKind, guide: input.guide });
    const notCompetent = gateBodiesAgainstLaw(snapshot.context, input.gateBodies);
    if (notCompetent) return Promise.reject(notCompetent);
    const at = now.toISOString();
    const project: ProjectEntity = {
      id: randomUUID(),
      title: input.title,
      description: input.description ?? null,
      publicContact: input.publicContact ?? null,
      origin: input.origin,
      politicalSensitivity: input.politicalSensitivity,
      state: stateIdOf(snapshot),
      cycle: snapshot.context.cycle,
      snapshot: JSON.stringify(storeProject(snapshot)),
      version: 1,
      auditSeq: 0,
      auditHash: GENESIS_HASH,
      silenceWindowDays: input.silenceWindowDays ?? guide.silence.windowDays,
      silenceSince: null,
      silenceAllowedUntil: null,
      silenceAlways: input.silenceAlways ?? false,
      public: false,
      slug: null,
      silenceLevel: 0,
      silenceDeadline: null,
      lastCommunicationAt: null,
      ownerEmail: input.ownerEmail ?? null,
      administratorEmail: input.administratorEmail ?? null,
      // Nothing is asked of a body yet: a step enters the werkvoorraad by its request (issue 19).
      awaiting: null,
      createdBy: actor.name,
      createdBySubject: actor.subject ?? null,
      createdAt: at,
      updatedAt: at,
    };
    return this.units.createProject(project, actor, async (unit) => {
      unit.audit('project-created', {
        title: input.title,
        origin: input.origin,
        politicalSensitivity: input.politicalSensitivity,
        gateBodies: snapshot.context.gateBodies,
        ...(snapshot.context.initiativeKind && { initiativeKind: snapshot.context.initiativeKind }),
        ...(snapshot.context.permitActivity && { permitActivity: snapshot.context.permitActivity }),
        ...(snapshot.context.decisionKind && { decisionKind: snapshot.context.decisionKind }),
        state: project.state,
        silenceWindowDays: project.silenceWindowDays,
        ...(snapshot.context.guide && { guide: snapshot.context.guide }),
      });
      return { project, openDecisions: [], file: { dossier: emptyDossier(dutchDay(now)), documents: {}, requests: [] } };
    }, now);
  }

  applyEvent(projectId: string, request: EventRequest, actor: Actor, now = new Date()): Promise<ProjectState> {
    return this.units.withProject(projectId, actor, ANY_STATE, async (unit) => {
      const { manager, project, at } = unit;
      if (request.expectedVersion !== undefined && request.expectedVersion !== project.version) throw versionConflict(project.version);
      const snapshot = snapshotOf(project);
      const from = stateIdOf(snapshot);
      if (!availableEvents(snapshot).includes(request.type)) {
        throw new ApiError(422, 'event-not-possible', `${request.type} is not possible in state ${from}.`, { state: from });
      }

      const open = await this.openFor(manager, project.id, snapshot.context.cycle, request.type);
      const participationMandatory = request.type === 'FORMALLY_SUBMITTED' && this.participationMandatory(snapshot.context, request.submittedOn);
      // Read inside the unit even for steps whose rules do not look at it: the answer shows the file, and three reads
      // here cost less than three transactions of their own after it (issue 22: round trips on PostgreSQL).
      const file = (await loadProjectFiles(this.files, manager, [project], now)).get(project.id)!;
      // The steps whose rules look at the file: the steps into another phase, the only ones that change whether silence counts.
      const fileRules = isGatedEvent(request.type) ? needsFile(request.type, snapshot.context) : participationMandatory;
      // Omgevingswet art. 16.55 lid 7: what the application's participation account still lacks, where the raad made it mandatory.
      const accountMissing = participationMandatory ? applicantAccountMissing(file.dossier.applicantAccount ?? null) : undefined;
      // Awb art. 4:5: received without it, the applicant gets a term to complete it; the decision term waits meanwhile (art. 4:15).
      const repairUntil = accountMissing?.length && request.submittedOn ? addDays(request.submittedOn, this.rules.applicationRepairDays) : undefined;
      const event: ProjectEvent = isGatedEvent(request.type)
        ? { type: request.type, decisions: open.filter((d) => d.gate === request.type).map(toGreenLight), dossier: file.dossier }
        : {
            type: 'FORMALLY_SUBMITTED',
            submittedOn: request.submittedOn,
            reference: request.reference,
            ...(participationMandatory && { participation: { decision: rulesOf(snapshot.context, this.rules).mandatoryParticipationDecision!.reference, ...(repairUntil && { repairUntil }) } }),
          };
      const found = blockers(snapshot.context, event);
      if (found.length > 0) {
        throw new ApiError(409, 'blocked', `${request.type} is blocked: ${found.map((b) => b.message.en).join(' ')}`, { blockers: found.map(toBlockerView) });
      }

      const next = applyProjectEvent(snapshot, event);
      // The initiator's own steps (§1.1) take no green light, so none is consumed.
      const greenLight = event.type === 'FORMALLY_SUBMITTED' || !needsGreenLight(snapshot.context, event.type) ? undefined : decisiveDecision(snapshot.context, event.type, event.decisions);
      const consumed = open.find((d) => d.id === greenLight?.id);
      const adoptedPlan = request.type === 'ADOPT_PLAN' ? file.documents.plan : undefined;
      const to = stateIdOf(next);
      const audit = unit.audit((request.type === 'FORMALLY_SUBMITTED' ? 'submission-recorded' : 'transition') satisfies AuditType, {
        event: request.type,
        from,
        to,
        cycle: snapshot.context.cycle,
        ...(next.context.cycle !== snapshot.context.cycle && { nextCycle: next.context.cycle }),
        ...(consumed && { greenLight: decisionSummary(consumed) }),
        ...(request.reason && { reason: request.reason }),
        ...(next.context.submission && !snapshot.context.submission && { submission: next.context.submission }),
        ...(accountMissing && { participationMandatory: { decision: rulesOf(snapshot.context, this.rules).mandatoryParticipationDecision!.reference, accountMissing } }),
        ...(adoptedPlan && { planVersion: adoptedPlan.version, levels: file.dossier.plan?.levels, warnings: planWarnings(file.dossier.plan).map((w) => w.code) }),
      });
      // Insight's read model: the stay this step ends, in the same transaction as the entry that tells it.
      const enteredAt = await this.stays.enteredAt(manager, project.id, project.createdAt);
      await this.stays.insert(manager, stateStay({ projectId: project.id, seq: audit.seq, state: from, enteredAt, leftAt: at, event: request.type, greenLight: consumed && { body: consumed.body, decidedOn: consumed.decidedOn }, levels: adoptedPlan && file.dossier.plan?.levels }));
      Object.assign(project, { state: to, cycle: next.context.cycle, snapshot: JSON.stringify(storeProject(next)), version: project.version + 1 });
      // The silence clock starts on entering a counted phase and stops on leaving it. Every step into another phase reads the file;
      // a step within a phase leaves the counting as it was, unless the project ended.
      this.syncSilence(unit, fileRules ? silenceCounted(to, plannedLevel(to, file.dossier), project.silenceAlways, next.context) : isCounting(project) && silenceCounted(to, undefined, false, next.context), at);
      if (consumed) await this.decisions.consume(manager, consumed.id, at, audit.seq);
      if (adoptedPlan) await this.files.markDocumentAdopted(manager, project.id, 'plan', adoptedPlan.version, at);
      // Uitdaagrecht: the municipality assesses a challenge within the term it set; its owner is reminded a week ahead.
      if (event.type === 'FORMALLY_SUBMITTED' && next.context.submission && isChallenge(next.context)) {
        await addMilestoneTo(this.reminders, unit, challengeAssessmentMilestone(next.context.submission.submittedOn, rulesOf(next.context, this.rules).challengeAssessmentDays), this.dayMs);
      }

      // Awb art. 4:5: an application received without the mandatory account gets a term to complete it; its owner is reminded.
      if (repairUntil) await addMilestoneTo(this.reminders, unit, applicationRepairMilestone(repairUntil), this.dayMs);
      // The term to decide on an application starts with its receipt, unless it waits for the account (Omgevingswet art. 16.64, Awb art. 4:15).
      if (event.type === 'FORMALLY_SUBMITTED') await addDecisionTermMilestone(this.reminders, unit, next.context, file.dossier.applicantAccount, this.dayMs);

      const sameCycle = next.context.cycle === snapshot.context.cycle;
      const stillOpen = sameCycle ? open.filter((d) => d !== consumed).map(toGreenLight) : [];
      project.awaiting = awaitingColumn(awaitedBodies(to, next.context, stillOpen, sameCycle ? file.requests : []));
      // A transition changes no document; only a new cycle makes the inspection read a stale one.
      return { project, openDecisions: stillOpen, file: next.context.cycle === snapshot.context.cycle ? file : undefined };
    }, now);
  }

  recordDecision(projectId: string, decision: NewDecision, actor: Actor, now = new Date()): Promise<DecisionEntity> {
    const precondition = runningAndSubmittedFor(decision.gate);
    return this.units.withProject(projectId, actor, precondition, async ({ manager, project, at, audit }) => {
      const context = contextOf(project);
      if (!needsGreenLight(context, decision.gate)) {
        const why = context.raadInforming?.[decision.gate] === 'instead' ? 'the adopted plan makes informing the raad its accountability (§2.4)' : "in an initiative it is a step of the initiator's own process (§1.1)";
        throw new ApiError(422, 'no-green-light-needed', `${decision.gate} takes no green light of the college or raad: ${why}.`);
      }
      const notCompetent = gateBodiesAgainstLaw(context, { [decision.gate]: decision.body });
      if (notCompetent) throw notCompetent;
      // Issue 19: a body that does not approve, or postpones, says why; the process manager reads it.
      const noReason = reasonMissing(decision.outcome, decision.note);
      if (noReason) throw new ApiError(422, 'decision-reason-required', noReason.messages[0]);
      // Only the facts the order of events reads (most steps rest on the previous step alone), and an application's term.
      const onApplication = decision.gate === 'DECISION_TAKEN' && decision.outcome !== 'deferred' && isApplication(context);
      const readsFile = onApplication || (decision.outcome === 'approved' && greenLightRestsOnFile(context, decision.gate));
      const dossier = readsFile ? (await loadProjectFiles(this.files, manager, [project], now)).get(project.id)!.dossier : emptyDossier(dutchDay(now));
      if (decision.outcome === 'approved') {
        const tooEarly = greenLightTooEarly(context, decision.gate, decision.decidedOn, dossier);
        if (tooEarly.length > 0) {
          const text = BLOCKER_MESSAGES['green-light-too-early'](decision.body, decision.decidedOn, tooEarly);
          throw new ApiError(422, 'green-light-too-early', text.en, { messageNl: text.nl, decidedOn: decision.decidedOn, tooEarly });
        }
      }
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
      const late = onApplication && decidedLate(applicationTerm(context, dossier.applicantAccount, dossier.today), decision.decidedOn);
      audit('decision-recorded', { ...decisionSummary(entity), ...(late && { late }) });
      await this.decisions.insert(manager, entity);
      const open = await this.decisions.open(manager, project.id, project.cycle);
      // The stored context is enough: no machine to restore for a decision.
      project.awaiting = awaitingColumn(awaitedBodies(project.state, context, open.map(toGreenLight), await this.requests(manager, project)));
      return entity;
    }, now);
  }

  /**
   * Issue 19: the process manager asks the competent body to decide on a step the project can take
   * now (§2.4); the request puts it in the body's werkvoorraad until the body decides. A step with
   * its green light, or already asked and not answered, is not asked again.
   */
  requestGreenLight(projectId: string, input: NewGreenLightRequest, actor: Actor, now = new Date()): Promise<GreenLightRequest> {
    return this.units.withProject(projectId, actor, runningAndSubmittedFor(input.gate), async ({ manager, project, at, audit }) => {
      const context = contextOf(project);
      if (!eventsIn(project.state, machineOf(context)).includes(input.gate)) throw new ApiError(422, 'event-not-possible', `${input.gate} is not possible in state ${project.state}.`, { state: project.state });
      if (!needsGreenLight(context, input.gate)) throw new ApiError(422, 'no-green-light-needed', `${input.gate} takes no green light of the college or raad.`);
      const body = requiredBody(context, input.gate);
      const notCompetent = gateBodiesAgainstLaw(context, { [input.gate]: input.body ?? body });
      if (notCompetent) throw notCompetent;
      if (input.body !== undefined && input.body !== body) throw new ApiError(422, 'green-light-wrong-body', `${input.gate} needs a decision of the ${body} in this project, not of the ${input.body}.`, { requiredBody: body });
      if (input.desiredOn < dutchDay(now)) {
        throw new ApiError(422, 'desired-date-in-past', `desiredOn ${input.desiredOn} lies in the past; ask for a meeting still to come.`, { messageNl: `De gewenste vergaderdatum, ${longDay(input.desiredOn, 'nl')}, ligt in het verleden. Kies een vergadering die nog moet komen.` });
      }
      const open = (await this.decisions.open(manager, project.id, project.cycle)).map(toGreenLight);
      if (decisiveDecision(context, input.gate, open)?.outcome === 'approved') throw new ApiError(409, 'green-light-given', `${input.gate} already has its green light in this cycle.`);
      const document = await this.files.latestDocument(manager, project.id, 'green-light-requests');
      const all = document ? (JSON.parse(document.data) as { items: GreenLightRequest[] }).items : [];
      const standing = requestStanding(context, input.gate, all, open);
      if (standing?.pending) {
        throw new ApiError(409, 'green-light-already-requested', `${input.gate} was asked of the ${body} on ${standing.request.requestedAt.slice(0, 10)} and waits for its decision.`, { requestedAt: standing.request.requestedAt });
      }
      const request: GreenLightRequest = { gate: input.gate, cycle: project.cycle, body, proposal: input.proposal, reference: input.reference ?? null, desiredOn: input.desiredOn, requestedBy: actor.name, requestedAt: at };
      const items = [...all, request];
      const version = (document?.version ?? 0) + 1;
      await this.files.insertDocument(manager, { projectId: project.id, kind: 'green-light-requests', version, data: JSON.stringify({ items }), changeReason: null, adoptedAt: null, createdBy: actor.name, createdAt: at });
      audit('green-light-requested', { version, ...request });
      project.awaiting = awaitingColumn(awaitedBodies(project.state, context, open, items.filter((r) => r.cycle === project.cycle)));
      return request;
    }, now);
  }

  /** The green-light requests of the project's current cycle, from their one document. */
  private async requests(manager: ProjectUnit['manager'], project: ProjectEntity): Promise<GreenLightRequest[]> {
    const document = await this.files.latestDocument(manager, project.id, 'green-light-requests');
    return document ? requestsOfCycle({ 'green-light-requests': document }, project.cycle) : [];
  }

  /** A contact with participants: it ends the current silence and moves the deadline. */
  recordCommunication(projectId: string, input: NewCommunication, actor: Actor, now = new Date()): Promise<CommunicationEntity> {
    return this.units.withProject(projectId, actor, ANY_STATE, async (unit) => {
      const { manager, project, at } = unit;
      const occurredAt = input.occurredAt ?? at;
      if (occurredAt > at) throw new ApiError(422, 'communication-in-future', `occurredAt ${occurredAt} lies in the future; record a communication once it took place.`);
      const announcedLevel = input.announcesLevelOf ? await this.levelToAnnounce(manager, project, input.announcesLevelOf) : null;
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
      const ended = isCounting(project) && occurredAt > project.silenceSince!;
      if (project.lastCommunicationAt === null || occurredAt > project.lastCommunicationAt) project.lastCommunicationAt = occurredAt;
      if (ended) restartClock(unit, true, occurredAt, this.dayMs);
      unit.audit('communication-recorded', {
        communicationId: communication.id,
        occurredAt,
        channel: input.channel,
        audience: input.audience,
        silenceDeadline: project.silenceDeadline,
        ...(announcedLevel && { announcesLevel: { phase: input.announcesLevelOf, level: announcedLevel } }),
      });
      await this.files.insertCommunication(manager, communication);
      return communication;
    }, now);
  }

  /** A dated milestone; its owner is reminded `remindDaysBefore` days ahead (default 7). */
  addMilestone(projectId: string, input: NewMilestone, actor: Actor, now = new Date()): Promise<MilestoneEntity> {
    return this.units.withProject(projectId, actor, running('it takes no more milestones'), async (unit) => {
      const milestone = await addMilestoneTo(this.reminders, unit, input, this.dayMs);
      if (input.decision) await addMilestoneTo(this.reminders, unit, unansweredBeforeDecision(input, this.rules.unansweredLeadDays), this.dayMs);
      return milestone;
    }, now);
  }

  /** Silence window and reminder recipients; a new window moves the pending deadline. */
  updateSettings(projectId: string, settings: ProjectSettings, actor: Actor, now = new Date()): Promise<ProjectState> {
    return this.units.withProject(projectId, actor, ANY_STATE, async (unit) => {
      const { manager, project } = unit;
      const before = { description: project.description, publicContact: project.publicContact, silenceWindowDays: project.silenceWindowDays, silenceAlways: project.silenceAlways, public: project.public, slug: project.slug, ownerEmail: project.ownerEmail, administratorEmail: project.administratorEmail };
      Object.assign(project, Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined)));
      if (project.public && !project.slug) project.slug = await this.freeSlug(manager, slugOf(project.title));
      if (settings.slug && settings.slug !== before.slug && (await this.slugTaken(manager, settings.slug))) {
        throw new ApiError(409, 'slug-taken', `Another project, or a municipality, is published at /openbaar/${settings.slug}.`);
      }
      if (project.silenceAlways !== before.silenceAlways) {
        const { dossier } = (await loadProjectFiles(this.files, manager, [project], unit.now)).get(project.id)!;
        this.syncSilence(unit, silenceCounted(project.state, plannedLevel(project.state, dossier), project.silenceAlways, contextOf(project)), unit.at);
      }
      const windowChanged = project.silenceWindowDays !== before.silenceWindowDays && isCounting(project);
      if (windowChanged) {
        setClock(project, rewindow(clockOf(project), project.silenceWindowDays, this.dayMs));
        scheduleSilence(unit);
      }
      unit.audit('settings-changed', { before, after: settings, silenceDeadline: project.silenceDeadline });
      const open = await this.decisions.open(manager, project.id, project.cycle);
      return { project, openDecisions: open.map(toGreenLight) };
    }, now);
  }

  /** Omgevingswet art. 16.55 lid 7: the raad made participation mandatory for this activity, by a raadsbesluit in force on the day of the application. */
  private participationMandatory(context: ProjectContext, submittedOn: string | undefined): boolean {
    const { mandatoryParticipationDecision: decision, mandatoryParticipationActivities: activities } = rulesOf(context, this.rules);
    const activity = context.permitActivity;
    return !!activity && !!decision && activities.includes(activity) && (!submittedOn || submittedOn >= decision.since);
  }

  /** A slug no other project has: the title's, numbered on when taken. */
  private async freeSlug(manager: ProjectUnit['manager'], base: string): Promise<string> {
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? base : `${base}-${n}`;
      if (!(await this.slugTaken(manager, candidate))) return candidate;
    }
  }

  /**
   * A project of the municipality has the address, or it is a municipality's own (`/openbaar/<tenant>`, issue 21),
   * or the public pages use it themselves (`/openbaar/<tenant>/woo/…`, `/openbaar/<tenant>/toegankelijkheid`, issue 23).
   */
  private async slugTaken(manager: ProjectUnit['manager'], slug: string): Promise<boolean> {
    return RESERVED_SLUGS.includes(slug) || this.tenancy.get(slug) !== undefined || (await this.files.projectWithSlug(manager, slug)) !== null;
  }

  /** The open decisions of this cycle; for the step asked, only those the trail records as they stand. */
  private async openFor(manager: ProjectUnit['manager'], projectId: string, cycle: number, gate: ProjectEventType): Promise<DecisionEntity[]> {
    const open = await this.decisions.open(manager, projectId, cycle);
    return open.some((d) => d.gate === gate) ? boundDecisions(this.trail, manager, open) : open;
  }

  /** The level the current plan gives a phase; announcing a level the plan does not hold is an error. */
  private async levelToAnnounce(manager: ProjectUnit['manager'], project: ProjectEntity, phase: Phase): Promise<string> {
    const document = (await this.files.latestDocuments(manager, [project.id])).find((d) => d.kind === 'plan');
    const level = document && (JSON.parse(document.data) as Plan).levels?.[phase];
    if (!level) throw new ApiError(422, 'level-not-planned', `The plan of approach sets no level for the ${phase} phase yet; set it before announcing it.`, { phases: PHASES });
    return level;
  }

  private syncSilence(unit: ProjectUnit, counted: boolean, at: string): void {
    syncSilence(unit, counted, at, this.dayMs);
  }
}

/** Whether the project's silence is being counted now: a clock runs from `silenceSince`. */
export function isCounting(project: ProjectEntity): boolean {
  return project.silenceSince !== null;
}

/** Starts the clock where silence comes to count, stops it where it no longer does; leaves a running clock alone. True when it changed. */
export function syncSilence(unit: ProjectUnit, counted: boolean, at: string, dayMs: number): boolean {
  if (counted === isCounting(unit.project)) return false;
  restartClock(unit, counted, at, dayMs);
  return true;
}

/** A new silence starts (or counting stops); Redis hears of the new deadline after commit, through the outbox. */
function restartClock(unit: ProjectUnit, counted: boolean, since: string, dayMs: number): void {
  setClock(unit.project, restartSilence(counted, since, unit.project.silenceWindowDays, dayMs));
  scheduleSilence(unit);
}

/** Decisions wait for a running project; in intake the only decision the municipality can take is to stop. */
function runningAndSubmittedFor(gate: GatedEventType) {
  const stillRunning = running('it takes no more decisions');
  return (project: ProjectEntity) =>
    stillRunning(project) ??
    (inIntake(project.state) && gate !== 'STOP'
      ? new ApiError(409, 'initiative-not-submitted', 'Until the initiative is formally submitted the municipality only advises; the only decision it can take is STOP.')
      : null);
}

/** The project's silence clock, as the pure rules see it. */
export function clockOf(project: ProjectEntity): SilenceClock {
  return { since: project.silenceSince, allowedUntil: project.silenceAllowedUntil, level: project.silenceLevel, deadline: project.silenceDeadline };
}

export function setClock(project: ProjectEntity, clock: SilenceClock): void {
  Object.assign(project, { silenceSince: clock.since, silenceAllowedUntil: clock.allowedUntil, silenceLevel: clock.level, silenceDeadline: clock.deadline });
}

/** A stale job finds the deadline moved and is skipped, so only the newest deadline needs a job. */
function scheduleSilence({ project, outbox }: ProjectUnit): void {
  if (project.silenceDeadline !== null) outbox(SILENCE_TOPIC, { projectId: project.id, dueAt: project.silenceDeadline });
}

/** Outbox topic: a silence deadline to put on the queue. */
export const SILENCE_TOPIC = 'silence-deadline';
/** Outbox topic: a milestone reminder to put on the queue. */
export const MILESTONE_TOPIC = 'milestone-reminder';

/** The length of a milestone's title, as its column and the API hold it. */
const MILESTONE_TITLE_LENGTH = 200;

/** A milestone, its audit entry and its reminder (through the outbox), inside the caller's unit of work. */
export async function addMilestoneTo(reminders: ReminderRepository, unit: ProjectUnit, input: NewMilestone, dayMs: number): Promise<MilestoneEntity> {
  const remindDaysBefore = input.remindDaysBefore ?? 7;
  const milestone: MilestoneEntity = {
    id: randomUUID(),
    projectId: unit.project.id,
    // A title the service composes (a term with a reference in it) may run past what the column holds.
    title: input.title.slice(0, MILESTONE_TITLE_LENGTH),
    dueAt: input.dueAt,
    remindDaysBefore,
    remindAt: new Date(Date.parse(input.dueAt) - remindDaysBefore * dayMs).toISOString(),
    remindedAt: null,
    onlyIfUnanswered: input.onlyIfUnanswered ?? false,
    public: input.public ?? false,
    createdBy: unit.actor.name,
    createdAt: unit.at,
  };
  unit.audit('milestone-added', { milestoneId: milestone.id, title: milestone.title, dueAt: milestone.dueAt, remindAt: milestone.remindAt, public: milestone.public });
  await reminders.insertMilestone(unit.manager, milestone);
  unit.outbox(MILESTONE_TOPIC, { milestoneId: milestone.id, remindAt: milestone.remindAt });
  return milestone;
}

/**
 * The owner is reminded two weeks before the term to decide on an application ends (Omgevingswet
 * art. 16.64 lid 1); while it waits for the applicant's account (Awb art. 4:15) there is no end yet.
 */
export async function addDecisionTermMilestone(reminders: ReminderRepository, unit: ProjectUnit, context: ProjectContext, account: ApplicantParticipationAccount | null | undefined, dayMs: number, accountBefore?: ApplicantParticipationAccount | null): Promise<void> {
  const today = dutchDay(unit.now);
  const term = applicationTerm(context, account, today);
  if (term?.status !== 'running') return;
  // The account completed the application: only a term that moved needs a new milestone.
  const before = accountBefore === undefined ? null : applicationTerm(context, accountBefore, today);
  if (before?.status === 'running' && before.endsOn === term.endsOn) return;
  const title = `Einde beslistermijn aanvraag (artikel 16.64 lid 1 Omgevingswet): besluiten uiterlijk ${longDay(term.endsOn, 'nl')}`;
  await addMilestoneTo(reminders, unit, { title, dueAt: termPassedAt(term.endsOn), remindDaysBefore: 14 }, dayMs);
}

/** A decision as the trail tells it; one recorded on a later day than it was taken says so (issue 18). */
function decisionSummary(d: DecisionEntity): GreenLightSummary {
  return { decisionId: d.id, gate: d.gate, cycle: d.cycle, body: d.body, outcome: d.outcome, decidedOn: d.decidedOn, ...recordedLater(d.decidedOn, d.recordedAt), reference: d.reference, documentUrl: d.documentUrl, note: d.note, justification: d.justification };
}

/** The Dutch day a decision was recorded, for its trail entry, where that is later than the day it was taken (issue 18). */
export function recordedLater(decidedOn: string, recordedAt: string): { recordedOn?: string } {
  const recordedOn = dutchDay(new Date(recordedAt));
  return recordedOn !== decidedOn ? { recordedOn } : {};
}

/** A plan or a project that hands a step the law gives the raad to the college, refused with the source. */
export function gateBodiesAgainstLaw(context: ProjectContext, gateBodies: Partial<Record<GatedEventType, GoverningBody>> | undefined): ApiError | null {
  for (const [gate, body] of Object.entries(gateBodies ?? {}) as Array<[GatedEventType, GoverningBody]>) {
    const competent = competentBody(context, gate);
    if (competent && competent.body !== body) {
      return new ApiError(422, 'body-not-competent', `${gate} is the ${competent.body}'s to decide on a project that prepares a ${context.decisionKind} (${competent.source}); it cannot be given to the ${body}.`, { gate, competentBody: competent.body, source: competent.source });
    }
  }
  return null;
}
