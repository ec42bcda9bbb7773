import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentActor } from '../auth/auth.decorators';
import { AUDITORS, type Actor } from '../auth/roles';
import { Creates, Answers, PERSONAL_DATA, PERSONAL_DATA_ERASURE } from '../common/response-schemas';
import { ErasureDto } from './erasure.dto';
import { RetentionService } from './retention.service';

@ApiTags('retention')
@ApiBearerAuth()
@Controller('projects/:id/personal-data')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Get()
  @AllowRoles(...AUDITORS)
  @ApiOperation({ summary: 'The personal data a project holds (never the values): each item’s salted digest the trail committed to, whether it was erased, and the first day it may be erased' })
  @Answers(PERSONAL_DATA)
  overview(@Param('id') id: string) {
    return this.retention.overview(id);
  }

  @Post('erasure')
  @AllowRoles('admin')
  @ApiOperation({ summary: 'Erase the project’s personal data once its retention period has passed (AVG art. 5 lid 1 e): a recorded act with its reason; every chain still verifies' })
  @ApiResponse({ status: 409, description: 'project-running, retention-not-passed, nothing-to-erase' })
  @Creates(PERSONAL_DATA_ERASURE)
  erase(@Param('id') id: string, @Body() body: ErasureDto, @CurrentActor() actor: Actor) {
    return this.retention.erase(id, body.reason, actor);
  }
}
