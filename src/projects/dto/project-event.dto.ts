import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { IsCalendarDay } from '../../common/dates.dto';
import { EVENT_TYPES, type ProjectEventType } from '../../../machines/participation-project';

export class ProjectEventDto {
  @ApiProperty({ enum: EVENT_TYPES })
  @IsIn(EVENT_TYPES)
  type!: ProjectEventType;

  @ApiPropertyOptional({ description: 'The version you last read; a stale one answers 409 version-conflict' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;

  @ApiPropertyOptional({ description: 'FORMALLY_SUBMITTED only: the date the initiative was submitted', example: '2026-11-20' })
  @IsOptional()
  @IsCalendarDay()
  submittedOn?: string;

  @ApiPropertyOptional({ description: 'FORMALLY_SUBMITTED only: the reference of the submission', example: 'Z/26/123456' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  reference?: string;

  @ApiPropertyOptional({ description: 'Why the step is taken, kept in the trail; the web interface asks it for STOP', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason?: string;
}
