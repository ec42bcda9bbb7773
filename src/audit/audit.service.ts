import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThanOrEqual, type Repository } from 'typeorm';
import { AuditEntryEntity } from '../database/audit-entry.entity';
import { ProjectsService } from '../projects/projects.service';
import { DecisionEntity } from '../database/decision.entity';
import { boundToTrail, recordedDecisions, verifyChain } from '../workflow/audit-chain';

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
}

/** Reads the audit trail; it has no way to change it. */
@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditEntryEntity) private readonly entries: Repository<AuditEntryEntity>,
    @InjectRepository(DecisionEntity) private readonly decisions: Repository<DecisionEntity>,
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

  /**
   * Recomputes the chain from the start up to the head it read, and compares it with
   * that head: entries appended meanwhile by concurrent writers lie beyond it and are not
   * judged, so an intact chain never reads as broken. Every decision must be recorded in the
   * trail as it stands in its table.
   */
  async verify(projectId: string): Promise<ChainVerification> {
    // In this order: a decision read first was committed with its entry before the head is read.
    const decisions = await this.decisions.find({ where: { projectId } });
    const project = await this.projects.find(projectId);
    const entries = await this.entries.find({ where: { projectId, seq: LessThanOrEqual(project.auditSeq) }, order: { seq: 'ASC' } });
    const recorded = recordedDecisions(entries);
    const unboundDecisions = decisions.filter((d) => !boundToTrail(d, recorded.get(d.id))).map((d) => d.id);
    const chain = verifyChain(entries, project);
    return { ...chain, valid: chain.valid && unboundDecisions.length === 0, unboundDecisions };
  }

  private async load(projectId: string): Promise<AuditEntryEntity[]> {
    await this.projects.find(projectId);
    return this.entries.find({ where: { projectId }, order: { seq: 'ASC' } });
  }
}
