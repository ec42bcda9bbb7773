import { applicationTerm, assessQuickScan, describeLevel, FILE_PART_OF_STATE, levelOfPhase, PHASES, nextSteps, stateIdOf, guideOf, guideRefOf, type GuideRef, type Text, type DecisionPublication, type DecisionTerm, type GreenLight, type GreenLightRequest, type Phase, type QuickScanAdvice } from '../../machines/participation-project';
import { documentData } from '../workflow/dossier';
import { silenceStatus, type SilenceStatus } from '../../machines/silence/silence.rules';
import { toBlockerView, type BlockerView } from '../common/api-error';
import type { ProjectEntity } from '../database/project.entity';
import type { ProjectFile } from '../workflow/dossier';
import { snapshotOf } from '../workflow/workflow.service';

export interface NextStepView {
  event: string;
  requiredBody: string | null;
  allowed: boolean;
  blockers: BlockerView[];
  /** Issue 19: the step's latest request for a green light in this cycle; `pending` while its body has not answered it. */
  request: (GreenLightRequest & { pending: boolean }) | null;
  /** In its body's werkvoorraad; and whether a green light can be asked for it now (the rule: `nextSteps` in machines/). */
  awaited: boolean;
  requestable: boolean;
}

export interface ProjectView {
  id: string;
  title: string;
  description: string | null;
  /** Whom residents can contact about it (the public page). */
  publicContact: string | null;
  origin: string;
  /** For an initiative: a residents' initiative, or a challenge (uitdaagrecht); null for the municipality's own project. */
  initiativeKind: string | null;
  /** For an initiative: the activity an omgevingsvergunning is applied for. */
  permitActivity: string | null;
  /** What the project prepares, for the body the law makes competent (omgevingsplan, verordening, begroting, other). */
  decisionKind: string;
  /** The guide version the project runs under, and its hash (issue 20). */
  guide: GuideRef & { name: Text };
  politicalSensitivity: string;
  state: string;
  status: 'active' | 'done';
  cycle: number;
  version: number;
  gateBodies: Record<string, string>;
  submission: { submittedOn: string; reference: string } | null;
  silence: {
    windowDays: number;
    lastCommunicationAt: string | null;
    /** Since when participants have heard nothing: the last communication, or the moment counting began; null when silence is not counted. */
    silentSince: string | null;
    /** The end of the allowed silence (silentSince + window): overdue from then until a communication is recorded. */
    allowedUntil: string | null;
    /** When the next reminder is due; null when silence is not counted (or reminders are off). */
    nextReminderAt: string | null;
    /** Reminders sent since the last communication. */
    remindersSent: number;
    /** Null where silence is not counted: before formal commitment, after the project ended, or with a window of 0. */
    status: SilenceStatus | null;
    /** The owner counts silence also where the planned level is "none" (§1.3). */
    countedAlways: boolean;
  };
  ownerEmail: string | null;
  administratorEmail: string | null;
  /** Whether the public page for residents is on, and its address. */
  public: boolean;
  slug: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** The quick scan's advice, once the scan is complete. */
  quickScanAdvice: QuickScanAdvice | null;
  /** The plan's level per phase, with its derived governance style (§1.2, §1.3). */
  levels: Array<{ phase: Phase; level: string | null; style: string | null; styleNl: string | null; category: string | null }>;
  /** The draft laid open for inspection in this cycle (Awb 3.4), if any. */
  inspection: { endsOn: string; unansweredReactions: number } | null;
  /** For an application: the term to decide on it (Omgevingswet art. 16.64), or suspended while it is completed (Awb art. 4:15). */
  decisionTerm: DecisionTerm | null;
  /** The bekendmaking of each decision taken, with its term for objection or appeal (Awb art. 3:40–3:45, 6:7, 6:8). */
  publications: DecisionPublication[];
  nextSteps: NextStepView[];
}

/** The project as clients see it: the stored row plus what the machine says can happen next. */
export function toProjectView(project: ProjectEntity, openDecisions: readonly GreenLight[], file: ProjectFile, clock: { now: Date; dayMs: number }): ProjectView {
  const snapshot = snapshotOf(project);
  // Before the route is decided a quick scan's level without interaction is only a possibility, not the project's level.
  const routeDecided = !(stateIdOf(snapshot) in FILE_PART_OF_STATE);
  return {
    id: project.id,
    title: project.title,
    description: project.description,
    publicContact: project.publicContact,
    origin: project.origin,
    initiativeKind: project.origin === 'initiative' ? (snapshot.context.initiativeKind ?? 'initiative') : null,
    permitActivity: snapshot.context.permitActivity ?? null,
    decisionKind: snapshot.context.decisionKind ?? 'other',
    guide: { ...guideRefOf(snapshot.context), name: guideOf(snapshot.context).name },
    politicalSensitivity: project.politicalSensitivity,
    state: stateIdOf(snapshot),
    status: snapshot.status === 'done' ? 'done' : 'active',
    cycle: snapshot.context.cycle,
    version: project.version,
    gateBodies: snapshot.context.gateBodies,
    submission: snapshot.context.submission,
    silence: {
      windowDays: project.silenceWindowDays,
      lastCommunicationAt: project.lastCommunicationAt,
      silentSince: project.silenceSince,
      allowedUntil: project.silenceAllowedUntil,
      nextReminderAt: project.silenceDeadline,
      remindersSent: project.silenceLevel,
      status: silenceStatus(project.silenceAllowedUntil, clock.now, clock.dayMs),
      countedAlways: Boolean(project.silenceAlways),
    },
    public: Boolean(project.public),
    slug: project.slug,
    ownerEmail: project.ownerEmail,
    administratorEmail: project.administratorEmail,
    createdBy: project.createdBy,
    createdAt: project.createdAt,
    updatedAt: project.updatedAt,
    quickScanAdvice: assessQuickScan(file.dossier.quickScan).advice,
    levels: PHASES.map((phase) => {
      const level = routeDecided ? levelOfPhase(phase, file.dossier) : file.dossier.plan?.levels?.[phase];
      const described = level ? describeLevel(level) : null;
      return { phase, level: level ?? null, style: described?.style.key ?? null, styleNl: described?.style.nl ?? null, category: described?.category ?? null };
    }),
    inspection: file.dossier.inspection && { endsOn: file.dossier.inspection.endsOn, unansweredReactions: file.dossier.unansweredReactions },
    decisionTerm: applicationTerm(snapshot.context, file.dossier.applicantAccount, file.dossier.today),
    publications: documentData<{ items: DecisionPublication[] }>(file.documents, 'decision-notices')?.items ?? [],
    nextSteps: nextSteps(snapshot, openDecisions, file.dossier, file.requests).map((step) => ({ ...step, blockers: step.blockers.map(toBlockerView), request: step.request && { ...step.request.request, pending: step.request.pending } })),
  };
}
