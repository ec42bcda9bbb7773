import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { AuditEntryEntity } from '../database/audit-entry.entity';
import type { DecisionEntity } from '../database/decision.entity';
import type { ProjectEntity } from '../database/project.entity';
import type { Actor } from '../auth/roles';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditType =
  | 'project-created'
  | 'submission-recorded'
  | 'decision-recorded'
  | 'green-light-requested'
  | 'transition'
  | 'communication-recorded'
  | 'settings-changed'
  | 'milestone-added'
  | 'reminder-sent'
  | 'reminder-skipped'
  | 'reminder-failed'
  | 'quick-scan-recorded'
  | 'commitment-recorded'
  | 'evaluation-recorded'
  | 'challenge-assessed'
  | 'initiator-recorded'
  | 'challenger-informed'
  | 'challenge-agreement-recorded'
  | 'raad-informed'
  | 'account-closing-saved'
  | 'woo-published'
  | 'woo-withdrawn'
  | 'decision-made-known'
  | 'applicant-account-recorded'
  | 'plan-saved'
  | 'stakeholder-added'
  | 'inspection-opened'
  | 'inspection-withdrawn'
  | 'reaction-received'
  | 'reaction-answered'
  | 'personal-data-erased'
  | 'guide-migrated';

export interface AuditLink {
  projectId: string;
  seq: number;
  occurredAt: string;
  actorName: string;
  actorRole: string;
  type: string;
  payload: string;
}

/** SHA-256 over the previous hash and this entry's canonical JSON: any edit or deletion breaks the chain. */
export function auditHash(prevHash: string, link: AuditLink): string {
  const { projectId, seq, occurredAt, actorName, actorRole, type, payload } = link;
  const canonical = canonicalize({ projectId, seq, occurredAt, actorName, actorRole, type, payload: JSON.parse(payload) as unknown });
  return createHash('sha256').update(prevHash).update(canonical ?? '').digest('hex');
}

/**
 * The next entry of the project's chain, and the project's chain head moved onto it;
 * the caller writes both in its transaction.
 */
export function nextAuditEntry(
  project: ProjectEntity,
  entry: { type: AuditType; actor: Actor; at: string; payload: Record<string, unknown> },
): Omit<AuditEntryEntity, 'id'> {
  const link: AuditLink = {
    projectId: project.id,
    seq: project.auditSeq + 1,
    occurredAt: entry.at,
    actorName: entry.actor.name,
    actorRole: entry.actor.role,
    type: entry.type,
    payload: canonicalize(entry.payload) ?? '{}',
  };
  const hash = auditHash(project.auditHash, link);
  const row = { ...link, prevHash: project.auditHash, hash };
  project.auditSeq = link.seq;
  project.auditHash = hash;
  return row;
}

/** The facts of a decision that its `decision-recorded` entry holds: a green light counts only as the trail records it. */
const DECISION_FACTS = ['gate', 'cycle', 'body', 'outcome', 'decidedOn', 'reference'] as const;
type DecisionFacts = Pick<DecisionEntity, (typeof DECISION_FACTS)[number]>;

/** Each decision's recorded facts, by decision id, from the `decision-recorded` entries among these. */
export function recordedDecisions(entries: ReadonlyArray<Pick<AuditLink, 'type' | 'payload'>>): Map<string, Record<string, unknown>> {
  const recorded = new Map<string, Record<string, unknown>>();
  for (const entry of entries) {
    if (entry.type !== 'decision-recorded') continue;
    const payload = JSON.parse(entry.payload) as Record<string, unknown>;
    recorded.set(String(payload.decisionId), payload);
  }
  return recorded;
}

/** Whether a decision row is the one its audit entry recorded (nothing inserted or changed in the table behind the trail's back). */
export function boundToTrail(decision: DecisionFacts, recorded: Record<string, unknown> | undefined): boolean {
  return recorded !== undefined && DECISION_FACTS.every((fact) => recorded[fact] === decision[fact]);
}

/**
 * Recomputes a project's chain from the start and compares it with its recorded head: the first
 * entry whose link or hash does not match is named, and a deleted tail shows as a head that
 * does not match the (intact but shorter) chain.
 */
export function verifyChain(
  entries: ReadonlyArray<AuditLink & { prevHash: string; hash: string }>,
  head: { auditSeq: number; auditHash: string },
): { valid: boolean; entries: number; brokenAtSeq: number | null } {
  let prevHash = GENESIS_HASH;
  for (const [index, entry] of entries.entries()) {
    const intact = entry.seq === index + 1 && entry.prevHash === prevHash && auditHash(prevHash, entry) === entry.hash;
    if (!intact) return { valid: false, entries: entries.length, brokenAtSeq: entry.seq };
    prevHash = entry.hash;
  }
  const headMatches = head.auditSeq === entries.length && head.auditHash === prevHash;
  return { valid: headMatches, entries: entries.length, brokenAtSeq: headMatches ? null : entries.length + 1 };
}
