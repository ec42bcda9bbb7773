import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Tenancy } from '../tenancy/tenancy.service';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentActor } from '../auth/auth.decorators';
import { ANY_ROLE, DECISION_RECORDERS, PUBLISHERS, type Actor } from '../auth/roles';
import { DecisionsService } from './decisions.service';
import { RecordDecisionDto } from './dto/record-decision.dto';
import { Answers, Creates, DECISION, DECISION_PUBLICATION, listOf, ZGW_BESLUIT } from '../common/response-schemas';
import { FileWorkflow } from '../workflow/file-workflow.service';
import { DecisionPublicationDto } from './dto/decision-publication.dto';
import { ApiError } from '../common/api-error';
import { ProjectsService } from '../projects/projects.service';
import { zgwBesluit } from './zgw-besluit';

@ApiTags('decisions')
@ApiBearerAuth()
@Controller('projects/:id/decisions')
export class DecisionsController {
  constructor(
    private readonly decisions: DecisionsService,
    private readonly projects: ProjectsService,
    private readonly file: FileWorkflow,
    private readonly tenancy: Tenancy,
  ) {}

  @Post()
  @AllowRoles(...DECISION_RECORDERS)
  @ApiOperation({ summary: 'Record a decision (green light or rejection) of the college or the raad for one gate' })
  @ApiResponse({ status: 403, description: 'wrong-role-for-body: college decisions by a college-secretary, raad decisions by a council-clerk' })
  @ApiResponse({ status: 409, description: 'project-ended, or initiative-not-submitted' })
  @ApiResponse({ status: 422, description: 'decision-reason-required: a rejection or deferral gives its reason (note); green-light-too-early, body-not-competent, no-green-light-needed' })
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

  @Post(':decisionId/publication')
  @AllowRoles(...PUBLISHERS)
  @ApiOperation({ summary: 'Record the bekendmaking of the decision taken (DECISION_TAKEN): how and where it was made known (Awb art. 3:40–3:42), under afdeling 3.4 its terinzagelegging and the copy to those who gave zienswijzen (art. 3:44), and the remedy it names (art. 3:45); answers the term for objection or appeal (art. 6:7, 6:8), whose end becomes a milestone' })
  @ApiResponse({ status: 409, description: 'already-made-known' })
  @ApiResponse({ status: 422, description: 'not-a-taken-decision, publication-in-future, publication-before-decision, decision-not-laid-open, laid-open-before-decision, reactors-not-notified, reactors-notified-before-decision, no-objection-after-awb-34, no-remedy-against-regulation; `conflicts` lists each with its source and its sentence in English and Dutch (message, messageNl)' })
  @Creates(DECISION_PUBLICATION, 'The bekendmaking, with the term for objection or appeal')
  publish(@Param('id') id: string, @Param('decisionId', new ParseUUIDPipe()) decisionId: string, @Body() body: DecisionPublicationDto, @CurrentActor() actor: Actor) {
    return this.file.recordDecisionPublication(id, decisionId, body, actor);
  }

  @Get(':decisionId/zgw')
  @AllowRoles(...ANY_ROLE)
  @ApiOperation({ summary: 'The decision as a ZGW Besluiten API Besluit (VNG), with its document as BesluitInformatieObject; RSIN and besluittype from configuration (ZGW_RSIN, ZGW_BESLUITTYPEN)' })
  @Answers(ZGW_BESLUIT)
  async zgw(@Param('id') id: string, @Param('decisionId', new ParseUUIDPipe()) decisionId: string) {
    const [project, decisions] = await Promise.all([this.projects.get(id), this.decisions.list(id)]);
    const decision = decisions.find((d) => d.id === decisionId);
    if (!decision) throw ApiError.notFound('decision', decisionId);
    return zgwBesluit(decision, project.title, this.tenancy.current().zgw);
  }
}
