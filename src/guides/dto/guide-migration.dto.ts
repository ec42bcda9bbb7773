import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { RecordDecisionDto } from '../../decisions/dto/record-decision.dto';

/** The decision a migration is carried out under: the body, its day and its number, checked as any decision's. */
export class MigrationDecisionDto extends PickType(RecordDecisionDto, ['body', 'decidedOn', 'reference'] as const) {}

export class GuideMigrationDto {
  @ApiPropertyOptional({ default: false, description: 'Only list what would happen to each project; changes nothing' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, example: { problemDefinition: 'frame' }, description: 'Old step → new step, for steps renamed or merged; a step that keeps its name maps to itself' })
  @IsOptional()
  @IsObject()
  stateMap?: Record<string, string>;

  @ApiPropertyOptional({ type: MigrationDecisionDto, description: 'Required without dryRun: the recorded decision the migration is carried out under' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MigrationDecisionDto)
  decision?: MigrationDecisionDto;
}
