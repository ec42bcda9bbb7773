import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentActor } from '../auth/auth.decorators';
import { ANY_ROLE, type Actor, WRITERS } from '../auth/roles';
import { CreateProjectDto } from './dto/create-project.dto';
import { ListProjectsQuery } from './dto/list-projects.query';
import { ProjectEventDto } from './dto/project-event.dto';
import { ProjectSettingsDto } from './dto/project-settings.dto';
import { ProjectsService } from './projects.service';
import { Answers, Creates, PROJECT, PROJECT_PAGE } from '../common/response-schemas';

@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Post()
  @AllowRoles(...WRITERS)
  @ApiOperation({ summary: 'Start a participation project' })
  @Creates(PROJECT, 'The project, in quickScan (municipality) or intake (initiative)')
  create(@Body() body: CreateProjectDto, @CurrentActor() actor: Actor) {
    return this.projects.create(body, actor);
  }

  @Get()
  @AllowRoles(...ANY_ROLE)
  @ApiOperation({ summary: 'List projects, newest first, optionally in one state (or its substates)' })
  @Answers(PROJECT_PAGE)
  list(@Query() query: ListProjectsQuery) {
    return this.projects.list(query);
  }

  @Get(':id')
  @AllowRoles(...ANY_ROLE)
  @ApiOperation({ summary: 'A project: its state, cycle, version and next steps with their blockers' })
  @ApiResponse({ status: 404, description: 'project-not-found' })
  @Answers(PROJECT)
  get(@Param('id') id: string) {
    return this.projects.get(id);
  }

  @Patch(':id')
  @AllowRoles(...WRITERS)
  @ApiOperation({ summary: 'Change the silence window and who receives reminders; a new window moves the pending deadline' })
  @Answers(PROJECT)
  updateSettings(@Param('id') id: string, @Body() body: ProjectSettingsDto, @CurrentActor() actor: Actor) {
    return this.projects.updateSettings(id, body, actor);
  }

  @Post(':id/events')
  @HttpCode(200)
  @AllowRoles(...WRITERS)
  @ApiOperation({ summary: 'Move the project: send an event of the lifecycle' })
  @ApiResponse({ status: 409, description: 'blocked (with blockers) or version-conflict' })
  @ApiResponse({ status: 422, description: 'event-not-possible in the current state' })
  @Answers(PROJECT, 'The project after the transition')
  applyEvent(@Param('id') id: string, @Body() body: ProjectEventDto, @CurrentActor() actor: Actor) {
    return this.projects.applyEvent(id, body, actor);
  }
}
