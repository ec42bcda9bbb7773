import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsMoment } from '../../common/dates.dto';
import { PHASES, type Phase } from '../../../machines/participation-project';

export class RecordCommunicationDto {
  @ApiPropertyOptional({ description: 'When it took place (ISO-8601); default now; not in the future', example: '2026-11-27T19:30:00Z' })
  @IsOptional()
  @IsMoment()
  occurredAt?: string;

  @ApiProperty({ example: 'nieuwsbrief', description: 'newsletter, meeting, letter, site update, e-mail, ...' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  channel!: string;

  @ApiProperty({ example: 'alle deelnemers', description: 'A named target group, or all participants' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  audience!: string;

  @ApiProperty({ example: 'Stand van zaken na de tweede bewonersavond' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  summary!: string;

  @ApiPropertyOptional({ enum: PHASES, description: 'Set when this communication told participants the level the plan gives this phase, and what it means (§1.3); the level is taken from the plan' })
  @IsOptional()
  @IsIn(PHASES)
  announcesLevelOf?: Phase;
}
