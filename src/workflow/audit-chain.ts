import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { AuditEntryEntity } from '../database/audit-entry.entity';
import type { ProjectEntity } from '../database/project.entity';
import type { Actor } from '../auth/roles';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditType =
  | 'project-created'
  | 'submission-recorded'
  | 'decision-recorded'
  | 'transition'
  | 'communication-recorded'
  | 'settings-changed'
  | 'milestone-added'
  | 'reminder-sent'
  | 'reminder-skipped'
  | 'reminder-failed'
  | 'quick-scan-recorded'
  | 'commitment-recorded'
  | 'plan-saved'
  | 'stakeholder-added'
  | 'inspection-opened'
  | 'reaction-received'
  | 'reaction-answered';

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
