import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { AuditEntryEntity } from '../database/audit-entry.entity';
import { ProjectsService } from '../projects/projects.service';
import { auditHash, GENESIS_HASH } from '../workflow/audit-chain';

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
}

/** Reads the audit trail; it has no way to change it. */
@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditEntryEntity) private readonly entries: Repository<AuditEntryEntity>,
    private readonly projects: ProjectsService,
  ) {}

  async timeline(projectId: string): Promise<AuditEntryView[]> {
    return (await this.load(projectId)).map((e) => ({
      seq: e.seq,
      occurredAt: e.occurredAt,
      actor: { name: e.actorName, role: e.actorRole },
      type: e.type,
      payload: JSON.parse(e.payload),
      prevHash: e.prevHash,
      hash: e.hash,
    }));
  }

  /** Recomputes the chain from the start and compares it with the project's recorded head. */
  async verify(projectId: string): Promise<ChainVerification> {
    const project = await this.projects.find(projectId);
    const entries = await this.load(projectId);
    let prevHash = GENESIS_HASH;
    for (const [index, entry] of entries.entries()) {
      const intact = entry.seq === index + 1 && entry.prevHash === prevHash && auditHash(prevHash, entry) === entry.hash;
      if (!intact) return { valid: false, entries: entries.length, brokenAtSeq: entry.seq };
      prevHash = entry.hash;
    }
    // A deleted tail leaves an intact but shorter chain: the head on the project row tells.
    const headMatches = project.auditSeq === entries.length && project.auditHash === prevHash;
    return { valid: headMatches, entries: entries.length, brokenAtSeq: headMatches ? null : entries.length + 1 };
  }

  private async load(projectId: string): Promise<AuditEntryEntity[]> {
    await this.projects.find(projectId);
    return this.entries.find({ where: { projectId }, order: { seq: 'ASC' } });
  }
}
