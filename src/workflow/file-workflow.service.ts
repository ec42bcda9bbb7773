import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  addDays,
  assessQuickScan,
  changedLevels,
  commitmentMissing,
  evaluationMissing,
  type Evaluation,
  inspectionTermEnd,
  termWarnings,
  reactionOnTime,
  type ReactionChannel,
  type TermWarning,
  inPreparation,
  inspraakFormAllowed,
  inspraakFormContradiction,
  planWarnings,
  planMissingParts,
  requiresInspection,
  stakeholderFitsDomain,
  STAKEHOLDER_KIND_DOMAIN,
  type Commitment,
  type LevelWarning,
  type Plan,
  type PlanPart,
  type QuickScan,
  type QuickScanAssessment,
  type StakeholderDomain,
  type StakeholderKind,
} from '../../machines/participation-project';
import type { Actor } from '../auth/roles';
import { ApiError } from '../common/api-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { DocumentKind, InspectionEntity, ReactionEntity, StakeholderEntity } from '../database/interaction.entities';
import type { ProjectEntity } from '../database/project.entity';
import { FileRepository } from '../database/file.repository';
import { ReminderRepository } from '../database/reminder.repository';
import { isFutureDay } from '../../machines/calendar/dutch-day';
import { loadProjectFiles, type ProjectFile } from './dossier';
import { runningAndSubmitted, running, UnitOfWork, type ProjectUnit } from './unit-of-work';
import { addMilestoneTo } from './workflow.service';

export interface NewStakeholder {
  name: string;
  domain: StakeholderDomain;
  kind: StakeholderKind;
  ownKind?: string;
  approach: string;
}

export interface NewInspection {
  /** The day the draft is laid open, as the notice says. */
  laidOpenOn: string;
  /** Where the notice was published, e.g. "Gemeenteblad 2026, 12345". */
  publishedIn: string;
}

export interface NewReaction {
  receivedOn: string;
  /** Default email. */
  channel?: ReactionChannel;
  postedOn?: string;
  report?: string;
  sender: string;
  summary: string;
}

export interface SavedPlan {
  version: number;
  missingParts: PlanPart[];
  warnings: LevelWarning[];
}

/**
 * The project's file (§1.5, §2.1–§2.4, §1.4): quick scan, commitment, plan of approach,
 * stakeholders, inspection and reactions. Each write and its audit entry commit together;
 * the documents are versioned, nothing is overwritten.
 */
@Injectable()
export class FileWorkflow {
  private readonly dayMs: number;

  constructor(
    private readonly units: UnitOfWork,
    private readonly files: FileRepository,
    private readonly reminders: ReminderRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.dayMs = config.reminders.dayMs;
  }

  saveQuickScan(projectId: string, scan: QuickScan, actor: Actor, now = new Date()): Promise<QuickScanAssessment> {
    return this.write(projectId, actor, now, async ({ manager, project, file, at, audit }) => {
      const assessment = assessQuickScan(scan);
      const version = await this.saveDocument(manager, project, await file(), 'quick-scan', scan, actor, at, null);
      audit('quick-scan-recorded', { version, complete: assessment.complete, advice: assessment.advice, missing: assessment.missing, scan });
      return assessment;
    });
  }

  saveCommitment(projectId: string, commitment: Commitment, actor: Actor, now = new Date()): Promise<{ version: number; missing: string[] }> {
    return this.write(projectId, actor, now, async ({ manager, project, file, at, audit }) => {
      const version = await this.saveDocument(manager, project, await file(), 'commitment', commitment, actor, at, null);
      const missing = commitmentMissing(commitment);
      audit('commitment-recorded', { version, missing, commitment });
      return { version, missing };
    });
  }

  /** The evaluation of the current cycle (§2.4): per goal of the plan achieved or not, and the participants' judgement; CLOSE needs it complete. */
  saveEvaluation(projectId: string, evaluation: Evaluation, actor: Actor, now = new Date()): Promise<{ version: number; missing: string[] }> {
    return this.write(projectId, actor, now, async ({ manager, project, file, at, audit }) => {
      const current = await file();
      const version = await this.saveDocument(manager, project, current, 'evaluation', { ...evaluation, cycle: project.cycle }, actor, at, null);
      const missing = evaluationMissing(evaluation, current.dossier.plan);
      audit('evaluation-recorded', { version, cycle: project.cycle, missing, evaluation });
      return { version, missing };
    });
  }

  /** A new version of the plan. Once a plan was adopted, changing a phase's level needs a reason. */
  savePlan(projectId: string, plan: Plan, changeReason: string | undefined, actor: Actor, now = new Date()): Promise<SavedPlan> {
    return this.write(projectId, actor, now, async ({ manager, project, file, at, audit }) => {
      if (plan.inspraak && !inspraakFormAllowed(plan.inspraak)) {
        throw new ApiError(422, 'inspraak-form-not-allowed', `Form ${plan.inspraak.form} is not on offer when inspraak is ${plan.inspraak.legallyRequired ? '' : 'not '}legally required (§1.4: a–d when it is not, e–f when it is).`);
      }
      const contradiction = inspraakFormContradiction(plan);
      if (contradiction) throw new ApiError(422, 'inspraak-form-contradicts-levels', contradiction.en, { messageNl: contradiction.nl });
      const known = new Set(await this.files.stakeholderIds(manager, project.id));
      const unknown = (plan.targetGroups ?? []).map((g) => g.stakeholderId).filter((id): id is string => !!id && !known.has(id));
      if (unknown.length > 0) throw new ApiError(422, 'unknown-stakeholder', `No stakeholder group ${unknown.join(', ')} in this project.`, { stakeholderIds: unknown });

      const current = await file();
      const changed = changedLevels(current.dossier.plan, plan);
      const adopted = await this.files.documentAdopted(manager, project.id, 'plan');
      if (adopted && changed.length > 0 && !changeReason?.trim()) {
        throw new ApiError(422, 'change-reason-required', `The plan was adopted; changing the level of ${changed.join(', ')} needs a reason (changeReason).`, { phases: changed });
      }
      const version = await this.saveDocument(manager, project, current, 'plan', plan, actor, at, changeReason?.trim() || null);
      const missingParts = planMissingParts(plan);
      const warnings = planWarnings(plan);
      audit('plan-saved', {
        version,
        missingParts,
        warnings: warnings.map((w) => w.code),
        ...(adopted && changed.length > 0 && { levelChange: { phases: changed, from: current.dossier.plan?.levels ?? null, to: plan.levels, reason: changeReason } }),
      });
      return { version, missingParts, warnings };
    });
  }

  addStakeholder(projectId: string, input: NewStakeholder, actor: Actor, now = new Date()): Promise<StakeholderEntity> {
    return this.write(projectId, actor, now, async ({ manager, project, at, audit }) => {
      if (!stakeholderFitsDomain(input.kind, input.domain)) {
        throw new ApiError(422, 'stakeholder-kind-wrong-domain', `A stakeholder of kind ${input.kind} belongs to the ${STAKEHOLDER_KIND_DOMAIN[input.kind]} domain, not the ${input.domain} one (§1.5).`, { domain: STAKEHOLDER_KIND_DOMAIN[input.kind] });
      }
      const stakeholder: StakeholderEntity = { id: randomUUID(), projectId: project.id, name: input.name, domain: input.domain, kind: input.kind, ownKind: input.ownKind ?? null, approach: input.approach, createdBy: actor.name, createdAt: at };
      await this.files.insertStakeholder(manager, stakeholder);
      audit('stakeholder-added', { stakeholderId: stakeholder.id, name: input.name, domain: input.domain, kind: input.kind });
      return stakeholder;
    }, { initiativeAllowed: true });
  }

  /** Afdeling 3.4 Awb: the draft lies open for six weeks (art. 3:16), extended by the Algemene termijnenwet; the owner is reminded when it ends. */
  openInspection(projectId: string, input: NewInspection, actor: Actor, now = new Date()): Promise<InspectionEntity & { warnings: TermWarning[] }> {
    return this.write(projectId, actor, now, async (unit) => {
      const { manager, project, file, at, audit } = unit;
      const { dossier } = await file();
      if (!requiresInspection(dossier.plan)) {
        throw new ApiError(409, 'inspection-not-applicable', 'The plan of approach chooses no form of inspraak under afdeling 3.4 Awb (forms c and e), so nothing is laid open for inspection.');
      }
      if (!inPreparation(project.state)) {
        throw new ApiError(409, 'inspection-outside-preparation', `A draft decision is laid open during preparation; the project is in ${project.state}.`);
      }
      if (dossier.inspection) throw new ApiError(409, 'inspection-exists', 'The draft was already laid open in this cycle.');
      const term = inspectionTermEnd(input.laidOpenOn);
      const inspection: InspectionEntity = {
        id: randomUUID(),
        projectId: project.id,
        cycle: project.cycle,
        laidOpenOn: input.laidOpenOn,
        nominalEnd: term.nominalEnd,
        endsOn: term.endsOn,
        publishedIn: input.publishedIn,
        createdBy: actor.name,
        createdAt: at,
      };
      await this.files.insertInspection(manager, inspection);
      const warnings = termWarnings(term.endsOn);
      audit('inspection-opened', { inspectionId: inspection.id, laidOpenOn: input.laidOpenOn, publishedIn: input.publishedIn, nominalEnd: term.nominalEnd, endsOn: term.endsOn, extended: term.extended, warnings: warnings.map((w) => w.code) });
      // The owner hears when the term is over: a milestone at the start of the day after its last day.
      await addMilestoneTo(this.reminders, unit, { title: `Einde termijn zienswijzen (art. 3:16 Awb), ${term.endsOn}`, dueAt: `${addDays(term.endsOn, 1)}T00:00:00.000Z`, remindDaysBefore: 0 }, this.dayMs);
      return { ...inspection, warnings };
    });
  }

  /** A reaction (zienswijze) on the draft; one received after the term is marked late, not refused. */
  recordReaction(projectId: string, input: NewReaction, actor: Actor, now = new Date()): Promise<ReactionEntity> {
    return this.write(projectId, actor, now, async ({ manager, project, at, audit }) => {
      const inspection = await this.currentInspection(manager, project);
      if (isFutureDay(input.receivedOn, now)) throw new ApiError(422, 'reaction-in-future', `receivedOn ${input.receivedOn} lies in the future.`);
      const channel = input.channel ?? 'email';
      if (input.postedOn !== undefined && channel !== 'letter') throw new ApiError(422, 'postmark-without-letter', 'postedOn is the postmark of a letter; this reaction did not come by post.');
      if (input.postedOn !== undefined && input.postedOn > input.receivedOn) throw new ApiError(422, 'posted-after-received', `postedOn ${input.postedOn} lies after receivedOn ${input.receivedOn}.`);
      if (channel === 'oral' && !input.report) throw new ApiError(422, 'oral-report-missing', 'An oral zienswijze is recorded with a short report of what was said (art. 3:15 lid 2 Awb).');
      const reaction: ReactionEntity = {
        id: randomUUID(),
        inspectionId: inspection.id,
        projectId: project.id,
        receivedOn: input.receivedOn,
        channel,
        postedOn: input.postedOn ?? null,
        report: input.report ?? null,
        sender: input.sender,
        summary: input.summary,
        late: !reactionOnTime({ channel, receivedOn: input.receivedOn, postedOn: input.postedOn }, inspection.endsOn),
        answer: null,
        answeredOn: null,
        createdBy: actor.name,
        createdAt: at,
      };
      await this.files.insertReaction(manager, reaction);
      audit('reaction-received', { reactionId: reaction.id, receivedOn: input.receivedOn, channel, ...(input.postedOn && { postedOn: input.postedOn }), sender: input.sender, late: reaction.late });
      return reaction;
    });
  }

  answerReaction(projectId: string, reactionId: string, answer: { answer: string; answeredOn: string }, actor: Actor, now = new Date()): Promise<void> {
    return this.write(projectId, actor, now, async ({ manager, project, audit }) => {
      const reaction = await this.files.findReaction(manager, project.id, reactionId);
      if (!reaction) throw ApiError.notFound('reaction', reactionId);
      if (reaction.answer !== null) throw new ApiError(409, 'reaction-already-answered', 'This reaction has its answer already.');
      await this.files.answerReaction(manager, reactionId, answer.answer, answer.answeredOn);
      audit('reaction-answered', { reactionId, answeredOn: answer.answeredOn });
    });
  }

  private async currentInspection(manager: EntityManager, project: ProjectEntity) {
    const inspection = (await this.files.inspections(manager, [project.id])).find((i) => i.cycle === project.cycle);
    if (!inspection) throw new ApiError(409, 'no-inspection', 'Nothing lies open for inspection in this cycle.');
    return inspection;
  }

  private async saveDocument(manager: EntityManager, project: ProjectEntity, file: ProjectFile, kind: DocumentKind, data: unknown, actor: Actor, at: string, changeReason: string | null): Promise<number> {
    const version = (file.documents[kind]?.version ?? 0) + 1;
    await this.files.insertDocument(manager, { projectId: project.id, kind, version, data: JSON.stringify(data), changeReason, adoptedAt: null, createdBy: actor.name, createdAt: at });
    return version;
  }

  /**
   * One write to the file: the project still running and (for an initiative) formally
   * submitted, its file at hand (read only when the work asks for it), inside one unit of work.
   */
  private write<T>(projectId: string, actor: Actor, now: Date, work: (unit: FileUnit) => Promise<T>, options: { initiativeAllowed?: boolean } = {}): Promise<T> {
    const precondition = options.initiativeAllowed
      ? running('its file is closed')
      : runningAndSubmitted('its file is closed', 'Until the initiative is formally submitted the municipality only advises: it sets no level, scan or plan for it yet.');
    return this.units.withProject(projectId, actor, precondition, (unit) => {
      let loaded: Promise<ProjectFile> | undefined;
      const file = () => (loaded ??= loadProjectFiles(this.files, unit.manager, [unit.project], now).then((files) => files.get(unit.project.id)!));
      return work({ ...unit, file });
    }, now);
  }
}

/** A unit of work on the file, with the file read on demand. */
type FileUnit = ProjectUnit & { file: () => Promise<ProjectFile> };
