import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { AllowRoles } from '../auth/auth.decorators';
import { ANY_ROLE } from '../auth/roles';
import { ReminderEntity } from '../database/reminder.entity';
import { ProjectsService } from '../projects/projects.service';
import { Answers, REMINDER, listOf } from '../common/response-schemas';

@ApiTags('reminders')
@ApiBearerAuth()
@Controller('projects/:id/reminders')
export class RemindersController {
  constructor(
    @InjectRepository(ReminderEntity) private readonly reminders: Repository<ReminderEntity>,
    private readonly projects: ProjectsService,
  ) {}

  @Get()
  @AllowRoles(...ANY_ROLE)
  @ApiOperation({ summary: "The project's reminders, oldest first: sent, skipped (communication resumed), pending, or failed for good" })
  @Answers(listOf(REMINDER))
  async list(@Param('id') id: string) {
    await this.projects.find(id);
    const rows = await this.reminders.find({ where: { projectId: id }, order: { dueAt: 'ASC', createdAt: 'ASC' } });
    return rows.map(({ projectId: _projectId, recipients, ...r }) => ({ ...r, recipients: JSON.parse(recipients) as string[] }));
  }
}
