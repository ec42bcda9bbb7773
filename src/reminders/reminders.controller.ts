import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowRoles } from '../auth/auth.decorators';
import { ANY_ROLE } from '../auth/roles';
import { ReminderRepository } from '../database/reminder.repository';
import { ProjectsService } from '../projects/projects.service';
import { Answers, REMINDER, listOf } from '../common/response-schemas';

@ApiTags('reminders')
@ApiBearerAuth()
@Controller('projects/:id/reminders')
export class RemindersController {
  constructor(
    private readonly reminders: ReminderRepository,
    private readonly projects: ProjectsService,
  ) {}

  @Get()
  @AllowRoles(...ANY_ROLE)
  @ApiOperation({ summary: "The project's reminders, oldest first: sent, skipped (communication resumed), pending, or failed for good" })
  @Answers(listOf(REMINDER))
  async list(@Param('id') id: string) {
    await this.projects.find(id);
    return this.reminders.remindersOf(id, 'oldest');
  }
}
