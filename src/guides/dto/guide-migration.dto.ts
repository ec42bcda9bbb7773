import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { IsCalendarDay } from '../../common/dates.dto';
import { GOVERNING_BODIES, type GoverningBody } from '../../../machines/participation-project';

export class MigrationDecisionDto {
  @ApiProperty({ enum: GOVERNING_BODIES, description: 'The body that decided to move the running projects' })
  @IsIn(GOVERNING_BODIES)
  body!: GoverningBody;

  @ApiProperty({ example: '2027-01-12', description: 'The day of the decision (YYYY-MM-DD), not in the future' })
  @IsCalendarDay()
  @Length(10, 10, { message: 'decidedOn must be a date as YYYY-MM-DD' })
  decidedOn!: string;

  @ApiProperty({ example: 'B&W 2027/18', description: 'The decision number' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  reference!: string;
}

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
