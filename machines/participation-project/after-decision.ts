import { longDay } from '../calendar/dutch-day';
import type { Text } from '../interaction/catalogue';
import { addDays, daysBetween, statutoryTermEnd } from '../interaction/legal-terms';
import { applicantAccountMissing } from './gate-rules';
import type { ApplicantParticipationAccount, DecisionKind, ProjectContext } from './project.types';

/**
 * What follows a decision (issue 18): it takes effect only once made known (Awb art. 3:40), those
 * who gave zienswijzen hear of it (art. 3:44), a term for objection or appeal runs (art. 6:7, 6:8),
 * and a decision on an application has a term of its own (Omgevingswet art. 16.64, Awb art. 4:13).
 */

/** How a decision was made known: sent to those it is addressed to (Awb art. 3:41), or published in the gemeenteblad (art. 3:42). */
export type PublicationWay = 'sending' | 'publication';
export const PUBLICATION_WAYS: readonly PublicationWay[] = ['sending', 'publication'];
/** The remedy the decision names (the rechtsmiddelenclausule, Awb art. 3:45): objection to the body, appeal to the court, or none. */
export type LegalRemedy = 'bezwaar' | 'beroep' | 'none';
export const LEGAL_REMEDIES: readonly LegalRemedy[] = ['bezwaar', 'beroep', 'none'];

/** Awb art. 6:7: six weeks for an objection or an appeal. */
export const APPEAL_DAYS = 6 * 7;
/** Omgevingswet art. 16.64 lid 1 (the regular procedure), as Awb art. 4:13 lid 2 for other applications: eight weeks after receipt. */
export const DECISION_TERM_DAYS = 8 * 7;
export const DECISION_TERM_SOURCE = 'Omgevingswet art. 16.64 lid 1';

/** A term the law sets, as the page and the trail show it. */
export interface LegalTerm {
  /** The term's first day. */
  startsOn: string;
  nominalEnd: string;
  /** Its last day, after the Algemene termijnenwet (art. 1 and 2). */
  endsOn: string;
  extended: boolean;
  /** Where the term comes from, cited as in English texts, and as Dutch lawyers cite it. */
  source: string;
  sourceNl: string;
}

/** The bekendmaking of a decision and what follows from it, as recorded in the file. */
export interface DecisionPublication {
  decisionId: string;
  /** The decision's number, as the bekendmaking names it. */
  reference: string;
  cycle: number;
  way: PublicationWay;
  /** The day the decision was sent or published. */
  publishedOn: string;
  /** Where: "Gemeenteblad 2026, 4567", or the letter's number. */
  publishedIn: string;
  /** Afdeling 3.4: the day the decision and its documents were laid open (Awb art. 3:44 lid 1 onder a). */
  laidOpenOn: string | null;
  /** Awb art. 3:44 lid 1 onder b: the day a copy went to those who gave zienswijzen. */
  reactorsNotifiedOn: string | null;
  remedy: LegalRemedy;
  /** The term for objection or appeal; null where none is open. */
  appeal: LegalTerm | null;
  recordedAt: string;
}

export interface NewDecisionPublication {
  way: PublicationWay;
  publishedOn: string;
  publishedIn: string;
  laidOpenOn?: string | null;
  reactorsNotifiedOn?: string | null;
  remedy: LegalRemedy;
}

/** What the law asks of the bekendmaking, judged against the decision and how it was prepared. */
export interface PublicationCircumstances {
  decisionKind: DecisionKind | undefined;
  decidedOn: string;
  /** The draft was laid open under afdeling 3.4 Awb in this cycle. */
  preparedUnderAwb34: boolean;
  /** Zienswijzen received on the draft in this cycle. */
  reactions: number;
}

export type PublicationConflictCode =
  | 'publication-before-decision'
  | 'decision-not-laid-open'
  | 'laid-open-before-decision'
  | 'reactors-not-notified'
  | 'reactors-notified-before-decision'
  | 'no-remedy-against-regulation'
  | 'no-objection-after-awb-34';

export interface PublicationConflict {
  code: PublicationConflictCode;
  source: string;
  text: Text;
}

const nl = (day: string) => longDay(day, 'nl');
const en = (day: string) => longDay(day, 'en');

/**
 * Why a bekendmaking as given would not be true in law; empty when it holds.
 * - It cannot precede the decision it makes known (Awb art. 3:40).
 * - After afdeling 3.4 the decision is laid open (art. 3:44 lid 1 onder a) and sent to those who
 *   gave zienswijzen (onder b), neither before it was taken; no objection lies then, only appeal
 *   (art. 7:1 lid 1 onder d).
 * - A verordening is a generally binding rule: no appeal lies against it (art. 8:3 lid 1 onder a).
 */
export function publicationConflicts(input: NewDecisionPublication, circumstances: PublicationCircumstances): PublicationConflict[] {
  const { decidedOn, preparedUnderAwb34, reactions } = circumstances;
  const found: PublicationConflict[] = [];
  const add = (code: PublicationConflictCode, source: string, textNl: string, textEn: string) => found.push({ code, source, text: { nl: textNl, en: textEn } });
  if (input.publishedOn < decidedOn) {
    add('publication-before-decision', 'Awb art. 3:40', `Het besluit is genomen op ${nl(decidedOn)}; het kan niet eerder bekendgemaakt zijn (${nl(input.publishedOn)}). Artikel 3:40 Awb.`, `The decision was taken on ${en(decidedOn)}; it cannot have been made known before (${en(input.publishedOn)}). Awb art. 3:40.`);
  }
  if (preparedUnderAwb34) {
    if (!input.laidOpenOn) {
      add('decision-not-laid-open', 'Awb art. 3:44 lid 1 onder a', 'Het ontwerp lag ter inzage volgens afdeling 3.4 Awb. Leg daarom ook het besluit met de stukken ter inzage en vul die dag in (artikel 3:44 lid 1 onder a Awb).', 'The draft lay open under afdeling 3.4 Awb, so the decision and its documents are laid open too: give that day (laidOpenOn; Awb art. 3:44(1)(a)).');
    } else if (input.laidOpenOn < decidedOn) {
      add('laid-open-before-decision', 'Awb art. 3:44 lid 1 onder a', `Het besluit kan niet ter inzage hebben gelegen (${nl(input.laidOpenOn)}) voordat het genomen was (${nl(decidedOn)}).`, `The decision cannot have been laid open (${en(input.laidOpenOn)}) before it was taken (${en(decidedOn)}).`);
    }
    if (reactions > 0 && !input.reactorsNotifiedOn) {
      add('reactors-not-notified', 'Awb art. 3:44 lid 1 onder b', `${reactions === 1 ? 'Er kwam 1 zienswijze' : `Er kwamen ${reactions} zienswijzen`} binnen. Wie een zienswijze gaf, krijgt het besluit toegestuurd: vul in op welke dag dat gebeurde (artikel 3:44 lid 1 onder b Awb).`, `${reactions === 1 ? '1 zienswijze' : `${reactions} zienswijzen`} came in. Those who gave one are sent the decision: give the day that happened (reactorsNotifiedOn; Awb art. 3:44(1)(b)).`);
    }
    if (input.remedy === 'bezwaar') {
      add('no-objection-after-awb-34', 'Awb art. 7:1 lid 1 onder d', 'Tegen een besluit dat met afdeling 3.4 Awb is voorbereid, staat geen bezwaar open, alleen beroep (artikel 7:1 lid 1 onder d Awb).', 'Against a decision prepared under afdeling 3.4 Awb no objection lies, only appeal (Awb art. 7:1(1)(d)).');
    }
  }
  if (input.reactorsNotifiedOn && input.reactorsNotifiedOn < decidedOn) {
    add('reactors-notified-before-decision', 'Awb art. 3:44 lid 1 onder b', `Indieners van zienswijzen kunnen het besluit niet op ${nl(input.reactorsNotifiedOn)} hebben gekregen: het is genomen op ${nl(decidedOn)}.`, `Those who gave zienswijzen cannot have been sent the decision on ${en(input.reactorsNotifiedOn)}: it was taken on ${en(decidedOn)}.`);
  }
  if (circumstances.decisionKind === 'verordening' && input.remedy !== 'none') {
    add('no-remedy-against-regulation', 'Awb art. 8:3 lid 1 onder a', 'Een verordening is een algemeen verbindend voorschrift: daartegen staat geen bezwaar of beroep open (artikel 8:3 lid 1 onder a Awb). Kies ‘geen’.', 'A verordening is a generally binding rule: no objection or appeal lies against it (Awb art. 8:3(1)(a)). Choose none.');
  }
  return found;
}

/**
 * The term for objection or appeal: six weeks (Awb art. 6:7) from the day after the bekendmaking
 * (art. 6:8 lid 1), or, for a decision prepared under afdeling 3.4, from the day after it was laid
 * open (art. 6:8 lid 4); its last day follows the Algemene termijnenwet. None where no remedy lies.
 */
export function appealTerm(publication: Pick<NewDecisionPublication, 'publishedOn' | 'laidOpenOn' | 'remedy'>, preparedUnderAwb34: boolean): LegalTerm | null {
  if (publication.remedy === 'none') return null;
  const fromLaidOpen = preparedUnderAwb34 && !!publication.laidOpenOn;
  const startsOn = addDays(fromLaidOpen ? publication.laidOpenOn! : publication.publishedOn, 1);
  const lid = fromLaidOpen ? 4 : 1;
  return { startsOn, ...statutoryTermEnd(startsOn, APPEAL_DAYS), source: `Awb art. 6:7 with art. 6:8 lid ${lid}`, sourceNl: `artikel 6:7 en 6:8 lid ${lid} Awb` };
}

/** An application's facts the decision term rests on. */
export interface Application {
  receivedOn: string;
  /** Where the application lacked the account the raad made mandatory: the last day of the term to complete it (Awb art. 4:5). */
  repairUntil?: string | null;
  /** The day the missing account came in, if it did. */
  completedOn?: string | null;
}

export type DecisionTerm = ({ status: 'running' } & LegalTerm & { suspendedDays: number }) | { status: 'suspended'; receivedOn: string; repairUntil: string; source: string; sourceNl: string };

/**
 * The term to decide on an application: eight weeks after its receipt (Omgevingswet art. 16.64
 * lid 1), suspended from the day the applicant was asked to complete it until it was completed or
 * the term for that passed unused (Awb art. 4:15 lid 1 onder a). An extension (art. 16.64 lid 2)
 * and the uniform procedure (Awb art. 3:18) are not modelled.
 */
export function decisionTerm(application: Application, today: string): DecisionTerm {
  const { receivedOn, repairUntil, completedOn } = application;
  let suspendedDays = 0;
  if (repairUntil && !(completedOn && completedOn <= receivedOn)) {
    const resumedOn = completedOn && completedOn < repairUntil ? completedOn : repairUntil;
    if (!completedOn && today <= repairUntil) return { status: 'suspended', receivedOn, repairUntil, source: 'Awb art. 4:15 lid 1 onder a', sourceNl: 'artikel 4:15 lid 1 onder a Awb' };
    suspendedDays = daysBetween(receivedOn, resumedOn);
  }
  const startsOn = addDays(receivedOn, 1 + suspendedDays);
  const suspended = suspendedDays > 0;
  const source = suspended ? `${DECISION_TERM_SOURCE}, suspended under Awb art. 4:15 lid 1 onder a` : DECISION_TERM_SOURCE;
  const sourceNl = suspended ? 'artikel 16.64 lid 1 Omgevingswet, opgeschort volgens artikel 4:15 lid 1 onder a Awb' : 'artikel 16.64 lid 1 Omgevingswet';
  return { status: 'running', startsOn, ...statutoryTermEnd(startsOn, DECISION_TERM_DAYS), source, sourceNl, suspendedDays };
}

type ApplicationContext = Pick<ProjectContext, 'permitActivity' | 'submission' | 'participationMandatory'>;

/** An initiative that applies for an omgevingsvergunning, received: its decision has a term of its own. */
export function isApplication(context: ApplicationContext): boolean {
  return !!context.permitActivity && !!context.submission;
}

/** The term to decide on the project's application as the file stands today; null where it is none. */
export function applicationTerm(context: ApplicationContext, account: ApplicantParticipationAccount | null | undefined, today: string): DecisionTerm | null {
  const application = applicationOf(context, account);
  return application && decisionTerm(application, today);
}

/**
 * The application behind an initiative that applies for an omgevingsvergunning, once received; null
 * for anything else. Where its mandatory account was missing, the term was suspended until it came.
 */
export function applicationOf(context: ApplicationContext, account: ApplicantParticipationAccount | null | undefined): Application | null {
  if (!isApplication(context)) return null;
  const complete = applicantAccountMissing(account ?? null).length === 0;
  const receivedOn = context.submission!.submittedOn;
  return { receivedOn, repairUntil: context.participationMandatory?.repairUntil ?? null, completedOn: complete ? (account?.completedOn ?? receivedOn) : null };
}

/** A decision on an application taken after its term: marked late, with the term (issue 18). */
export function decidedLate(term: DecisionTerm | null, decidedOn: string): { termEndsOn: string; source: string } | null {
  return term?.status === 'running' && decidedOn > term.endsOn ? { termEndsOn: term.endsOn, source: term.source } : null;
}
