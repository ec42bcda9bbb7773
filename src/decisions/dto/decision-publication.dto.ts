import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCalendarDay } from '../../common/dates.dto';
import { LEGAL_REMEDIES, PUBLICATION_WAYS, type LegalRemedy, type PublicationWay } from '../../../machines/participation-project';

/** The bekendmaking of a decision and what the law attaches to it (Awb art. 3:40–3:45). */
export class DecisionPublicationDto {
  @ApiProperty({ enum: PUBLICATION_WAYS, description: 'sending: sent to those it is addressed to (Awb art. 3:41); publication: in the gemeenteblad (art. 3:42)' })
  @IsIn(PUBLICATION_WAYS)
  way!: PublicationWay;

  @ApiProperty({ example: '2026-12-03', description: 'The day it was sent or published; not before the decision, not in the future' })
  @IsCalendarDay()
  publishedOn!: string;

  @ApiProperty({ example: 'Gemeenteblad 2026, 4567', description: 'Where it was published, or the letter’s number' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  publishedIn!: string;

  @ApiPropertyOptional({ example: '2026-12-03', description: 'Afdeling 3.4: the day the decision and its documents were laid open (Awb art. 3:44 lid 1 onder a); the appeal term starts the day after (art. 6:8 lid 4)' })
  @IsOptional()
  @IsCalendarDay()
  laidOpenOn?: string;

  @ApiPropertyOptional({ example: '2026-12-03', description: 'Afdeling 3.4: the day a copy went to those who gave zienswijzen (Awb art. 3:44 lid 1 onder b); required when there were any' })
  @IsOptional()
  @IsCalendarDay()
  reactorsNotifiedOn?: string;

  @ApiProperty({ enum: LEGAL_REMEDIES, description: 'The remedy the decision names (Awb art. 3:45): bezwaar, beroep, or none (a verordening: art. 8:3 lid 1 onder a)' })
  @IsIn(LEGAL_REMEDIES)
  remedy!: LegalRemedy;
}
