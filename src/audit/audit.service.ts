import { Injectable } from '@nestjs/common';
import { startOfDutchDay } from '../../machines/calendar/dutch-day';
import { addDays } from '../../machines/participation-project';
import { containsPattern } from '../common/like';
import type { AuditEntryEntity } from '../database/audit-entry.entity';
import { DecisionRepository } from '../database/decision.repository';
import { TrailRepository } from '../database/trail.repository';
import { ProjectsService } from '../projects/projects.service';
import { boundToTrail, GENESIS_HASH, recordedDecisions, verifyChain } from '../workflow/audit-chain';
import { AuditSigner } from './audit-signer';
import { Tenancy } from '../tenancy/tenancy.service';
import { payloadOf } from '../workflow/trail-payloads';
import { GuidesService } from '../guides/guides.service';
import { guideRefOf, type GuideRef } from '../../machines/participation-project';

/** A project's trail, signed, for checking offline (`npx interactiewijzer-verify`). */
export interface AuditExport {
  format: string;
  project: { id: string; title: string };
  exportedAt: string;
  hashing: Record<string, string>;
  entries: Array<{ seq: number; occurredAt: string; actorName: string; actorRole: string; type: string; payload: unknown; prevHash: string; hash: string }>;
  head: { seq: number; hash: string };
  /** Issue 20: every guide version the project ran under, whole, so its rules can be read offline; the verifier checks each hash against the trail. */
  guides: Array<{ id: string; version: number; sha256: string; document: unknown }>;
  signature: Awaited<ReturnType<AuditSigner['sign']>> & { jwks: string };
}

export interface AuditEntryView {
  seq: number;
  occurredAt: string;
  actor: { name: string; role: string };
  type: string;
  payload: unknown;
  prevHash: string;
  hash: string;
}

export interface ChainVerification {
  valid: boolean;
  entries: number;
  /** The first entry whose hash or link does not match, if any. */
  brokenAtSeq: number | null;
  /** Decisions in the table that no entry of the trail records as they stand (inserted or changed behind the service's back). */
  unboundDecisions: string[];
  /** The erasures of personal data the trail records (issue 18): the chain still holds their digests, so it verifies. */
  erasures: Array<{ seq: number; erasedAt: string; items: number; reason: string }>;
  /** The head the check read: the last entry's number and hash. */
  head: { seq: number; hash: string };
}

/** The entries that record a step taken (a formal submission included). */
export const STEP_ENTRIES = ['transition', 'submission-recorded'] as const;

/** The states a project left, in order, as its trail tells: the `from` of every step taken. */
export function statesLeft(timeline: readonly AuditEntryView[]): string[] {
  return timeline.flatMap((e) => {
    const step = payloadOf(e, 'transition') ?? payloadOf(e, 'submission-recorded');
    return step ? [step.from] : [];
  });
}

/** What the Tijdlijn asks of the trail (issue 19): a type, days in Amsterdam (YYYY-MM-DD, both included), words. */
export interface TrailFilter {
  type?: string;
  from?: string;
  to?: string;
  search?: string;
}

const toView = (e: AuditEntryEntity): AuditEntryView => ({ seq: e.seq, occurredAt: e.occurredAt, actor: { name: e.actorName, role: e.actorRole }, type: e.type, payload: JSON.parse(e.payload), prevHash: e.prevHash, hash: e.hash });

/** Reads the audit trail; it has no way to change it. */
@Injectable()
export class AuditService {
  constructor(
    private readonly entries: TrailRepository,
    private readonly decisions: DecisionRepository,
    private readonly projects: ProjectsService,
    private readonly signer: AuditSigner,
    private readonly tenancy: Tenancy,
    private readonly guides: GuidesService,
  ) {}

  async timeline(projectId: string): Promise<AuditEntryView[]> {
    return (await this.load(projectId)).map(toView);
  }

  /** The entries of these types only, oldest first: what a page needs of a long trail. */
  async ofTypes(projectId: string, types: readonly string[]): Promise<AuditEntryView[]> {
    await this.projects.find(projectId);
    return (await this.entries.entriesOfTypes(projectId, types)).map(toView);
  }

  /** The entries after a sequence number, oldest first, at most `limit`: the API's pages (a cursor is the last seq read). */
  async after(projectId: string, afterSeq: number, limit: number): Promise<AuditEntryView[]> {
    await this.projects.find(projectId);
    return (await this.entries.entriesAfter(projectId, afterSeq, limit)).map(toView);
  }

  /**
   * The Tijdlijn's page: newest first, filtered in SQL (a type, a span of Dutch days, words in the
   * entry's details or its actor's name), with the number that match and the types the trail has.
   */
  async page(projectId: string, filter: TrailFilter, limit?: number, offset = 0): Promise<{ entries: AuditEntryView[]; total: number; types: string[] }> {
    await this.projects.find(projectId);
    const bounds = { type: filter.type, from: filter.from && startOfDutchDay(filter.from), until: filter.to && startOfDutchDay(addDays(filter.to, 1)), words: filter.search && containsPattern(filter.search) };
    const { rows, total, types } = await this.entries.entriesPage(projectId, bounds, limit === undefined ? undefined : { limit, offset });
    return { entries: rows.map(toView), total, types };
  }

  /**
   * Recomputes the chain from the start up to the head it read, and compares it with
   * that head: entries appended meanwhile by concurrent writers lie beyond it and are not
   * judged, so an intact chain never reads as broken. Every decision must be recorded in the
   * trail as it stands in its table.
   */
  async verify(projectId: string): Promise<ChainVerification> {
    // In this order: a decision read first was committed with its entry before the head is read.
    const decisions = await this.decisions.ofProject(projectId);
    const project = await this.projects.find(projectId);
    const entries = await this.entries.entriesOf(projectId, project.auditSeq);
    const recorded = recordedDecisions(entries);
    const unboundDecisions = decisions.filter((d) => !boundToTrail(d, recorded.get(d.id))).map((d) => d.id);
    const chain = verifyChain(entries, project);
    const erasures = entries
      .filter((e) => e.type === 'personal-data-erased')
      .map((e) => {
        const payload = JSON.parse(e.payload) as { items: unknown[]; reason: string };
        return { seq: e.seq, erasedAt: e.occurredAt, items: payload.items.length, reason: payload.reason };
      });
    return { ...chain, valid: chain.valid && unboundDecisions.length === 0, unboundDecisions, erasures, head: { seq: project.auditSeq, hash: project.auditHash } };
  }

  /**
   * The trail as a document anyone can check without the server: every entry up to the head,
   * the head, how each hash is made, and the service's signature over all of it.
   */
  async export(projectId: string, publicUrl: string): Promise<AuditExport> {
    const project = await this.projects.find(projectId);
    const entries = await this.entries.entriesOf(projectId, project.auditSeq);
    const exported = entries.map((e) => ({ seq: e.seq, occurredAt: e.occurredAt, actorName: e.actorName, actorRole: e.actorRole, type: e.type, payload: JSON.parse(e.payload) as unknown, prevHash: e.prevHash, hash: e.hash }));
    const tenant = this.tenancy.current();
    const document = {
      format: 'interactiewijzer-audit-export/1',
      // Whose trail this is (issue 21), signed with that municipality's own key.
      municipality: { tenant: tenant.id, name: tenant.name, code: tenant.municipalityCode },
      project: { id: project.id, title: project.title },
      exportedAt: new Date().toISOString(),
      hashing: {
        algorithm: 'SHA-256',
        canonicalization: 'RFC 8785 (JSON Canonicalization Scheme)',
        genesis: GENESIS_HASH,
        link: 'hash = hex(SHA-256(prevHash as 64 hex characters, then the RFC 8785 canonical JSON of { projectId, seq, occurredAt, actorName, actorRole, type, payload })); prevHash of the first entry is the genesis; seq counts from 1 without gaps.',
        signature: 'signature.jws is a detached JWS (EdDSA, Ed25519) over the RFC 8785 canonical JSON of this document without its signature; the key is published at jwks.',
      },
      entries: exported,
      head: { seq: project.auditSeq, hash: project.auditHash },
      guides: this.guidesOf(exported),
    };
    return { ...document, signature: { ...(await this.signer.sign(document)), jwks: `${publicUrl}/openbaar/${tenant.id}/jwks.json` } };
  }

  /** The guide versions a trail names (its creation, its migrations); a project created before pinning ran under the default guide's first. */
  private guidesOf(entries: AuditExport['entries']): AuditExport['guides'] {
    const named = new Map<string, GuideRef>();
    for (const entry of entries) {
      const created = payloadOf(entry, 'project-created');
      const migrated = payloadOf(entry, 'guide-migrated');
      for (const ref of created ? [created.guide ?? guideRefOf({})] : migrated ? [migrated.from, migrated.to] : []) named.set(ref.sha256, ref);
    }
    return [...named.values()].map((ref) => ({ ...ref, document: this.guides.version(ref.id, ref.version).document }));
  }

  private async load(projectId: string): Promise<AuditEntryEntity[]> {
    await this.projects.find(projectId);
    return this.entries.entriesOf(projectId);
  }
}
