import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentActor } from '../auth/auth.decorators';
import { ANY_ROLE, type Actor } from '../auth/roles';
import { DecisionsService } from './decisions.service';
import { RecordDecisionDto } from './dto/record-decision.dto';
import { Answers, Creates, DECISION, listOf } from '../common/response-schemas';

@ApiTags('decisions')
@ApiBearerAuth()
@Controller('projects/:id/decisions')
export class DecisionsController {
  constructor(private readonly decisions: DecisionsService) {}

  @Post()
  @AllowRoles('college-secretary', 'council-clerk')
  @ApiOperation({ summary: 'Record a decision (green light or rejection) of the college or the raad for one gate' })
  @ApiResponse({ status: 403, description: 'wrong-role-for-body: college decisions by a college-secretary, raad decisions by a council-clerk' })
  @ApiResponse({ status: 409, description: 'project-ended, or initiative-not-submitted' })
  @Creates(DECISION, 'The recorded decision')
  record(@Param('id') id: string, @Body() body: RecordDecisionDto, @CurrentActor() actor: Actor) {
    return this.decisions.record(id, body, actor);
  }

  @Get()
  @AllowRoles(...ANY_ROLE)
  @ApiOperation({ summary: "The project's decisions, oldest first, with whether each was used by a transition" })
  @Answers(listOf(DECISION))
  list(@Param('id') id: string) {
    return this.decisions.list(id);
  }
}
