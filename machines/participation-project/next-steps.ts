import type { Blocker } from './blocker-messages';
import { blockers, decisiveDecision, needsGreenLight, requiredBody } from './blockers';
import { availableEvents, eventsIn, type ProjectSnapshot } from './project-snapshot';
import type { Dossier, GoverningBody, GreenLight, ProjectContext, ProjectEventType } from './project.types';

export interface NextStep {
  event: ProjectEventType;
  /** Whose green light the step needs; null for a formal submission and the other steps the initiator takes itself (§1.1). */
  requiredBody: GoverningBody | null;
  allowed: boolean;
  blockers: Blocker[];
}

/** For every event possible from here: may it happen now, and if not, why not. */
export function nextSteps(snapshot: ProjectSnapshot, openDecisions: readonly GreenLight[], dossier: Dossier): NextStep[] {
  return availableEvents(snapshot).map((event) => {
    if (event === 'FORMALLY_SUBMITTED') return { event, requiredBody: null, allowed: true, blockers: [] };
    const found = blockers(snapshot.context, { type: event, decisions: openDecisions, dossier });
    return { event, requiredBody: needsGreenLight(snapshot.context, event) ? requiredBody(snapshot.context, event) : null, allowed: found.length === 0, blockers: found };
  });
}

/**
 * The bodies whose decision this project waits for: a step it can take next still lacks an
 * approval of the body it needs (none recorded yet, or the latest one a rejection). Stopping is
 * always possible and never a task of its own.
 */
export function awaitedBodies(stateId: string, context: ProjectContext, openDecisions: readonly GreenLight[]): GoverningBody[] {
  const bodies = new Set<GoverningBody>();
  for (const event of eventsIn(stateId)) {
    if (event === 'FORMALLY_SUBMITTED' || event === 'STOP' || !needsGreenLight(context, event)) continue;
    if (decisiveDecision(context, event, openDecisions)?.outcome !== 'approved') bodies.add(requiredBody(context, event));
  }
  return [...bodies].sort();
}
