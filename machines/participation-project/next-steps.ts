import type { Blocker } from './blocker-messages';
import { blockers, requiredBody } from './blockers';
import { availableEvents, type ProjectSnapshot } from './project-snapshot';
import type { Dossier, GoverningBody, GreenLight, ProjectEventType } from './project.types';

export interface NextStep {
  event: ProjectEventType;
  /** Whose green light the step needs; null for a formal submission, which the initiator makes. */
  requiredBody: GoverningBody | null;
  allowed: boolean;
  blockers: Blocker[];
}

/** For every event possible from here: may it happen now, and if not, why not. */
export function nextSteps(snapshot: ProjectSnapshot, openDecisions: readonly GreenLight[], dossier: Dossier): NextStep[] {
  return availableEvents(snapshot).map((event) => {
    if (event === 'FORMALLY_SUBMITTED') return { event, requiredBody: null, allowed: true, blockers: [] };
    const found = blockers(snapshot.context, { type: event, decisions: openDecisions, dossier });
    return { event, requiredBody: requiredBody(snapshot.context, event), allowed: found.length === 0, blockers: found };
  });
}
