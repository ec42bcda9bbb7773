import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsMoment } from '../common/dates.dto';

export class AddMilestoneDto {
  @ApiProperty({ example: 'Raadsinformatieavond Dorpsplein' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: '2027-02-11T19:30:00+01:00', description: 'When it takes place (ISO-8601 date or date-time)' })
  @IsMoment()
  dueAt!: string;

  @ApiPropertyOptional({ default: 7, minimum: 0, maximum: 365, description: 'How many days ahead the owner is reminded' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  remindDaysBefore?: number;

  @ApiPropertyOptional({ default: false, description: 'A planned decision (raad or college meeting): the owner also hears, UNANSWERED_REACTIONS_LEAD_DAYS ahead, of zienswijzen still unanswered' })
  @IsOptional()
  @IsBoolean()
  decision?: boolean;

  @ApiPropertyOptional({ default: false, description: 'Residents may see it, on the public page and in its calendar (a residents’ evening, a council meeting); the owner’s own to-dos stay internal' })
  @IsOptional()
  @IsBoolean()
  public?: boolean;
}
