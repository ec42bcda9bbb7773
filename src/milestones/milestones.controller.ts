import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, IsBoolean } from 'class-validator';
import { IsMoment } from '../common/dates.dto';
import type { Repository } from 'typeorm';
import { AllowRoles, CurrentActor } from '../auth/auth.decorators';
import { ANY_ROLE, type Actor } from '../auth/roles';
import { MilestoneEntity } from '../database/milestone.entity';
import { ProjectsService } from '../projects/projects.service';
import { WorkflowService } from '../workflow/workflow.service';
import { Answers, Creates, MILESTONE, listOf } from '../common/response-schemas';

export class AddMilestoneDto {
  @ApiProperty({ example: 'Raadsinformatieavond Dorpsplein' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: '2027-02-11T19:30:00+01:00', description: 'When it takes place (ISO-8601 date or date-time)' })
  @IsMoment()
  dueAt!: string;

  @ApiPropertyOptional({ default: 7, minimum: 0, maximum: 365, description: 'How many days ahead the owner is reminded' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  remindDaysBefore?: number;

  @ApiPropertyOptional({ default: false, description: 'A planned decision (raad or college meeting): the owner also hears, UNANSWERED_REACTIONS_LEAD_DAYS ahead, of zienswijzen still unanswered' })
  @IsOptional()
  @IsBoolean()
  decision?: boolean;
}

const toView = ({ projectId: _projectId, ...milestone }: MilestoneEntity) => milestone;

@ApiTags('milestones')
@ApiBearerAuth()
@Controller('projects/:id/milestones')
export class MilestonesController {
  constructor(
    @InjectRepository(MilestoneEntity) private readonly milestones: Repository<MilestoneEntity>,
    private readonly projects: ProjectsService,
    private readonly workflow: WorkflowService,
  ) {}

  @Post()
  @AllowRoles('process-manager', 'admin')
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
    return (await this.milestones.find({ where: { projectId: id }, order: { dueAt: 'ASC' } })).map(toView);
  }
}
