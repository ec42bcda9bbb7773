import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from '../database/transaction-runner';
import { rulesOf } from './guide-terms';
import {
  addDays,
  termPassedAt,
  applicantAccountMissing,
  type ProjectContext,
  isChallenge,
  type ApplicantParticipationAccount,
  type ChallengeAgreement,
  type ChallengeAssessment,
  type RaadInformation,
  assessQuickScan,
  changedLevels,
  commitmentMissing,
  evaluationMissing,
  type Evaluation,
  inspectionTermEnd,
  termWarnings,
  reactionOnTime,
  reactionFault,
  inspectionTerm,
  type ReactionChannel,
  type TermWarning,
  inPreparation,
  plannedLevel,
  inspraakFormAllowed,
  inspraakFormOffered,
  planWithScannedInspraak,
  PHASES,
  type InspraakForm,
  type Level,
  type Phase,
  levelsNotOffered,
  guideOf,
  type GuideDocument,
  inspraakFormContradiction,
  planWarnings,
  planMissingParts,
  inspectionProcedure,
  inspraakOf,
  type InspraakProcedure,
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
  EVENT_NAMES,
  inspraakAgainstLaw,
  type LawConflict,
  type ProjectEventType,
  appealTerm,
  publicationConflicts,
  type DecisionPublication,
  type NewDecisionPublication,
} from '../../machines/participation-project';
import type { Actor } from '../auth/roles';
import { ApiError } from '../common/api-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { DocumentKind, InspectionEntity, ReactionEntity, StakeholderEntity } from '../database/interaction.entities';
import type { ProjectEntity } from '../database/project.entity';
import { FileRepository } from '../database/file.repository';
import { ReminderRepository } from '../database/reminder.repository';
import { dutchDay, isFutureDay, longDay } from '../../machines/calendar/dutch-day';
import { WOO_CHECKS, wooChecksMissing, type WooCategory, type WooDocumentType, type WooHandling, type WooItem } from '../../machines/publication/woo';
import { DecisionRepository } from '../database/decision.repository';
import { TrailRepository } from '../database/trail.repository';
import { PersonalDataRepository } from '../database/personal-data.repository';
import { boundDecisions } from './decision-binding';
import { documentData, loadProjectFiles, type ProjectFile } from './dossier';
import { ANY_STATE, runningAndSubmitted, running, UnitOfWork, type ProjectUnit } from './unit-of-work';
import { addDecisionTermMilestone, addMilestoneTo, contextOf, gateBodiesAgainstLaw, recordedLater, syncSilence } from './workflow.service';
import { silenceCounted } from '../../machines/silence/silence.rules';

/** What a process manager gives to publish a document, or a decision (then only its id and the category). */
export interface NewWooItem {
  decisionId?: string;
  category: WooCategory;
  title?: string;
  reference?: string;
  documentUrl?: string;
  documentDate?: string;
  documentType?: WooDocumentType;
  handling?: WooHandling;
  /** Confirmed by the person publishing (Woo art. 5.1, 5.2; art. 5.1 lid 2 onder e). */
  exceptionsChecked?: boolean;
  personalDataRemoved?: boolean;
}

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
  /** Form f: the term, in days, of the procedure the college set, and that collegebesluit's reference. */
  termDays?: number;
  procedureReference?: string;
  /** Forms c and e: the statute or ordinance that sets a term longer than six weeks (art. 3:16 lid 1 Awb), with termDays. */
  termSource?: string;
}

/** Who brought an initiative: its initiator, applicant or challengers' contact. */
export interface Initiator {
  name: string;
  email?: string;
}

/** A terinzagelegging withdrawn after a faulty kennisgeving; its zienswijzen go to the next one. */
export interface WithdrawnInspection {
  id: string;
  laidOpenOn: string;
  publishedIn: string;
  endsOn: string;
  reactions: number;
  withdrawnOn: string;
  withdrawalReason: string;
}

export interface NewReaction {
  receivedOn: string;
  /** Default email. */
  channel?: ReactionChannel;
  postedOn?: string;
  report?: string;
  sender: string;
  /** An organisation is named in the public nota van beantwoording; a private person only numbered. */
  senderIsOrganisation?: boolean;
  summary: string;
  /** Given on the public form (issue 19): where the answer goes; personal data, kept apart and erased with the sender. */
  contact?: { address: string; email?: string };
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
  private readonly rules: AppConfig['rules'];

  constructor(
    private readonly units: UnitOfWork,
    private readonly files: FileRepository,
    private readonly reminders: ReminderRepository,
    private readonly decisions: DecisionRepository,
    private readonly trail: TrailRepository,
    private readonly personalData: PersonalDataRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.dayMs = config.reminders.dayMs;
    this.rules = config.rules;
  }

  saveQuickScan(projectId: string, scan: QuickScan, actor: Actor, now = new Date()): Promise<QuickScanAssessment> {
    return this.write(projectId, actor, now, async (unit) => {
      const { manager, project, file, at, audit } = unit;
      const inspraak = inspraakOf(null, scan);
      if (inspraak && !inspraakFormAllowed(inspraak)) throw inspraakFormNotAllowed(inspraak);
      // Without interaction the level holds for every phase (§1.4).
      throwOnGuide(guideOf(contextOf(project)), inspraak?.form, scan.levelWithoutInteraction ? Object.fromEntries(PHASES.map((phase) => [phase, scan.levelWithoutInteraction])) : undefined);
      throwOnConflict(inspraakAgainstLaw(contextOf(project).decisionKind, scan.inspraak, scan.levelWithoutInteraction));
      const assessment = assessQuickScan(scan);
      const current = await file();
      const version = await this.saveDocument(manager, project, current, 'quick-scan', scan, actor, at, null);
      const silence = this.resyncSilence(unit, { plan: current.dossier.plan, quickScan: scan });
      audit('quick-scan-recorded', { version, complete: assessment.complete, advice: assessment.advice, missing: assessment.missing, scan, ...silence });
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

  /**
   * Uitdaagrecht: the assessment of a challenge is a decision of the competent body, judged on the
   * municipality's criteria (issue 18), recorded by its office; taking the challenge up waits for it
   * (challenge-assessment-missing), and one not honoured ends it (challenge-not-honoured). An
   * assessment after its term is kept, marked late, with the term.
   */
  saveChallengeAssessment(projectId: string, assessment: ChallengeAssessment, actor: Actor, now = new Date()): Promise<{ version: number; dueOn: string; late: boolean }> {
    return this.write(projectId, actor, now, async ({ manager, project, file, at, audit }) => {
      const context = contextOf(project);
      if (!isChallenge(context)) throw new ApiError(409, 'not-a-challenge', 'Only a challenge under the right to challenge (initiativeKind challenge) is assessed this way.');
      if (isFutureDay(assessment.assessedOn, now)) throw new ApiError(422, 'assessment-in-future', `assessedOn ${assessment.assessedOn} lies in the future.`);
      const submittedOn = context.submission!.submittedOn;
      if (assessment.assessedOn < submittedOn) throw new ApiError(422, 'assessment-before-submission', `assessedOn ${assessment.assessedOn} lies before the challenge was submitted (${submittedOn}).`, { submittedOn });
      const dueOn = addDays(submittedOn, rulesOf(context, this.rules).challengeAssessmentDays);
      const recorded: ChallengeAssessment = { ...assessment, dueOn, late: assessment.assessedOn > dueOn };
      const version = await this.saveDocument(manager, project, await file(), 'challenge-assessment', recorded, actor, at, null);
      audit('challenge-assessed', { version, ...recorded, ...recordedLater(assessment.assessedOn, at) });
      return { version, dueOn, late: recorded.late! };
    });
  }

  /** The day the assessment with its reasons went to the challenger (Awb art. 3:41, 3:46); a challenge not honoured ends only after it. */
  recordChallengerInformed(projectId: string, sentOn: string, actor: Actor, now = new Date()): Promise<ChallengeAssessment> {
    return this.write(projectId, actor, now, async ({ manager, project, file, at, audit }) => {
      const current = await file();
      const assessment = current.dossier.challengeAssessment;
      if (!isChallenge(contextOf(project)) || !assessment) throw new ApiError(409, 'challenge-assessment-missing', 'The challenger is informed of an assessment: record the competent body’s assessment first.');
      if (isFutureDay(sentOn, now)) throw new ApiError(422, 'notice-in-future', `sentOn ${sentOn} lies in the future; record it once it went.`);
      if (sentOn < assessment.assessedOn) throw new ApiError(422, 'notice-before-assessment', `sentOn ${sentOn} lies before the assessment (${assessment.assessedOn}).`, { assessedOn: assessment.assessedOn });
      const informed: ChallengeAssessment = { ...assessment, challengerInformedOn: sentOn };
      const version = await this.saveDocument(manager, project, current, 'challenge-assessment', informed, actor, at, null);
      audit('challenger-informed', { version, conclusion: assessment.conclusion, sentOn });
      return informed;
    });
  }

  /**
   * Uitdaagrecht: a challenge honoured is taken up by an agreement with the challengers on the task
   * they take over, for a term (the participatieverordening under Gemeentewet art. 150); execution
   * follows it (challenge-agreement-missing), and its owner is reminded a month before its end to evaluate.
   */
  saveChallengeAgreement(projectId: string, agreement: ChallengeAgreement, actor: Actor, now = new Date()): Promise<ChallengeAgreement & { version: number }> {
    return this.write(projectId, actor, now, async (unit) => {
      const { manager, project, file, at, audit } = unit;
      const current = await file();
      const assessment = current.dossier.challengeAssessment;
      if (!isChallenge(contextOf(project))) throw new ApiError(409, 'not-a-challenge', 'Only a challenge under the right to challenge (initiativeKind challenge) is taken up by an agreement.');
      if (assessment?.conclusion !== 'honoured') throw new ApiError(409, 'challenge-not-honoured', 'An agreement follows a challenge the competent body honoured; record that assessment first.');
      if (isFutureDay(agreement.concludedOn, now)) throw new ApiError(422, 'agreement-in-future', `concludedOn ${agreement.concludedOn} lies in the future.`);
      if (agreement.concludedOn < assessment.assessedOn) throw new ApiError(422, 'agreement-before-assessment', `concludedOn ${agreement.concludedOn} lies before the challenge was honoured (${assessment.assessedOn}).`, { assessedOn: assessment.assessedOn });
      if (agreement.endsOn <= agreement.startsOn) throw new ApiError(422, 'agreement-term-invalid', `The agreement’s term ends (${agreement.endsOn}) before or on the day it starts (${agreement.startsOn}).`);
      const version = await this.saveDocument(manager, project, current, 'challenge-agreement', agreement, actor, at, null);
      audit('challenge-agreement-recorded', { version, ...agreement });
      const title = `Einde overeenkomst uitdaagrecht ${agreement.reference}: ${longDay(agreement.endsOn, 'nl')}; evalueer de uitvoering`;
      await addMilestoneTo(this.reminders, unit, { title, dueAt: termPassedAt(agreement.endsOn), remindDaysBefore: 30 }, this.dayMs);
      return { ...agreement, version };
    });
  }

  /**
   * The initiator of an initiative (its applicant, or the challengers): name and e-mail address, to
   * reach them, for instance with the reasons of an assessment. Personal data: kept apart from the
   * trail, which commits to its salted digest, and erased after its own retention period (AVG art. 5 lid 1 e).
   */
  recordInitiator(projectId: string, initiator: Initiator, actor: Actor, now = new Date()): Promise<Initiator> {
    return this.write(projectId, actor, now, async ({ manager, project, at, audit }) => {
      if (project.origin !== 'initiative') throw new ApiError(409, 'not-an-initiative', 'An initiator belongs to an initiative; this project is the municipality’s own.');
      const kept = await this.personalData.keep(manager, project.id, 'initiator', JSON.stringify(initiator), at);
      audit('initiator-recorded', { initiator: kept });
      return initiator;
    }, { initiativeAllowed: true });
  }

  /**
   * §2.4: the raad informed about a step, by a raadsinformatiebrief or in a commissie meeting;
   * kept in the file with the cycle, where a plan may ask for it before the step (raad-not-informed).
   */
  recordRaadInformation(projectId: string, input: Omit<RaadInformation, 'cycle'>, actor: Actor, now = new Date()): Promise<RaadInformation & { version: number }> {
    return this.write(projectId, actor, now, async ({ manager, project, file, at, audit }) => {
      if (isFutureDay(input.date, now)) throw new ApiError(422, 'information-in-future', `date ${input.date} lies in the future; record how the raad was informed once it happened.`);
      const current = await file();
      const item: RaadInformation = { ...input, cycle: project.cycle };
      const items = [...(documentData<{ items: RaadInformation[] }>(current.documents, 'raad-informed')?.items ?? []), item];
      const version = await this.saveDocument(manager, project, current, 'raad-informed', { items }, actor, at, null);
      audit('raad-informed', { version, ...item });
      return { ...item, version };
    });
  }

  /** The process manager's own closing text of the participation account; every version is kept. */
  saveAccountClosingText(projectId: string, text: string, actor: Actor, now = new Date()): Promise<{ version: number }> {
    return this.write(projectId, actor, now, async ({ manager, project, file, at, audit }) => {
      const version = await this.saveDocument(manager, project, await file(), 'account-closing', { text }, actor, at, null);
      audit('account-closing-saved', { version });
      return { version };
    }, { endedAllowed: true });
  }

  /**
   * Woo art. 3.3: a document, or a decision with its document, marked for active publication
   * under one information category; kept in the file, with the day it was published.
   */
  publishForWoo(projectId: string, input: NewWooItem, actor: Actor, now = new Date()): Promise<WooItem> {
    return this.write(projectId, actor, now, async ({ manager, project, file, at, audit }) => {
      // Issue 18: a person confirms what the service cannot read in the document itself.
      const unchecked = wooChecksMissing({ exceptions: input.exceptionsChecked, personalData: input.personalDataRemoved });
      if (unchecked.length > 0) {
        const list = (lang: 'nl' | 'en') => unchecked.map((check) => WOO_CHECKS[check][lang]).join(lang === 'nl' ? ' en ' : ' and ');
        throw new ApiError(422, 'woo-check-missing', `Confirm ${list('en')} before the document goes public.`, { messageNl: `Bevestig eerst de controle op ${list('nl')}. Pas dan kan het document openbaar.`, checks: unchecked.map((check) => ({ check, source: WOO_CHECKS[check].source })) });
      }
      const current = await file();
      const items = wooItemsIn(current);
      const item = await this.wooItem(manager, project, input, actor, now, at);
      if (item.decisionId && items.some((i) => i.decisionId === item.decisionId && !i.withdrawn)) {
        throw new ApiError(409, 'already-published', 'This decision is already marked for publication; withdraw it first to publish it again.');
      }
      if (isFutureDay(item.documentDate, now)) throw new ApiError(422, 'document-date-in-future', `documentDate ${item.documentDate} lies in the future.`);
      const version = await this.saveDocument(manager, project, current, 'woo-publications', { items: [...items, item] }, actor, at, null);
      audit('woo-published', { version, ...item });
      return item;
    }, { endedAllowed: true });
  }

  /** Takes an item out of the publication; it stays in the file with the reason (DiWoo redenVerwijderingVervanging). */
  withdrawFromWoo(projectId: string, itemId: string, reason: string, actor: Actor, now = new Date()): Promise<WooItem> {
    return this.write(projectId, actor, now, async ({ manager, project, file, at, audit }) => {
      const current = await file();
      const items = wooItemsIn(current);
      const item = items.find((i) => i.id === itemId);
      if (!item) throw ApiError.notFound('publication', itemId);
      if (item.withdrawn) throw new ApiError(409, 'already-withdrawn', `This item was withdrawn on ${item.withdrawn.on}.`);
      const withdrawn: WooItem = { ...item, withdrawn: { on: dutchDay(now), reason } };
      const version = await this.saveDocument(manager, project, current, 'woo-publications', { items: items.map((i) => (i.id === itemId ? withdrawn : i)) }, actor, at, null);
      audit('woo-withdrawn', { version, id: itemId, reason });
      return withdrawn;
    }, { endedAllowed: true });
  }

  /**
   * After the decision (issue 18): its bekendmaking (Awb art. 3:40–3:42), under afdeling 3.4 its
   * terinzagelegging and the copy to those who gave zienswijzen (art. 3:44), and the remedy it names
   * (art. 3:45); the term for objection or appeal follows (art. 6:7, 6:8) and its end is a milestone.
   */
  recordDecisionPublication(projectId: string, decisionId: string, input: NewDecisionPublication, actor: Actor, now = new Date()): Promise<DecisionPublication> {
    return this.write(projectId, actor, now, async (unit) => {
      const { manager, project, file, at, audit } = unit;
      const [decision] = await boundDecisions(this.trail, manager, await this.decisions.byId(manager, project.id, decisionId));
      if (!decision) throw ApiError.notFound('decision', decisionId);
      if (decision.gate !== 'DECISION_TAKEN' || decision.outcome !== 'approved') {
        throw new ApiError(422, 'not-a-taken-decision', 'Only the approved decision of the decision-making phase (DECISION_TAKEN) is made known this way.');
      }
      const inFuture = (['publishedOn', 'laidOpenOn', 'reactorsNotifiedOn'] as const).filter((field) => input[field] && isFutureDay(input[field], now));
      if (inFuture.length > 0) throw new ApiError(422, 'publication-in-future', `${inFuture.join(', ')} lies in the future; record the bekendmaking once it happened.`, { fields: inFuture });
      const current = await file();
      const items = documentData<{ items: DecisionPublication[] }>(current.documents, 'decision-notices')?.items ?? [];
      if (items.some((i) => i.decisionId === decisionId)) throw new ApiError(409, 'already-made-known', 'The bekendmaking of this decision is recorded already.');
      const inspection = (await this.files.inspections(manager, [project.id])).find((i) => i.cycle === decision.cycle);
      const preparedUnderAwb34 = inspection?.procedure === 'awb-3.4';
      const conflicts = publicationConflicts(input, { decisionKind: contextOf(project).decisionKind, decidedOn: decision.decidedOn, preparedUnderAwb34, reactions: inspection?.reactions ?? 0 });
      if (conflicts.length > 0) {
        const [first] = conflicts;
        throw new ApiError(422, first.code, conflicts.map((c) => c.text.en).join(' '), { messageNl: conflicts.map((c) => c.text.nl).join(' '), conflicts: conflicts.map(({ code, source, text }) => ({ code, source, message: text.en, messageNl: text.nl })) });
      }
      const item: DecisionPublication = {
        decisionId,
        reference: decision.reference,
        cycle: decision.cycle,
        way: input.way,
        publishedOn: input.publishedOn,
        publishedIn: input.publishedIn,
        laidOpenOn: input.laidOpenOn ?? null,
        reactorsNotifiedOn: input.reactorsNotifiedOn ?? null,
        remedy: input.remedy,
        appeal: appealTerm(input, preparedUnderAwb34),
        recordedAt: at,
      };
      const version = await this.saveDocument(manager, project, current, 'decision-notices', { items: [...items, item] }, actor, at, null);
      audit('decision-made-known', { version, ...item, ...recordedLater(item.publishedOn, at) });
      if (item.appeal) {
        const kind = item.remedy === 'bezwaar' ? 'bezwaartermijn' : 'beroepstermijn';
        const title = `Einde ${kind} (artikel 6:7 Awb) van besluit ${decision.reference}: tot en met ${longDay(item.appeal.endsOn, 'nl')}`;
        await addMilestoneTo(this.reminders, unit, { title, dueAt: termPassedAt(item.appeal.endsOn), remindDaysBefore: 0, public: true }, this.dayMs);
      }
      return item;
    }, { endedAllowed: true });
  }

  /** A decision brings its own title, date and document; a document names them itself. */
  private async wooItem(manager: EntityManager, project: ProjectEntity, input: NewWooItem, actor: Actor, now: Date, at: string): Promise<WooItem> {
    const common = { id: randomUUID(), category: input.category, publishedOn: dutchDay(now), publishedAt: at, withdrawn: null, checked: { exceptions: true, personalData: true, by: actor.name, at } as const };
    if (!input.decisionId) {
      const missing = (['title', 'documentUrl', 'documentDate'] as const).filter((field) => !input[field]);
      if (missing.length > 0) throw new ApiError(422, 'document-incomplete', `A document is published with its ${missing.join(', ')}.`);
      return { ...common, decisionId: null, reference: input.reference ?? null, title: input.title!, documentUrl: input.documentUrl!, documentDate: input.documentDate!, documentType: input.documentType ?? 'besluit', handling: input.handling ?? 'vaststelling' };
    }
    // Only a decision as the trail recorded it: a row put in behind the service's back is not published.
    const [decision] = await boundDecisions(this.trail, manager, await this.decisions.byId(manager, project.id, input.decisionId));
    if (!decision) throw ApiError.notFound('decision', input.decisionId);
    const documentUrl = input.documentUrl ?? decision.documentUrl;
    if (!documentUrl) throw new ApiError(422, 'decision-document-missing', 'A decision is published with its document: give documentUrl, as the decision has no document link.');
    const kind = decision.body === 'raad' ? 'Raadsbesluit' : 'Collegebesluit';
    return {
      ...common,
      decisionId: decision.id,
      reference: decision.reference,
      title: input.title ?? `${kind} ${decision.reference}: ${EVENT_NAMES[decision.gate as ProjectEventType]?.nl ?? decision.gate} (${project.title})`,
      documentUrl,
      documentDate: decision.decidedOn,
      documentType: 'besluit',
      handling: 'vaststelling',
    };
  }

  /**
   * The applicant's account of participation (Omgevingsregeling art. 7.4), recorded with the
   * application, so before the formal submission; required there where the raad made
   * participation mandatory for the activity (Omgevingswet art. 16.55 lid 7).
   */
  saveApplicantAccount(projectId: string, account: ApplicantParticipationAccount, actor: Actor, now = new Date()): Promise<{ version: number; missing: string[] }> {
    return this.write(projectId, actor, now, async (unit) => {
      const { manager, project, file, at, audit } = unit;
      if (project.origin !== 'initiative') throw new ApiError(409, 'not-an-initiative', 'The applicant’s account of participation belongs to an initiative’s application; this project is the municipality’s own.');
      const context = contextOf(project);
      const current = await file();
      const previous = current.dossier.applicantAccount;
      const missing = applicantAccountMissing(account);
      if (account.receivedOn && isFutureDay(account.receivedOn, now)) throw new ApiError(422, 'account-in-future', `receivedOn ${account.receivedOn} lies in the future.`);
      if (account.receivedOn && context.submission && account.receivedOn < context.submission.submittedOn) {
        throw new ApiError(422, 'account-before-application', `receivedOn ${account.receivedOn} lies before the application was received (${context.submission.submittedOn}); an account given with the application needs no date.`);
      }
      // An application received without its mandatory account is complete from the day the account came in: the decision term runs again (Awb art. 4:15).
      const completes = !!context.participationMandatory?.repairUntil && missing.length === 0 && !previous?.completedOn;
      const completedOn = completes ? (account.receivedOn ?? dutchDay(now)) : missing.length === 0 ? previous?.completedOn : undefined;
      const recorded: ApplicantParticipationAccount = { ...account, ...(completedOn && { completedOn }) };
      const version = await this.saveDocument(manager, project, current, 'applicant-account', recorded, actor, at, null);
      audit('applicant-account-recorded', { version, missing, account: recorded });
      if (completes) await addDecisionTermMilestone(this.reminders, unit, context, recorded, this.dayMs, previous);
      return { version, missing };
    }, { initiativeAllowed: true });
  }

  /** A new version of the plan. Once a plan was adopted, changing a phase's level needs a reason. */
  savePlan(projectId: string, plan: Plan, changeReason: string | undefined, actor: Actor, now = new Date()): Promise<SavedPlan> {
    return this.write(projectId, actor, now, async (unit) => {
      const { manager, project, file, at, audit } = unit;
      const current = await file();
      const context = contextOf(project);
      throwOnGuide(guideOf(context), plan.inspraak?.form, plan.levels);
      const carried = planWithScannedInspraak(plan, current.dossier.quickScan);
      if ('dutyDiffers' in carried) {
        const duty = carried.dutyDiffers;
        throw new ApiError(422, 'inspraak-duty-differs', `The quick scan records that inspraak is ${duty ? '' : 'not '}legally required; the plan cannot say otherwise. Correct the quick scan first if it was wrong.`, { legallyRequired: duty });
      }
      plan = carried.plan;
      if (plan.inspraak && !inspraakFormAllowed(plan.inspraak)) throw inspraakFormNotAllowed(plan.inspraak);
      throwOnConflict(inspraakAgainstLaw(context.decisionKind, plan.inspraak, plan.levels?.preparation));
      const notCompetent = gateBodiesAgainstLaw(context, plan.process?.gateBodies);
      if (notCompetent) throw notCompetent;
      const contradiction = inspraakFormContradiction(plan);
      if (contradiction) throw new ApiError(422, 'inspraak-form-contradicts-levels', contradiction.en, { messageNl: contradiction.nl });
      const known = new Set(await this.files.stakeholderIds(manager, project.id));
      const unknown = (plan.targetGroups ?? []).map((g) => g.stakeholderId).filter((id): id is string => !!id && !known.has(id));
      if (unknown.length > 0) throw new ApiError(422, 'unknown-stakeholder', `No stakeholder group ${unknown.join(', ')} in this project.`, { stakeholderIds: unknown });

      const changed = changedLevels(current.dossier.plan, plan);
      const adopted = await this.files.documentAdopted(manager, project.id, 'plan');
      if (adopted && changed.length > 0 && !changeReason?.trim()) {
        throw new ApiError(422, 'change-reason-required', `The plan was adopted; changing the level of ${changed.join(', ')} needs a reason (changeReason).`, { phases: changed });
      }
      const version = await this.saveDocument(manager, project, current, 'plan', plan, actor, at, changeReason?.trim() || null);
      const missingParts = planMissingParts(plan);
      const warnings = planWarnings(plan);
      const silence = this.resyncSilence(unit, { plan, quickScan: current.dossier.quickScan });
      audit('plan-saved', {
        version,
        ...silence,
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

  /**
   * The terinzagelegging (§1.4), on either route: under afdeling 3.4 Awb six weeks (art. 3:16), under
   * the inspraakverordening its own term (INSPRAAK_TERM_DAYS), under a procedure the college set the
   * term that collegebesluit names; each extended by the Algemene termijnenwet. The owner is reminded when it ends.
   */
  openInspection(projectId: string, input: NewInspection, actor: Actor, now = new Date()): Promise<InspectionEntity & { warnings: TermWarning[] }> {
    return this.write(projectId, actor, now, async (unit) => {
      const { manager, project, file, at, audit } = unit;
      const { dossier } = await file();
      const procedure = inspectionProcedure(dossier.plan, dossier.quickScan);
      if (!procedure) {
        throw new ApiError(409, 'inspection-not-applicable', 'The inspraak chosen for this project (forms a or d, §1.4, or none yet) lays no draft open for reactions.');
      }
      const term = this.term(procedure, input, contextOf(project));
      if (!inPreparation(project.state)) {
        throw new ApiError(409, 'inspection-outside-preparation', `A draft decision is laid open during preparation; the project is in ${project.state}.`);
      }
      if (dossier.inspection) throw new ApiError(409, 'inspection-exists', 'The draft was already laid open in this cycle; withdraw that terinzagelegging first if its kennisgeving was faulty.');
      const ends = inspectionTermEnd(input.laidOpenOn, term.termDays);
      const inspection: InspectionEntity = {
        id: randomUUID(),
        projectId: project.id,
        cycle: project.cycle,
        laidOpenOn: input.laidOpenOn,
        nominalEnd: ends.nominalEnd,
        endsOn: ends.endsOn,
        publishedIn: input.publishedIn,
        procedure,
        ...term,
        withdrawnOn: null,
        withdrawalReason: null,
        createdBy: actor.name,
        createdAt: at,
      };
      await this.files.insertInspection(manager, inspection);
      // Redone after a faulty kennisgeving: the zienswijzen already given stay valid (the product's choice; residents need not react again).
      const carriedOver = await this.files.carryReactions(manager, project.id, project.cycle, inspection.id);
      const warnings = termWarnings(ends.endsOn);
      audit('inspection-opened', {
        inspectionId: inspection.id,
        procedure,
        termDays: term.termDays,
        ...(term.procedureReference && { procedureReference: term.procedureReference }),
        ...(term.termSource && { termSource: term.termSource }),
        postalWeek: term.postalWeek,
        laidOpenOn: input.laidOpenOn,
        publishedIn: input.publishedIn,
        nominalEnd: ends.nominalEnd,
        endsOn: ends.endsOn,
        extended: ends.extended,
        warnings: warnings.map((w) => w.code),
        ...(carriedOver > 0 && { carriedOver }),
      });
      // The owner hears when the term is over: a milestone at the start of the Dutch day after its last day.
      const lastDay = longDay(ends.endsOn, 'nl');
      await addMilestoneTo(this.reminders, unit, { title: `Einde termijn zienswijzen (${term.termSource ?? PROCEDURE_SOURCE[procedure]}): tot en met ${lastDay}`, dueAt: termPassedAt(ends.endsOn), remindDaysBefore: 0, public: true }, this.dayMs);
      return { ...inspection, warnings };
    });
  }

  /**
   * A kennisgeving that was faulty (published in the wrong place, a wrong term, a missing document):
   * the terinzagelegging is withdrawn with its reason and stays in the file and the trail, marked;
   * the draft is then laid open anew in the same cycle, with a term of its own (issue 18; Awb art. 3:12, 3:16).
   */
  withdrawInspection(projectId: string, reason: string, actor: Actor, now = new Date()): Promise<WithdrawnInspection> {
    return this.write(projectId, actor, now, async ({ manager, project, audit }) => {
      if (!inPreparation(project.state)) throw new ApiError(409, 'inspection-outside-preparation', `A terinzagelegging is withdrawn and redone during preparation; the project is in ${project.state}.`);
      const { id, laidOpenOn, publishedIn, endsOn, reactions } = await this.currentInspection(manager, project);
      const withdrawn: WithdrawnInspection = { id, laidOpenOn, publishedIn, endsOn, reactions, withdrawnOn: dutchDay(now), withdrawalReason: reason };
      await this.files.withdrawInspection(manager, id, withdrawn.withdrawnOn, reason);
      audit('inspection-withdrawn', { inspectionId: id, laidOpenOn, publishedIn, reactions, withdrawnOn: withdrawn.withdrawnOn, reason });
      return withdrawn;
    });
  }

  /** A reaction (zienswijze) on the draft; one received after the term is marked late, not refused. */
  recordReaction(projectId: string, input: NewReaction, actor: Actor, now = new Date()): Promise<ReactionEntity> {
    return this.write(projectId, actor, now, async ({ manager, project, at, audit }) => {
      const inspection = await this.currentInspection(manager, project);
      if (isFutureDay(input.receivedOn, now)) throw new ApiError(422, 'reaction-in-future', `receivedOn ${input.receivedOn} lies in the future.`);
      const channel = input.channel ?? 'email';
      const fault = reactionFault({ ...input, channel });
      if (fault) {
        const why = { 'postmark-without-letter': 'postedOn is the postmark of a letter; this reaction did not come by post.', 'posted-after-received': `postedOn ${input.postedOn} lies after receivedOn ${input.receivedOn}.`, 'oral-report-missing': 'An oral zienswijze is recorded with a report of what was said (art. 3:17 Awb).' }[fault];
        throw new ApiError(422, fault, why);
      }
      const reaction: ReactionEntity = {
        id: randomUUID(),
        inspectionId: inspection.id,
        projectId: project.id,
        number: await this.files.nextReactionNumber(manager, project.id),
        receivedOn: input.receivedOn,
        channel,
        postedOn: input.postedOn ?? null,
        report: input.report ?? null,
        sender: input.sender,
        senderIsOrganisation: input.senderIsOrganisation ?? false,
        summary: input.summary,
        late: !reactionOnTime({ channel, receivedOn: input.receivedOn, postedOn: input.postedOn }, inspection.endsOn, inspection.postalWeek),
        answer: null,
        answeredOn: null,
        changedDraft: null,
        createdBy: actor.name,
        createdAt: at,
      };
      await this.files.insertReaction(manager, reaction);
      // The chain commits to a salted digest of the sender's name, never the name: it can be erased later (AVG art. 5 lid 1 e).
      const sender = await this.personalData.keep(manager, project.id, 'reaction-sender', input.sender, at);
      const contact = input.contact && (await this.personalData.keep(manager, project.id, 'reaction-contact', JSON.stringify({ number: reaction.number, ...input.contact }), at));
      audit('reaction-received', { reactionId: reaction.id, number: reaction.number, receivedOn: input.receivedOn, channel, ...(input.postedOn && { postedOn: input.postedOn }), sender, ...(contact && { contact }), late: reaction.late });
      return reaction;
    });
  }

  answerReaction(projectId: string, reactionId: string, answer: { answer: string; answeredOn: string; changedDraft?: boolean }, actor: Actor, now = new Date()): Promise<void> {
    return this.write(projectId, actor, now, async ({ manager, project, audit }) => {
      const reaction = await this.files.findReaction(manager, project.id, reactionId);
      if (!reaction) throw ApiError.notFound('reaction', reactionId);
      if (reaction.answer !== null) throw new ApiError(409, 'reaction-already-answered', 'This reaction has its answer already.');
      if (isFutureDay(answer.answeredOn, now)) throw new ApiError(422, 'answer-in-future', `answeredOn ${answer.answeredOn} lies in the future; a decision resting on the answer would be dated before it.`);
      await this.files.answerReaction(manager, reactionId, { ...answer, changedDraft: answer.changedDraft ?? false });
      audit('reaction-answered', { reactionId, answeredOn: answer.answeredOn, changedDraft: answer.changedDraft ?? false });
    });
  }

  /**
   * §1.3: a new level for the current phase (in the plan, or in the quick scan of a project
   * without interaction) may start or stop the silence clock; the entry says which.
   */
  private resyncSilence(unit: ProjectUnit, file: { plan: Plan | null; quickScan: QuickScan | null }): { silenceCounted?: boolean } {
    const { project } = unit;
    const counted = silenceCounted(project.state, plannedLevel(project.state, file), project.silenceAlways, contextOf(project));
    return syncSilence(unit, counted, unit.at, this.dayMs) ? { silenceCounted: counted } : {};
  }

  /** The term of the procedure and whether the postal week follows it (the rule: `inspectionTerm` in machines/), or its refusal. */
  private term(procedure: InspraakProcedure, input: NewInspection, context: ProjectContext): Pick<InspectionEntity, 'termDays' | 'procedureReference' | 'termSource' | 'postalWeek'> {
    const choice = inspectionTerm(procedure, input, rulesOf(context, this.rules));
    if ('refused' in choice) throw new ApiError(422, choice.refused, choice.message, choice.minimumDays === undefined ? undefined : { minimumDays: choice.minimumDays });
    return choice;
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
  private write<T>(projectId: string, actor: Actor, now: Date, work: (unit: FileUnit) => Promise<T>, options: { initiativeAllowed?: boolean; endedAllowed?: boolean } = {}): Promise<T> {
    // The account looks back: its closing text is written when the project has ended, too.
    const precondition = options.endedAllowed
      ? ANY_STATE
      : options.initiativeAllowed
        ? running('its file is closed')
        : runningAndSubmitted('its file is closed', 'Until the initiative is formally submitted the municipality only advises: it sets no level, scan or plan for it yet.');
    return this.units.withProject(projectId, actor, precondition, (unit) => {
      let loaded: Promise<ProjectFile> | undefined;
      const file = () => (loaded ??= loadProjectFiles(this.files, unit.manager, [unit.project], now).then((files) => files.get(unit.project.id)!));
      return work({ ...unit, file });
    }, now);
  }
}

/** The items marked for publication (Woo) in the file as it stands. */
const wooItemsIn = (file: ProjectFile): WooItem[] => documentData<{ items: WooItem[] }>(file.documents, 'woo-publications')?.items ?? [];


/** Where the term of each procedure comes from, as the milestone names it. */
const PROCEDURE_SOURCE: Record<InspraakProcedure, string> = {
  'awb-3.4': 'artikel 3:16 Awb',
  ordinance: 'inspraakverordening',
  'college-procedure': 'procedure van het college',
};

/** The law's word on the inspraak chosen, as a refusal with its code and both sentences. */
/** What the project's guide does not offer (issue 20): a level in a phase (§1.3), a form of inspraak (§1.4). */
function throwOnGuide(guide: GuideDocument, form: InspraakForm | undefined, levels: Partial<Record<Phase, Level>> | undefined): void {
  if (form && !inspraakFormOffered(guide, form)) {
    throw new ApiError(422, 'inspraak-form-not-offered', `The guide ${guide.id} does not use inspraak form ${form}; it uses ${guide.inspraak.forms.join(', ')}.`, { offered: guide.inspraak.forms });
  }
  const notOffered = levelsNotOffered(guide, levels);
  if (notOffered.length > 0) {
    throw new ApiError(422, 'level-not-offered', `The guide ${guide.id} does not offer ${notOffered.map((n) => `${n.level} in ${n.phase}`).join(', ')}.`, { levels: notOffered, offered: guide.levels });
  }
}

function throwOnConflict(conflict: LawConflict | null): void {
  if (conflict) throw new ApiError(422, conflict.code, conflict.text.en, { messageNl: conflict.text.nl });
}

function inspraakFormNotAllowed(inspraak: { legallyRequired: boolean; form: string }): ApiError {
  return new ApiError(422, 'inspraak-form-not-allowed', `Form ${inspraak.form} is not on offer when inspraak is ${inspraak.legallyRequired ? '' : 'not '}legally required (§1.4: a–d when it is not, e–f when it is).`);
}

/** A unit of work on the file, with the file read on demand. */
type FileUnit = ProjectUnit & { file: () => Promise<ProjectFile> };
