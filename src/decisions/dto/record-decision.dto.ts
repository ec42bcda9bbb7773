import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUrl, Length, MaxLength } from 'class-validator';
import { IsCalendarDay } from '../../common/dates.dto';
import { DECISION_OUTCOMES, GATED_EVENTS, GOVERNING_BODIES, type DecisionOutcome, type GatedEventType, type GoverningBody } from '../../../machines/participation-project';

export class RecordDecisionDto {
  @ApiProperty({ enum: GATED_EVENTS, description: 'The gate (event) this decision is for, in the current cycle' })
  @IsIn(GATED_EVENTS)
  event!: GatedEventType;

  @ApiProperty({ enum: GOVERNING_BODIES })
  @IsIn(GOVERNING_BODIES)
  body!: GoverningBody;

  @ApiProperty({ enum: DECISION_OUTCOMES })
  @IsIn(DECISION_OUTCOMES)
  outcome!: DecisionOutcome;

  @ApiProperty({ example: '2026-11-24', description: 'Date of the decision (YYYY-MM-DD), not in the future' })
  @IsCalendarDay()
  @Length(10, 10, { message: 'decidedOn must be a date as YYYY-MM-DD' })
  decidedOn!: string;

  @ApiProperty({ example: 'B&W 2026/412', description: 'The decision number' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  reference!: string;

  @ApiPropertyOptional({ example: 'https://raad.example.nl/besluiten/2026-412.pdf' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  documentUrl?: string;

  @ApiPropertyOptional({ maxLength: 5000, description: 'A note; for a decision rejected or deferred its reason, required (decision-reason-required), shown to the process manager and the werkvoorraad' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string;

  @ApiPropertyOptional({ description: 'Why the body goes ahead against the quick scan’s advice; required to START_INTERACTIVE when the advice is not-interactive' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  justification?: string;
}
