import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { AllowRoles } from '../auth/auth.decorators';
import { ANY_ROLE } from '../auth/roles';
import { Answers, INSIGHT } from '../common/response-schemas';
import { InsightService } from './insight.service';
import { GOVERNING_BODIES, POLITICAL_SENSITIVITIES, type GoverningBody, type PoliticalSensitivity } from '../../machines/participation-project';

export class InsightQuery {
  @ApiPropertyOptional({ example: 2026 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional({ enum: GOVERNING_BODIES }) @IsOptional() @IsIn(GOVERNING_BODIES) body?: GoverningBody;
  @ApiPropertyOptional({ enum: POLITICAL_SENSITIVITIES }) @IsOptional() @IsIn(POLITICAL_SENSITIVITIES) sensitivity?: PoliticalSensitivity;
}

@ApiTags('insight')
@ApiBearerAuth()
@Controller('insight')
export class InsightController {
  constructor(private readonly insight: InsightService) {}

  @Get()
  @AllowRoles(...ANY_ROLE)
  @ApiOperation({ summary: 'Where projects spend their time and where they stall: days per state, the wait for a green light per body, rejections and deferrals, silence reminders per month, levels chosen per phase per year' })
  @Answers(INSIGHT)
  get(@Query() query: InsightQuery) {
    return this.insight.insight(query);
  }
}
