import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/roles';
import { PersonalDataRepository, type PersonalDataItem } from '../database/personal-data.repository';
import { ProjectsService } from '../projects/projects.service';
import { RetentionWorkflow, type Erasure } from '../workflow/retention-workflow.service';

export interface PersonalDataOverview {
  /** The first day the data may be erased; null while the project runs. */
  erasableFrom: string | null;
  /** The items, never their values: what the trail committed to, and whether it was erased. */
  items: PersonalDataItem[];
}

/** Residents' personal data: what a project holds, when it may go, and its erasure (issue 18, AVG art. 5 lid 1 e). */
@Injectable()
export class RetentionService {
  constructor(
    private readonly projects: ProjectsService,
    private readonly personalData: PersonalDataRepository,
    private readonly workflow: RetentionWorkflow,
    private readonly dataSource: DataSource,
  ) {}

  async overview(projectId: string): Promise<PersonalDataOverview> {
    const project = await this.projects.find(projectId);
    return { erasableFrom: this.workflow.erasableFrom(project), items: await this.personalData.ofProject(this.dataSource.manager, project.id) };
  }

  erase(projectId: string, reason: string, actor: Actor, now = new Date()): Promise<Erasure> {
    return this.workflow.erase(projectId, reason, actor, now);
  }

  /** The projects whose retention period has passed while they still hold personal data, for the retention command. */
  async due(today: string): Promise<Array<{ projectId: string; title: string; erasableFrom: string; items: number }>> {
    const due = [];
    for (const { projectId, items } of await this.personalData.projectsHolding(this.dataSource.manager)) {
      const project = await this.projects.find(projectId);
      const erasableFrom = this.workflow.erasableFrom(project);
      if (erasableFrom !== null && erasableFrom <= today) due.push({ projectId, title: project.title, erasableFrom, items });
    }
    return due;
  }
}
