import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { IsCalendarDay } from '../../common/dates.dto';
import { GATED_EVENTS, GOVERNING_BODIES, type GatedEventType, type GoverningBody } from '../../../machines/participation-project';

/** Issue 19: the process manager asks the college or the raad to decide on one step. */
export class GreenLightRequestDto {
  @ApiProperty({ enum: GATED_EVENTS, description: 'The step to decide on; one the project can take now' })
  @IsIn(GATED_EVENTS)
  event!: GatedEventType;

  @ApiProperty({ enum: GOVERNING_BODIES, description: 'The body competent for the step in this project (green-light-wrong-body otherwise)' })
  @IsIn(GOVERNING_BODIES)
  body!: GoverningBody;

  @ApiProperty({ example: 'Collegevoorstel: start van de interactieve aanpak Stationsplein', description: 'The proposal the body decides on' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  proposal!: string;

  @ApiPropertyOptional({ example: 'Z/26/001234', description: 'The proposal’s reference in the document system' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  reference?: string;

  @ApiProperty({ example: '2026-12-15', description: 'The meeting the process manager hopes to reach (YYYY-MM-DD), today or later' })
  @IsCalendarDay()
  @Length(10, 10, { message: 'desiredOn must be a date as YYYY-MM-DD' })
  desiredOn!: string;
}

/** The same request from the web's form: the body is the step's own, the process manager does not choose it. */
export class GreenLightFormDto extends OmitType(GreenLightRequestDto, ['body'] as const) {}
