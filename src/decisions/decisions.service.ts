import { Injectable } from '@nestjs/common';
import { asRecorderOf, type Actor } from '../auth/roles';
import { ApiError } from '../common/api-error';
import type { DecisionEntity } from '../database/decision.entity';
import { DecisionRepository } from '../database/decision.repository';
import { ProjectsService } from '../projects/projects.service';
import { WorkflowService } from '../workflow/workflow.service';
import { futureDecisionDate } from '../workflow/decision-checks';
import type { RecordDecisionDto } from './dto/record-decision.dto';

export interface DecisionView {
  id: string;
  event: string;
  cycle: number;
  body: string;
  outcome: string;
  decidedOn: string;
  reference: string;
  documentUrl: string | null;
  note: string | null;
  /** Why the step goes against the quick scan's advice, when the gate asked for it (§2.1). */
  justification: string | null;
  recordedBy: string;
  recordedByRole: string;
  recordedAt: string;
  consumed: boolean;
  consumedAt: string | null;
  consumedByAuditSeq: number | null;
}

const toView = (d: DecisionEntity): DecisionView => ({
  id: d.id,
  event: d.gate,
  cycle: d.cycle,
  body: d.body,
  outcome: d.outcome,
  decidedOn: d.decidedOn,
  reference: d.reference,
  documentUrl: d.documentUrl,
  note: d.note,
  justification: d.justification,
  recordedBy: d.recordedBy,
  recordedByRole: d.recordedByRole,
  recordedAt: d.recordedAt,
  consumed: d.consumedAt !== null,
  consumedAt: d.consumedAt,
  consumedByAuditSeq: d.consumedByAuditSeq,
});

@Injectable()
export class DecisionsService {
  constructor(
    private readonly decisions: DecisionRepository,
    private readonly projects: ProjectsService,
    private readonly workflow: WorkflowService,
  ) {}

  async record(projectId: string, dto: RecordDecisionDto, actor: Actor, now = new Date()): Promise<DecisionView> {
    const recorder = asRecorderOf(dto.body, actor);
    const inFuture = futureDecisionDate(dto.decidedOn, now);
    if (inFuture) throw new ApiError(422, 'decision-date-in-future', inFuture.messages[0], { messageNl: inFuture.sentence!.nl });
    const { event, ...rest } = dto;
    return toView(await this.workflow.recordDecision(projectId, { gate: event, ...rest }, recorder, now));
  }

  /** Every decision of the project, oldest first: green lights, rejections, used and unused. */
  async list(projectId: string): Promise<DecisionView[]> {
    await this.projects.find(projectId);
    const rows = await this.decisions.ofProject(projectId);
    return rows.map(toView);
  }
}
