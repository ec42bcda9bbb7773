import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentActor } from '../auth/auth.decorators';
import { ANY_ROLE, WRITERS, type Actor } from '../auth/roles';
import { Answers, Creates, GREEN_LIGHT_REQUEST, listOf } from '../common/response-schemas';
import { ProjectFileService } from '../project-file/project-file.service';
import { WorkflowService } from '../workflow/workflow.service';
import { GreenLightRequestDto } from './dto/green-light-request.dto';

/** Issue 19: the hand-off from the process manager to the bestuurssecretariaat or the griffie. */
@ApiTags('decisions')
@ApiBearerAuth()
@Controller('projects/:id/green-light-requests')
export class GreenLightRequestsController {
  constructor(
    private readonly workflow: WorkflowService,
    private readonly file: ProjectFileService,
  ) {}

  @Post()
  @AllowRoles(...WRITERS)
  @ApiOperation({ summary: 'Ask the college or the raad for a green light on one step the project can take now (§2.4): the step enters that body’s werkvoorraad until a decision is recorded; a deferral keeps it there, a refusal ends the request' })
  @ApiResponse({ status: 409, description: 'green-light-already-requested (asked and not answered yet), green-light-given, project-ended, initiative-not-submitted' })
  @ApiResponse({ status: 422, description: 'event-not-possible, no-green-light-needed, body-not-competent, green-light-wrong-body, desired-date-in-past' })
  @Creates(GREEN_LIGHT_REQUEST, 'The request, as kept in the file and the trail')
  request(@Param('id') id: string, @Body() body: GreenLightRequestDto, @CurrentActor() actor: Actor) {
    const { event, ...rest } = body;
    return this.workflow.requestGreenLight(id, { gate: event, ...rest }, actor);
  }

  @Get()
  @AllowRoles(...ANY_ROLE)
  @ApiOperation({ summary: 'Every request for a green light, oldest first, with its cycle; whether a step’s latest request still waits is in the project’s nextSteps[].request' })
  @Answers(listOf(GREEN_LIGHT_REQUEST))
  list(@Param('id') id: string) {
    return this.file.greenLightRequests(id);
  }
}
