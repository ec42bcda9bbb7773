import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/roles';
import { PersonalDataRepository, type PersonalDataItem } from '../database/personal-data.repository';
import { ProjectsService } from '../projects/projects.service';
import { RetentionWorkflow, type Erasure } from '../workflow/retention-workflow.service';
import type { PersonalDataKind } from '../../machines/publication/retention';

export interface PersonalDataOverview {
  /** The first day any of the data not yet erased may be erased; null while the project runs, or when nothing is left. */
  erasableFrom: string | null;
  /** The items, never their values: what the trail committed to, whether it was erased, and from which day it may be. */
  items: Array<PersonalDataItem & { erasableFrom: string | null }>;
}

/** Residents' personal data: what a project holds, when it may go, and its erasure (issue 18, AVG art. 5 lid 1 e). */
@Injectable()
export class RetentionService {
  constructor(
    private readonly projects: ProjectsService,
    private readonly personalData: PersonalDataRepository,
    private readonly workflow: RetentionWorkflow,
  ) {}

  async overview(projectId: string): Promise<PersonalDataOverview> {
    const project = await this.projects.find(projectId);
    const items = (await this.personalData.ofProject(null, project.id)).map((item) => ({ ...item, erasableFrom: this.workflow.erasableFrom(project, item.kind as PersonalDataKind) }));
    const pending = items.filter((item) => item.erasedAt === null && item.erasableFrom !== null).map((item) => item.erasableFrom!);
    return { erasableFrom: pending.sort()[0] ?? null, items };
  }

  erase(projectId: string, reason: string, actor: Actor, now = new Date()): Promise<Erasure> {
    return this.workflow.erase(projectId, reason, actor, now);
  }

  /** Per project and kind, the personal data whose retention period has passed, for the retention command. */
  async due(today: string): Promise<Array<{ projectId: string; title: string; kind: PersonalDataKind; erasableFrom: string; items: number }>> {
    const due = [];
    for (const { projectId, kind, items } of await this.personalData.projectsHolding(null)) {
      const project = await this.projects.find(projectId);
      const erasableFrom = this.workflow.erasableFrom(project, kind as PersonalDataKind);
      if (erasableFrom !== null && erasableFrom <= today) due.push({ projectId, title: project.title, kind: kind as PersonalDataKind, erasableFrom, items });
    }
    return due;
  }
}
