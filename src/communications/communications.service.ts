import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { startOfDutchDay } from '../../machines/calendar/dutch-day';
import { addDays } from '../../machines/participation-project';
import { ApiError } from '../common/api-error';
import { containsPattern } from '../common/like';
import type { Actor } from '../auth/roles';
import { CommunicationEntity } from '../database/communication.entity';
import { ProjectsService } from '../projects/projects.service';
import { WorkflowService } from '../workflow/workflow.service';
import type { RecordCommunicationDto } from './dto/record-communication.dto';

export interface ContactFilter {
  from?: string;
  to?: string;
  search?: string;
}

/** A cursor as the API gave it; a forged or broken one is the client's error. */
function cursorOf(cursor: string): { at: string; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'string' && typeof id === 'string') return { at, id };
  } catch {
    // Not ours: said below.
  }
  throw new ApiError(400, 'invalid-request', 'cursor is not one this list gave.', { errors: [{ field: 'cursor', rules: ['isCursor'], messages: ['cursor must be taken from the Link header of the previous page'] }] });
}

export type CommunicationView = Omit<CommunicationEntity, 'projectId'>;

const toView = ({ projectId: _projectId, ...communication }: CommunicationEntity): CommunicationView => communication;

@Injectable()
export class CommunicationsService {
  constructor(
    @InjectRepository(CommunicationEntity) private readonly communications: Repository<CommunicationEntity>,
    private readonly projects: ProjectsService,
    private readonly workflow: WorkflowService,
  ) {}

  async record(projectId: string, dto: RecordCommunicationDto, actor: Actor): Promise<CommunicationView> {
    const occurredAt = dto.occurredAt ? new Date(dto.occurredAt).toISOString() : undefined;
    return toView(await this.workflow.recordCommunication(projectId, { ...dto, occurredAt }, actor));
  }

  /** Newest first. */
  async list(projectId: string): Promise<CommunicationView[]> {
    await this.projects.find(projectId);
    return (await this.communications.find({ where: { projectId }, order: { occurredAt: 'DESC', id: 'ASC' } })).map(toView);
  }

  /**
   * A page of the contacts, newest first (issue 19), filtered in SQL: a span of Dutch days, words in
   * the channel, the audience or the summary. A page starts at an offset (the web) or after a cursor
   * (the API: the last contact's moment and id, so a contact recorded meanwhile shifts nothing).
   */
  async page(projectId: string, filter: ContactFilter, limit: number, start: { offset?: number; after?: string } = {}): Promise<{ items: CommunicationView[]; total: number; next?: string }> {
    await this.projects.find(projectId);
    const query = this.communications.createQueryBuilder('c').where('c.projectId = :projectId', { projectId });
    if (filter.from) query.andWhere('c.occurredAt >= :from', { from: startOfDutchDay(filter.from) });
    if (filter.to) query.andWhere('c.occurredAt < :until', { until: startOfDutchDay(addDays(filter.to, 1)) });
    if (filter.search) query.andWhere("(LOWER(c.summary) LIKE :words ESCAPE '\\' OR LOWER(c.audience) LIKE :words ESCAPE '\\' OR LOWER(c.channel) LIKE :words ESCAPE '\\')", { words: containsPattern(filter.search) });
    const total = await query.getCount();
    const after = start.after === undefined ? undefined : cursorOf(start.after);
    if (after) query.andWhere('(c.occurredAt < :at OR (c.occurredAt = :at AND c.id > :id))', after);
    const rows = await query.orderBy('c.occurredAt', 'DESC').addOrderBy('c.id', 'ASC').skip(start.offset ?? 0).take(limit).getMany();
    const last = rows.at(-1);
    return { items: rows.map(toView), total, next: last && Buffer.from(JSON.stringify([last.occurredAt, last.id])).toString('base64url') };
  }
}
