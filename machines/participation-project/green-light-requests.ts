import { requiredBody } from './blockers';
import type { GatedEventType, GoverningBody, GreenLight, ProjectContext } from './project.types';

/**
 * The process manager's request to the college or the raad to decide on one step (§2.4: every
 * step needs its green light; the request is how the step reaches the body's agenda). Issue 19.
 */
export interface GreenLightRequest {
  gate: GatedEventType;
  cycle: number;
  body: GoverningBody;
  /** The proposal the body decides on (the collegevoorstel or raadsvoorstel), in a few words. */
  proposal: string;
  /** Its reference in the municipality's document system, where it has one. */
  reference: string | null;
  /** The meeting the process manager hopes to reach, YYYY-MM-DD. */
  desiredOn: string;
  requestedBy: string;
  /** When it was recorded, ISO-8601: a decision recorded after it answers it. */
  requestedAt: string;
}

export interface RequestStanding {
  request: GreenLightRequest;
  /** Still on the body's agenda: nothing decided since it was asked, or only a deferral. */
  pending: boolean;
}

/**
 * The latest request for a step in the current cycle, and whether the body still has to answer
 * it. A deferral keeps it on the agenda; an approval or a refusal answers it, and a refused step
 * returns to the body only when it is asked again.
 */
export function requestStanding(context: ProjectContext, gate: GatedEventType, requests: readonly GreenLightRequest[], decisions: readonly GreenLight[]): RequestStanding | null {
  const request = requests.filter((r) => r.gate === gate && r.cycle === context.cycle).reduce<GreenLightRequest | null>((latest, r) => (latest === null || r.requestedAt > latest.requestedAt ? r : latest), null);
  if (!request) return null;
  const body = requiredBody(context, gate);
  const answers = decisions.filter((d) => d.gate === gate && d.cycle === context.cycle && d.body === body && d.recordedAt > request.requestedAt);
  const latest = answers.reduce<GreenLight | null>((last, d) => (last === null || d.recordedAt > last.recordedAt ? d : last), null);
  return { request, pending: latest === null || latest.outcome === 'deferred' };
}
