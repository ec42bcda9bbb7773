import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DEFAULT_GUIDE_ID, describeMachine } from '../../machines/participation-project';
import { AllowRoles } from '../auth/auth.decorators';
import { ANY_ROLE } from '../auth/roles';
import { ApiError } from '../common/api-error';
import { Answers, MACHINE } from '../common/response-schemas';
import { GuidesService } from '../guides/guides.service';
import { Tenancy } from '../tenancy/tenancy.service';

@ApiTags('machine')
@ApiBearerAuth()
@Controller('machine')
export class LifecycleController {
  private readonly description = describeMachine();

  constructor(
    private readonly guides: GuidesService,
    private readonly tenancy: Tenancy,
  ) {}

  @Get()
  @AllowRoles(...ANY_ROLE)
  @ApiOperation({ summary: "The lifecycle machine's states, transitions and events, for diagrams and clients: the default guide's, or a guide version's (issue 20)" })
  @ApiQuery({ name: 'guide', required: false, description: 'A guide id (GET /api/guides); with `version`, that version, else its latest' })
  @ApiQuery({ name: 'version', required: false, type: Number })
  @Answers(MACHINE)
  get(@Query('guide') named?: string, @Query('version') version?: string) {
    // Without a guide named: the one the municipality's new projects run under.
    const guide = named || this.tenancy.current().guide;
    if (!named && guide === DEFAULT_GUIDE_ID && this.guides.latest(guide).version === 1) return this.description;
    if (version !== undefined && !/^[1-9]\d{0,5}$/.test(version)) throw new ApiError(400, 'invalid-request', 'version must be a whole number from 1.', { errors: [{ field: 'version', rules: ['isInt'], messages: ['version must be a whole number from 1'] }] });
    return describeMachine(this.guides.version(guide, version === undefined ? this.guides.latest(guide).version : Number(version)).document);
  }
}
