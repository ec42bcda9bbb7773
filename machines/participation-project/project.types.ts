import type { Level, Phase } from '../interaction/catalogue';
import type { Evaluation } from '../interaction/plan';
import type { Commitment, Plan } from '../interaction/plan';
import type { QuickScan } from '../interaction/quick-scan';
import type { GuideRef } from '../guide/guide.types';
import type { DecisionOutcome, GatedEventType, GoverningBody, RaadInforming } from './gates';

export * from './gates';

/** The vocabulary of a participation project: what it is, and what can happen to it. */

export type Origin = 'municipality' | 'initiative';
/**
 * What kind of initiative (§1.1 initiate): residents' own plan, or a challenge under the right
 * to challenge (uitdaagrecht: residents offer to take over a task of the municipality; Gemeentewet
 * art. 150 as amended by the Wet versterking participatie op decentraal niveau, in force since 1 January 2025).
 */
export type InitiativeKind = 'initiative' | 'challenge';
export const INITIATIVE_KINDS: readonly InitiativeKind[] = ['initiative', 'challenge'];
export type PoliticalSensitivity = 'low' | 'high';

export const ORIGINS: readonly Origin[] = ['municipality', 'initiative'];
export const POLITICAL_SENSITIVITIES: readonly PoliticalSensitivity[] = ['low', 'high'];

/**
 * What the project prepares, for the body the law makes competent apart from political
 * sensitivity: an omgevingsplan (Omgevingswet art. 2.4), a verordening (Gemeentewet art. 147
 * lid 1), the begroting (Gemeentewet art. 189 lid 1) are the raad's; `other` leaves it to the
 * sensitivity and the plan.
 */
export type DecisionKind = 'omgevingsplan' | 'verordening' | 'begroting' | 'other';
export const DECISION_KINDS: readonly DecisionKind[] = ['omgevingsplan', 'verordening', 'begroting', 'other'];


/** A recorded decision of a governing body about one gate in one cycle. */
export interface GreenLight {
  id: string;
  gate: GatedEventType;
  cycle: number;
  body: GoverningBody;
  outcome: DecisionOutcome;
  /** The date of the decision, YYYY-MM-DD. */
  decidedOn: string;
  /** When it was recorded, ISO-8601; orders decisions taken on the same day. */
  recordedAt: string;
  /** Why the body went ahead against the quick scan's advice, where it did. */
  justification?: string | null;
  /** Why it did not approve, or postponed (its note): shown to whoever waits for the step. */
  reason?: string | null;
}

/**
 * What the project's file holds when a gate is judged: the facts the guide's rules need,
 * read from the database by the caller, so the machine stays pure.
 */
export interface Dossier {
  quickScan: QuickScan | null;
  commitment: Commitment | null;
  /** The plan of approach as it now stands (its latest version). */
  plan: Plan | null;
  /** Communications that told participants the level of a phase (§1.3). */
  announcements: ReadonlyArray<{ phase: Phase; level: Level }>;
  /**
   * The inspection of the draft in this cycle: its last day, and whether a letter posted within
   * the term may still arrive in the week after (afdeling 3.4 Awb, form b unless its ordinance says otherwise).
   */
  inspection: { endsOn: string; postalWeek: boolean } | null;
  unansweredReactions: number;
  /** The day the last zienswijze of this cycle was answered (the nota van beantwoording), if any. */
  lastAnsweredOn?: string | null;
  /** The Dutch day each document's latest version was recorded: a green light cannot approve what was not there yet. */
  recordedOn?: { quickScan?: string; plan?: string };
  /** The evaluation of this cycle (§2.4), as it now stands. */
  evaluation: Evaluation | null;
  /** How the raad was informed in this cycle (§2.4): raadsinformatiebrieven and commissie treatments, per gate. */
  raadInformed: ReadonlyArray<{ gate: GatedEventType; kind: RaadInformationKind; date?: string }>;
  /** A challenge's assessment (uitdaagrecht): the municipality's judgement before it decides on taking it up. */
  challengeAssessment: ChallengeAssessment | null;
  /** A challenge honoured: the agreement on taking over the task, with its term. */
  challengeAgreement?: ChallengeAgreement | null;
  /** The applicant's account of participation (Omgevingsregeling art. 7.4), for an application. */
  applicantAccount?: ApplicantParticipationAccount | null;
  /** The calendar day in the Netherlands, YYYY-MM-DD. */
  today: string;
}

/**
 * §2.4 political accountability: the raad is informed by a raadsinformatiebrief (a letter of the
 * college) or by treating the matter in a commissie meeting.
 */
export type RaadInformationKind = 'raadsinformatiebrief' | 'commissie';
export const RAAD_INFORMATION_KINDS: readonly RaadInformationKind[] = ['raadsinformatiebrief', 'commissie'];
/** One moment the raad was informed about a step, in the file. */
export interface RaadInformation {
  gate: GatedEventType;
  cycle: number;
  kind: RaadInformationKind;
  /** The day of the letter or the commissie meeting, YYYY-MM-DD. */
  date: string;
  /** The letter's number or the meeting's agenda item. */
  reference: string;
  summary?: string;
}


/** The criteria a municipality judges a challenge on (its participatieverordening names them; these are the usual ones). */
export const CHALLENGE_CRITERIA = ['draagvlak', 'kwaliteit', 'kosten', 'continuiteit', 'rechtmatigheid'] as const;
export type ChallengeCriterion = (typeof CHALLENGE_CRITERIA)[number];

/**
 * The assessment of a challenge under the right to challenge: a decision of the competent body
 * (issue 18), judged on the municipality's criteria, within the term it set. Assessments stored
 * before this had only the date, conclusion and reasons.
 */
/** Uitdaagrecht: the municipality honours the challenge (the residents may take the task over), or not. */
export const CHALLENGE_CONCLUSIONS = ['honoured', 'not-honoured'] as const;
export type ChallengeConclusion = (typeof CHALLENGE_CONCLUSIONS)[number];

export interface ChallengeAssessment {
  assessedOn: string;
  conclusion: ChallengeConclusion;
  reasons: string;
  body?: GoverningBody;
  /** The decision's number. */
  reference?: string;
  criteria?: Array<{ criterion: ChallengeCriterion; met: boolean; explanation?: string }>;
  /** The last day of the assessment term, and whether the assessment came after it. */
  dueOn?: string;
  late?: boolean;
  /** The day the assessment with its reasons went to the challenger (Awb art. 3:41, 3:46). */
  challengerInformedOn?: string;
}

/**
 * A challenge honoured leads to an agreement on taking over the task, for a term (the municipality's
 * participatieverordening, Gemeentewet art. 150); execution follows it, and evaluation at its end.
 */
export interface ChallengeAgreement {
  /** The day it was concluded (signed). */
  concludedOn: string;
  /** The agreement's number. */
  reference: string;
  /** What the challengers take over. */
  task: string;
  /** The term of the agreement. */
  startsOn: string;
  endsOn: string;
}

/**
 * The applicant's account of participation with an application for an omgevingsvergunning
 * (Omgevingsregeling art. 7.4): whether participation took place, and if so how and with what results.
 */
export interface ApplicantParticipationAccount {
  tookPlace?: boolean;
  how?: string;
  results?: string;
  /** The day a missing account came in after the application (default: the day it is recorded). */
  receivedOn?: string;
  /** Set by the service: the day the account completed an application received without it; the decision term was suspended until then (Awb art. 4:15). */
  completedOn?: string;
}

/** The formal submission that lets a third-party initiative out of intake (§1 intro). */
export interface Submission {
  submittedOn: string;
  reference: string;
}

export interface ProjectContext {
  origin: Origin;
  politicalSensitivity: PoliticalSensitivity;
  /** The policy cycle the project is in; starts at 1, +1 for every new cycle. */
  cycle: number;
  /** Per-gate override of the body whose green light is required. */
  gateBodies: Partial<Record<GatedEventType, GoverningBody>>;
  /** Per gate, where the adopted plan asks the raad to be informed (§2.4); absent in projects stored before it existed. */
  raadInforming?: Partial<Record<GatedEventType, RaadInforming>>;
  submission: Submission | null;
  /** For an initiative: its kind (absent in projects stored before it existed: a residents' initiative). */
  initiativeKind?: InitiativeKind | null;
  /** For an initiative that needs an omgevingsvergunning: the activity applied for, as the municipality names it. */
  permitActivity?: string | null;
  /**
   * The raad made participation mandatory for the activity applied for (Omgevingswet art. 16.55
   * lid 7), by this raadsbesluit: the application is decided on only with the applicant's account.
   */
  participationMandatory?: { decision: string; repairUntil?: string } | null;
  /** What the project prepares (absent in projects stored before it existed: `other`). */
  decisionKind?: DecisionKind;
  /**
   * The day of the decision behind the last step taken (its green light, or the submission's
   * date): the next green light cannot be dated before it. Absent before the first step.
   */
  lastStepOn?: string;
  /** The guide version the project runs under (issue 20); absent in projects stored before: the default guide's first version. */
  guide?: GuideRef;
}

export interface ProjectInput {
  guide?: GuideRef;
  origin: Origin;
  politicalSensitivity: PoliticalSensitivity;
  gateBodies?: Partial<Record<GatedEventType, GoverningBody>>;
  initiativeKind?: InitiativeKind;
  permitActivity?: string;
  decisionKind?: DecisionKind;
}

/**
 * A gated event carries the not yet consumed decisions recorded for its gate in
 * the current cycle: the machine stays pure and the guard can still judge them.
 */
export interface GatedEvent {
  type: GatedEventType;
  decisions: readonly GreenLight[];
  dossier: Dossier;
}

export interface FormallySubmittedEvent extends Partial<Submission> {
  type: 'FORMALLY_SUBMITTED';
  /**
   * Omgevingswet art. 16.55 lid 7: present where the raad made participation mandatory for the
   * activity, by this raadsbesluit; the decision on the application then needs the applicant's
   * account (Omgevingsregeling art. 7.4); received without it, the applicant may complete it until
   * `repairUntil` (Awb art. 4:5).
   */
  participation?: { decision: string; repairUntil?: string };
}

export type ProjectEvent = GatedEvent | FormallySubmittedEvent;
