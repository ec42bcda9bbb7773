import type { EntityManager } from '../database/transaction-runner';
import type { DecisionEntity } from '../database/decision.entity';
import type { TrailRepository } from '../database/trail.repository';
import { boundToTrail, recordedDecisions } from './audit-chain';

/**
 * The decisions among these that the trail records as they stand: a row inserted or changed
 * behind the service's back counts for no gate and no screen (`verify` names it). One query
 * for the projects of all of them.
 */
export async function boundDecisions(trail: TrailRepository, manager: EntityManager | null, decisions: DecisionEntity[]): Promise<DecisionEntity[]> {
  if (decisions.length === 0) return decisions;
  const recorded = recordedDecisions(await trail.decisionEntries(manager, [...new Set(decisions.map((d) => d.projectId))]));
  return decisions.filter((d) => boundToTrail(d, recorded.get(d.id)));
}
