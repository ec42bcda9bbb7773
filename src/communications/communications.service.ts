import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { Actor } from '../auth/roles';
import { CommunicationEntity } from '../database/communication.entity';
import { ProjectsService } from '../projects/projects.service';
import { WorkflowService } from '../workflow/workflow.service';
import type { RecordCommunicationDto } from './dto/record-communication.dto';

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
}
