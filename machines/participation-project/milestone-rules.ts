import { longDay } from '../calendar/dutch-day';
import { addDays, termPassedAt } from '../interaction/legal-terms';

/** A milestone a rule puts in the owner's agenda: what, when (the moment the term has passed), how many days ahead to remind. */
export interface RuleMilestone {
  title: string;
  dueAt: string;
  remindDaysBefore: number;
  /** Reminded only while zienswijzen are unanswered. */
  onlyIfUnanswered?: boolean;
}

/** Uitdaagrecht: the municipality assesses a challenge within the term its ordinance sets (Gemeentewet art. 150); its owner is reminded a week ahead. */
export function challengeAssessmentMilestone(submittedOn: string, assessmentDays: number): RuleMilestone {
  const assessBy = addDays(submittedOn, assessmentDays);
  return { title: `Uitdaging beoordelen (uitdaagrecht): uiterlijk ${longDay(assessBy, 'nl')}`, dueAt: termPassedAt(assessBy), remindDaysBefore: 7 };
}

/** Awb art. 4:5: an application received without the mandatory participation account gets a term to complete it; its owner is reminded three days ahead. */
export function applicationRepairMilestone(repairUntil: string): RuleMilestone {
  return { title: `Aanvraag laten aanvullen (artikel 4:5 Awb): participatieverslag van de aanvrager uiterlijk ${longDay(repairUntil, 'nl')}`, dueAt: termPassedAt(repairUntil), remindDaysBefore: 3 };
}

/** A planned decision (issue 12): its companion reminds the owner ahead of it while zienswijzen are still unanswered (Awb art. 3:46, the answers are part of the reasons). */
export function unansweredBeforeDecision(decision: { title: string; dueAt: string }, leadDays: number): RuleMilestone {
  return { title: `Zienswijzen beantwoorden vóór: ${decision.title}`, dueAt: decision.dueAt, remindDaysBefore: leadDays, onlyIfUnanswered: true };
}
