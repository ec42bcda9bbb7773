import { BLOCKER_MESSAGES, type Blocker } from './blocker-messages';
import type { GatedEventType, GoverningBody, GreenLight, ProjectContext, ProjectEvent } from './project.types';

/** The body whose green light a gate needs: a per-gate override, else the political sensitivity. */
export function requiredBody(context: ProjectContext, gate: GatedEventType): GoverningBody {
  return context.gateBodies[gate] ?? (context.politicalSensitivity === 'high' ? 'raad' : 'college');
}

/**
 * The decision that settles a gate: the latest one of the required body for this
 * gate in the current cycle. A later rejection overrides an earlier approval.
 */
export function decisiveDecision(context: ProjectContext, gate: GatedEventType, decisions: readonly GreenLight[]): GreenLight | undefined {
  const body = requiredBody(context, gate);
  return decisions
    .filter((d) => d.gate === gate && d.cycle === context.cycle && d.body === body)
    .reduce<GreenLight | undefined>((latest, d) => (latest === undefined || isLater(d, latest) ? d : latest), undefined);
}

function isLater(a: GreenLight, b: GreenLight): boolean {
  return a.decidedOn !== b.decidedOn ? a.decidedOn > b.decidedOn : a.recordedAt > b.recordedAt;
}

/**
 * Why an event may not happen yet, as stable codes with Dutch and English sentences.
 * The machine's guard is `blockers(...).length === 0`, so the two never disagree.
 */
export function blockers(context: ProjectContext, event: ProjectEvent): Blocker[] {
  if (event.type === 'FORMALLY_SUBMITTED') {
    return event.submittedOn && event.reference ? [] : [{ code: 'submission-incomplete', message: BLOCKER_MESSAGES['submission-incomplete']() }];
  }
  const gate = event.type;
  const body = requiredBody(context, gate);
  const decisive = decisiveDecision(context, gate, event.decisions);
  if (decisive?.outcome === 'approved') return [];
  if (decisive?.outcome === 'rejected') {
    return [{ code: 'green-light-rejected', message: BLOCKER_MESSAGES['green-light-rejected'](body, gate) }];
  }
  const approvedByOtherBody = event.decisions.some((d) => d.gate === gate && d.cycle === context.cycle && d.outcome === 'approved');
  const code = approvedByOtherBody ? 'green-light-wrong-body' : 'green-light-missing';
  return [{ code, message: BLOCKER_MESSAGES[code](body, gate) }];
}
