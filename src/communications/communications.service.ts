import { Injectable } from '@nestjs/common';
import { startOfDutchDay } from '../../machines/calendar/dutch-day';
import { addDays } from '../../machines/participation-project';
import { ApiError } from '../common/api-error';
import { containsPattern } from '../common/like';
import type { Actor } from '../auth/roles';
import type { CommunicationEntity } from '../database/communication.entity';
import { FileRepository } from '../database/file.repository';
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
    private readonly files: FileRepository,
    private readonly projects: ProjectsService,
    private readonly workflow: WorkflowService,
  ) {}

  async record(projectId: string, dto: RecordCommunicationDto, actor: Actor): Promise<CommunicationView> {
    const occurredAt = dto.occurredAt ? new Date(dto.occurredAt).toISOString() : undefined;
    return toView(await this.workflow.recordCommunication(projectId, { ...dto, occurredAt }, actor));
  }

  /**
   * A page of the contacts, newest first (issue 19), filtered in SQL: a span of Dutch days, words in
   * the channel, the audience or the summary. A page starts at an offset (the web) or after a cursor
   * (the API: the last contact's moment and id, so a contact recorded meanwhile shifts nothing).
   */
  async page(projectId: string, filter: ContactFilter, limit: number, start: { offset?: number; after?: string } = {}): Promise<{ items: CommunicationView[]; total: number; next?: string }> {
    await this.projects.find(projectId);
    const bounds = { from: filter.from && startOfDutchDay(filter.from), until: filter.to && startOfDutchDay(addDays(filter.to, 1)), words: filter.search && containsPattern(filter.search) };
    const { rows, total } = await this.files.communications(projectId, bounds, limit, { offset: start.offset, after: start.after === undefined ? undefined : cursorOf(start.after) });
    const last = rows.at(-1);
    return { items: rows.map(toView), total, next: last && Buffer.from(JSON.stringify([last.occurredAt, last.id])).toString('base64url') };
  }
}
