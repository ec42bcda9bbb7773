import { Inject, Injectable } from '@nestjs/common';
import { isEndedState } from '../../machines/participation-project';
import { erasableFrom, type PersonalDataKind } from '../../machines/publication/retention';
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
 * period of its kind (counted from the day the project ended), erasure is a recorded act: the values
 * go, the digests the chain committed to stay, so every chain still verifies.
 */
@Injectable()
export class RetentionWorkflow {
  private readonly days: Record<PersonalDataKind, number>;

  constructor(
    private readonly units: UnitOfWork,
    private readonly personalData: PersonalDataRepository,
    private readonly files: FileRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.days = config.retention.days;
  }

  /** The first day a kind of the project's personal data may be erased (RETENTION_<KIND>_DAYS after it ended); null while it runs. */
  erasableFrom(project: Pick<ProjectEntity, 'state' | 'updatedAt'>, kind: PersonalDataKind): string | null {
    return erasableFrom(isEndedState(project.state) ? dutchDay(new Date(project.updatedAt)) : null, this.days[kind]);
  }

  /** Erases every kind of the project's personal data whose period has passed; a kind still within it stays. */
  erase(projectId: string, reason: string, actor: Actor, now = new Date()): Promise<Erasure> {
    const today = dutchDay(now);
    const ended = (project: ProjectEntity) =>
      isEndedState(project.state) ? null : new ApiError(409, 'project-running', 'Personal data is kept while the project runs; it can be erased once the project has ended and its retention period has passed.');
    return this.units.withProject(projectId, actor, ended, async ({ manager, project, at, audit }) => {
      const held = (await this.personalData.ofProject(manager, project.id)).filter((item) => item.erasedAt === null);
      if (held.length === 0) throw new ApiError(409, 'nothing-to-erase', 'This project holds no personal data that is not erased yet.');
      const erased = held.filter((item) => this.erasableFrom(project, item.kind as PersonalDataKind)! <= today);
      await this.personalData.erase(manager, erased, reason, at);
      if (erased.length === 0) {
        const from = held.map((item) => this.erasableFrom(project, item.kind as PersonalDataKind)!).sort()[0];
        throw new ApiError(409, 'retention-not-passed', `The retention period ends on ${from} (RETENTION_<KIND>_DAYS after the project ended); erase from that day.`, { erasableFrom: from });
      }
      if (erased.some((item) => item.kind === 'reaction-sender')) await this.files.clearSenders(manager, project.id);
      const items = erased.map(({ id, kind, digest }) => ({ id, kind, digest }));
      audit('personal-data-erased', { reason, items });
      return { erasedAt: at, reason, items };
    }, now);
  }
}
