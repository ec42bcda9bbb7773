import { Inject, Injectable } from '@nestjs/common';
import { isEndedState } from '../../machines/participation-project';
import { addDays } from '../../machines/interaction/legal-terms';
import { dutchDay } from '../../machines/calendar/dutch-day';
import type { Actor } from '../auth/roles';
import { ApiError } from '../common/api-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { FileRepository } from '../database/file.repository';
import { PersonalDataRepository, type PersonalDataItem } from '../database/personal-data.repository';
import type { ProjectEntity } from '../database/project.entity';
import { UnitOfWork } from './unit-of-work';

export interface Erasure {
  erasedAt: string;
  reason: string;
  items: Array<Pick<PersonalDataItem, 'id' | 'kind' | 'digest'>>;
}

/**
 * AVG art. 5 lid 1 e: residents' personal data is kept no longer than needed. After the retention
 * period of an ended project, erasure is a recorded act: the values go, the digests the chain
 * committed to stay, so every chain still verifies.
 */
@Injectable()
export class RetentionWorkflow {
  private readonly retentionDays: number;

  constructor(
    private readonly units: UnitOfWork,
    private readonly personalData: PersonalDataRepository,
    private readonly files: FileRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.retentionDays = config.retention.personalDataDays;
  }

  /** The first day the project's personal data may be erased: RETENTION_PERSONAL_DATA_DAYS after it ended; null while it runs. */
  erasableFrom(project: Pick<ProjectEntity, 'state' | 'updatedAt'>): string | null {
    return isEndedState(project.state) ? addDays(dutchDay(new Date(project.updatedAt)), this.retentionDays) : null;
  }

  erase(projectId: string, reason: string, actor: Actor, now = new Date()): Promise<Erasure> {
    const ended = (project: ProjectEntity) => {
      const from = this.erasableFrom(project);
      if (from === null) return new ApiError(409, 'project-running', 'Personal data is kept while the project runs; it can be erased once the project has ended and its retention period has passed.');
      return from > dutchDay(now) ? new ApiError(409, 'retention-not-passed', `The retention period ends on ${from} (RETENTION_PERSONAL_DATA_DAYS after the project ended); erase from that day.`, { erasableFrom: from }) : null;
    };
    return this.units.withProject(projectId, actor, ended, async ({ manager, project, at, audit }) => {
      const erased = await this.personalData.erase(manager, project.id, reason, at);
      if (erased.length === 0) throw new ApiError(409, 'nothing-to-erase', 'This project holds no personal data that is not erased yet.');
      await this.files.clearSenders(manager, project.id);
      const items = erased.map(({ id, kind, digest }) => ({ id, kind, digest }));
      audit('personal-data-erased', { reason, items });
      return { erasedAt: at, reason, items };
    }, now);
  }
}
