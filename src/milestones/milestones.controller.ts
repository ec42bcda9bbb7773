import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentActor } from '../auth/auth.decorators';
import { ANY_ROLE, CONTACT_KEEPERS, type Actor } from '../auth/roles';
import type { MilestoneEntity } from '../database/milestone.entity';
import { ReminderRepository } from '../database/reminder.repository';
import { ProjectsService } from '../projects/projects.service';
import { WorkflowService } from '../workflow/workflow.service';
import { Answers, Creates, MILESTONE, listOf } from '../common/response-schemas';
import { AddMilestoneDto } from './add-milestone.dto';

const toView = ({ projectId: _projectId, ...milestone }: MilestoneEntity) => milestone;

@ApiTags('milestones')
@ApiBearerAuth()
@Controller('projects/:id/milestones')
export class MilestonesController {
  constructor(
    private readonly reminders: ReminderRepository,
    private readonly projects: ProjectsService,
    private readonly workflow: WorkflowService,
  ) {}

  @Post()
  @AllowRoles(...CONTACT_KEEPERS)
  @ApiOperation({ summary: 'Add a dated milestone (e.g. a council meeting); the owner is reminded ahead of it' })
  @Creates(MILESTONE, 'The milestone, with when its reminder is due')
  async add(@Param('id') id: string, @Body() body: AddMilestoneDto, @CurrentActor() actor: Actor) {
    return toView(await this.workflow.addMilestone(id, { ...body, dueAt: new Date(body.dueAt).toISOString() }, actor));
  }

  @Get()
  @AllowRoles(...ANY_ROLE)
  @ApiOperation({ summary: "The project's milestones, soonest first" })
  @Answers(listOf(MILESTONE))
  async list(@Param('id') id: string) {
    await this.projects.find(id);
    return (await this.reminders.milestonesOf(id)).map(toView);
  }
}
