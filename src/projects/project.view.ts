import { nextSteps, stateIdOf, type GreenLight } from '../../machines/participation-project';
import { toBlockerView, type BlockerView } from '../common/api-error';
import type { ProjectEntity } from '../database/project.entity';
import { snapshotOf } from '../workflow/workflow.service';

export interface NextStepView {
  event: string;
  requiredBody: string | null;
  allowed: boolean;
  blockers: BlockerView[];
}

export interface ProjectView {
  id: string;
  title: string;
  description: string | null;
  origin: string;
  politicalSensitivity: string;
  state: string;
  status: 'active' | 'done';
  cycle: number;
  version: number;
  gateBodies: Record<string, string>;
  submission: { submittedOn: string; reference: string } | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  nextSteps: NextStepView[];
}

/** The project as clients see it: the stored row plus what the machine says can happen next. */
export function toProjectView(project: ProjectEntity, openDecisions: readonly GreenLight[]): ProjectView {
  const snapshot = snapshotOf(project);
  return {
    id: project.id,
    title: project.title,
    description: project.description,
    origin: project.origin,
    politicalSensitivity: project.politicalSensitivity,
    state: stateIdOf(snapshot),
    status: snapshot.status === 'done' ? 'done' : 'active',
    cycle: snapshot.context.cycle,
    version: project.version,
    gateBodies: snapshot.context.gateBodies,
    submission: snapshot.context.submission,
    createdBy: project.createdBy,
    createdAt: project.createdAt,
    updatedAt: project.updatedAt,
    nextSteps: nextSteps(snapshot, openDecisions).map((step) => ({ ...step, blockers: step.blockers.map(toBlockerView) })),
  };
}
