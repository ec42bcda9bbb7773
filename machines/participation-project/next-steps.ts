import type { Blocker, BlockerCode } from './blocker-messages';
import { blockers, decisiveDecision, needsGreenLight, requiredBody } from './blockers';
import { availableEvents, eventsIn, type ProjectSnapshot } from './project-snapshot';
import { machineOf } from './project.machine';
import { requestStanding, type GreenLightRequest, type RequestStanding } from './green-light-requests';
import type { Dossier, GatedEventType, GoverningBody, GreenLight, ProjectContext, ProjectEventType } from './project.types';

export interface NextStep {
  event: ProjectEventType;
  /** Whose green light the step needs; null for a formal submission and the other steps the initiator takes itself (§1.1). */
  requiredBody: GoverningBody | null;
  allowed: boolean;
  blockers: Blocker[];
  /** For a step that needs a green light: its latest request in this cycle, and whether it still waits (issue 19). */
  request: RequestStanding | null;
  /** In its body's werkvoorraad: asked and not answered (a deferral keeps it), with no green light yet, and no alternative decided. */
  awaited: boolean;
  /** A green light the process manager can ask for now (stopping has a page of its own). */
  requestable: boolean;
}

/** Stopping is always possible and never a task of its own: every other step is (dashboard, werkvoorraad, Vandaag). */
export const isTask = (event: string): boolean => event !== 'STOP';

/** The blockers that mean a step waits for its body's decision, not for the file: none yet, refused, postponed, or of the other body. */
const WAITS_FOR_BODY: ReadonlySet<string> = new Set<BlockerCode>(['green-light-missing', 'green-light-rejected', 'green-light-deferred', 'green-light-wrong-body']);
export const waitsForBody = (code: string): boolean => WAITS_FOR_BODY.has(code);

/** Whether a blocker is about the green light itself (its absence, its answer or its date), rather than what the file lacks. */
export const aboutGreenLight = (code: string): boolean => code.startsWith('green-light');

/** For every event possible from here: may it happen now, and if not, why not. */
export function nextSteps(snapshot: ProjectSnapshot, openDecisions: readonly GreenLight[], dossier: Dossier, requests: readonly GreenLightRequest[] = []): NextStep[] {
  const steps = availableEvents(snapshot).map((event) => {
    if (event === 'FORMALLY_SUBMITTED') return { event, requiredBody: null, allowed: true, blockers: [], request: null };
    const found = blockers(snapshot.context, { type: event, decisions: openDecisions, dossier });
    const gated = needsGreenLight(snapshot.context, event);
    return { event, requiredBody: gated ? requiredBody(snapshot.context, event) : null, allowed: found.length === 0, blockers: found, request: gated ? requestStanding(snapshot.context, event, requests, openDecisions) : null };
  });
  // A step whose body answered: nothing it waits for is the body's. Once one step from here has its green light, the others are no longer asked for (stopping always is).
  const decided = (step: (typeof steps)[number]) => step.requiredBody !== null && !step.blockers.some((b) => waitsForBody(b.code));
  const ended = snapshot.status === 'done';
  return steps.map((step) => {
    const open = step.requiredBody !== null && !decided(step) && !(isTask(step.event) && steps.some((other) => other !== step && isTask(other.event) && decided(other)));
    return { ...step, awaited: open && !!step.request?.pending, requestable: open && !ended && isTask(step.event) && !step.request?.pending };
  });
}

/**
 * The bodies whose decision this project waits for (the werkvoorraad, issue 19): a step it can
 * take next was asked of its body and not answered since. A step whose alternative already has
 * its green light is no longer asked for (after "Interactief starten", not "Niet interactief werken").
 */
export function awaitedBodies(stateId: string, context: ProjectContext, openDecisions: readonly GreenLight[], requests: readonly GreenLightRequest[]): GoverningBody[] {
  const gated = eventsIn(stateId, machineOf(context)).filter((event): event is GatedEventType => event !== 'FORMALLY_SUBMITTED' && needsGreenLight(context, event));
  const approved = (event: GatedEventType) => decisiveDecision(context, event, openDecisions)?.outcome === 'approved';
  const bodies = new Set<GoverningBody>();
  for (const event of gated) {
    const alternativeApproved = isTask(event) && gated.some((other) => other !== event && isTask(other) && approved(other));
    if (!alternativeApproved && !approved(event) && requestStanding(context, event, requests, openDecisions)?.pending) bodies.add(requiredBody(context, event));
  }
  return [...bodies].sort();
}
