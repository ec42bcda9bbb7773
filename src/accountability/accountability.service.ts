import { Injectable } from '@nestjs/common';
import type { Evaluation } from '../../machines/participation-project';
import { AuditService, type AuditEntryView } from '../audit/audit.service';
import type { Actor } from '../auth/roles';
import { ProjectFileService, type ProjectFile } from '../project-file/project-file.service';
import type { ProjectView } from '../projects/project.view';
import { ProjectsService } from '../projects/projects.service';
import { FileWorkflow } from '../workflow/file-workflow.service';
import { fromTrail, type GreenLightFact, type ParticipationAccount } from './participation-account';

/** The nota van beantwoording: every zienswijze with its number, summary and answer, and whether it changed the draft. */
export interface Nota {
  project: { id: string; title: string };
  /** Public: a private person's name is replaced by the number of their zienswijze (AVG); internal: every name. */
  version: 'public' | 'internal';
  inspection: { laidOpenOn: string; endsOn: string; publishedIn: string; procedure: string } | null;
  /** The decision that dealt with the zienswijzen: the green light of the step that took the decision. */
  decision: GreenLightFact | null;
  /** `sender` is null where the public version withholds a private person's name. */
  reactions: Array<{ number: number; sender: string | null; receivedOn: string; late: boolean; summary: string; answer: string | null; answeredOn: string | null; changedDraft: boolean | null }>;
}

/** The documents a municipality accounts with: the participation account and the nota van beantwoording. */
@Injectable()
export class AccountabilityService {
  constructor(
    private readonly projects: ProjectsService,
    private readonly audit: AuditService,
    private readonly file: ProjectFileService,
    private readonly workflow: FileWorkflow,
  ) {}

  async account(projectId: string): Promise<ParticipationAccount> {
    const [project, trail, file] = await Promise.all([this.projects.get(projectId), this.audit.timeline(projectId), this.file.whole(projectId)]);
    return this.accountOf(project, trail, file);
  }

  /** The account of a project whose view, trail and file the caller has read already (the public page). */
  async accountOf(project: Pick<ProjectView, 'id' | 'title' | 'state' | 'guide'>, trail: AuditEntryView[], file: ProjectFile): Promise<ParticipationAccount> {
    const [evaluation, closing] = await Promise.all([
      this.file.latest<Evaluation>(project.id, 'evaluation'),
      this.file.latest<{ text: string }>(project.id, 'account-closing'),
    ]);
    const reactions = file.inspection?.reactions ?? [];
    return {
      project: { id: project.id, title: project.title, state: project.state },
      guide: project.guide,
      quickScan: { advice: file.quickScan?.assessment.advice ?? null, reasons: (file.quickScan?.assessment.reasons ?? []).map((r) => r.text) },
      ...fromTrail(trail),
      stakeholders: file.stakeholders.map((s) => ({ name: s.name, domain: s.domain, kind: s.ownKind ?? s.kind, approach: s.approach })),
      inspection: file.inspection && {
        laidOpenOn: file.inspection.laidOpenOn,
        endsOn: file.inspection.endsOn,
        procedure: file.inspection.procedure,
        reactions: reactions.length,
        onTime: reactions.filter((r) => !r.late).length,
        late: reactions.filter((r) => r.late).length,
        answered: reactions.filter((r) => r.answer !== null).length,
        changedDraft: reactions.filter((r) => r.changedDraft).length,
      },
      evaluation: evaluation && { goals: evaluation.data.goals ?? [], participantsJudgement: evaluation.data.participantsJudgement ?? null, lessons: evaluation.data.lessons ?? null },
      closingText: closing && { version: closing.version, text: closing.data.text, by: closing.createdBy, at: closing.createdAt },
    };
  }

  saveClosingText(projectId: string, text: string, actor: Actor) {
    return this.workflow.saveAccountClosingText(projectId, text, actor);
  }

  async nota(projectId: string, version: Nota['version']): Promise<Nota> {
    const [project, trail, file] = await Promise.all([this.projects.get(projectId), this.audit.timeline(projectId), this.file.whole(projectId)]);
    const inspection = file.inspection;
    // The zienswijzen are dealt with in the decision on the draft: the step into the decision phase or the decision itself.
    const lights = fromTrail(trail).greenLights;
    const decision = lights.filter((l) => l.step === 'DECISION_TAKEN').at(-1) ?? lights.filter((l) => l.step === 'ADVICE_SUBMITTED').at(-1) ?? null;
    return {
      project: { id: project.id, title: project.title },
      version,
      inspection: inspection && { laidOpenOn: inspection.laidOpenOn, endsOn: inspection.endsOn, publishedIn: inspection.publishedIn, procedure: inspection.procedure },
      decision,
      reactions: (inspection?.reactions ?? []).map((r) => ({
        number: r.number,
        // An erased name (issue 18) is no name: the sender is numbered like a private one.
        sender: (version === 'internal' || r.senderIsOrganisation) && r.sender ? r.sender : null,
        receivedOn: r.receivedOn,
        late: r.late,
        summary: r.summary,
        answer: r.answer,
        answeredOn: r.answeredOn,
        changedDraft: r.changedDraft,
      })),
    };
  }
}
