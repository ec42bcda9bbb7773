import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { GUIDE_SCHEMA } from '../../machines/guide/guide-schema';
import { AllowRoles, CurrentActor } from '../auth/auth.decorators';
import { ANY_ROLE, DECISION_RECORDERS, type Actor } from '../auth/roles';
import { Answers, Creates, GUIDE_MIGRATION, GUIDE_VERSION, GUIDE_VERSION_DOCUMENT, listOf } from '../common/response-schemas';
import { GuideMigrationDto } from './dto/guide-migration.dto';
import { GuideMigrationsService } from './guide-migrations.service';
import { GuidesService } from './guides.service';

const GUIDE_BODY = { description: 'A guide document (GET /api/guides/schema); YAML files in guides/ have the same structure', schema: { type: 'object' as const, additionalProperties: true } };
const INVALID = { status: 422, description: 'guide-invalid: `errors` lists every fault with its path in the document (`gates.COMMIT.body`) and a sentence (message, messageNl); guide-version-not-next, guide-id-mismatch' };

@ApiTags('guides')
@ApiBearerAuth()
@Controller('guides')
export class GuidesController {
  constructor(
    private readonly guides: GuidesService,
    private readonly migrations: GuideMigrationsService,
  ) {}

  @Get('schema')
  @AllowRoles(...ANY_ROLE)
  @ApiOperation({ summary: 'The JSON Schema a guide document is checked against (besides the graph check: steps reachable, no dead ends, every gated step its gate)' })
  @Answers({ type: 'object', additionalProperties: true })
  schema() {
    return GUIDE_SCHEMA;
  }

  @Get()
  @AllowRoles(...ANY_ROLE)
  @ApiOperation({ summary: 'Every guide, with its latest version' })
  @Answers(listOf(GUIDE_VERSION))
  list() {
    return this.guides.list();
  }

  @Post()
  @AllowRoles('admin')
  @ApiOperation({ summary: 'Publish a new guide (its version 1)' })
  @ApiBody(GUIDE_BODY)
  @ApiResponse(INVALID)
  @ApiResponse({ status: 409, description: 'guide-exists: publish a new version instead' })
  @Creates(GUIDE_VERSION, 'The published version')
  publish(@Body() document: Record<string, unknown>, @CurrentActor() actor: Actor) {
    return this.guides.publish(document, actor, new Date());
  }

  @Get(':id/versions')
  @AllowRoles(...ANY_ROLE)
  @ApiOperation({ summary: "A guide's versions, oldest first" })
  @Answers(listOf(GUIDE_VERSION))
  versions(@Param('id') id: string) {
    return this.guides.versionsOf(id);
  }

  @Post(':id/versions')
  @AllowRoles('admin')
  @HttpCode(201)
  @ApiOperation({ summary: "Publish a guide's next version; it moves no running project (see migrations)" })
  @ApiBody(GUIDE_BODY)
  @ApiResponse(INVALID)
  @ApiResponse({ status: 409, description: 'guide-version-exists: a published version never changes' })
  @Creates(GUIDE_VERSION, 'The published version')
  publishVersion(@Param('id') id: string, @Body() document: Record<string, unknown>, @CurrentActor() actor: Actor) {
    return this.guides.publish(document, actor, new Date(), id);
  }

  @Post(':id/versions/:version/migrations')
  @AllowRoles('admin', 'process-manager', ...DECISION_RECORDERS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Move the running projects on older versions of the guide to this version: with dryRun, list for each its state now, the state it would move to and what would then block its next steps; without, carry it out under the recorded decision, each project in its own unit of work with one trail entry' })
  @ApiResponse({ status: 403, description: 'wrong-role-for-body: the decision is recorded by the office of its body (a college-secretary, a council-clerk); a dry run is open to admins and process managers too' })
  @ApiResponse({ status: 422, description: 'state-map-invalid (errors per stateMap key), migration-decision-required, decision-in-future' })
  @Answers(GUIDE_MIGRATION)
  migrate(@Param('id') id: string, @Param('version', ParseIntPipe) version: number, @Body() body: GuideMigrationDto, @CurrentActor() actor: Actor) {
    return this.migrations.migrate(id, version, body, actor);
  }

  @Get(':id/versions/:version')
  @AllowRoles(...ANY_ROLE)
  @ApiOperation({ summary: 'One version, with the document exactly as POST accepts it: read, change, post back as the next version' })
  @Answers(GUIDE_VERSION_DOCUMENT)
  version(@Param('id') id: string, @Param('version', ParseIntPipe) version: number) {
    const { document, view } = this.guides.version(id, version);
    return { ...view, document };
  }
}
