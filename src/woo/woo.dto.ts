import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUrl, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDay } from '../common/dates.dto';
import { WOO_CATEGORY_KEYS, WOO_DOCUMENT_TYPE_KEYS, WOO_HANDLING_KEYS, type WooCategory, type WooDocumentType, type WooHandling } from '../../machines/publication/woo';

/** A decision (its id, the rest follows from it) or a document (title, address and date) to publish under one Woo category. */
export class PublishWooDto {
  @ApiProperty({ enum: WOO_CATEGORY_KEYS, description: 'The information category of Woo art. 3.3, by article; 3.1 for what falls under none of them (the general duty of art. 3.1)' })
  @IsIn(WOO_CATEGORY_KEYS)
  category!: WooCategory;

  @ApiPropertyOptional({ format: 'uuid', description: 'A decision of this project: its number, date and document are used' })
  @IsOptional()
  @IsUUID()
  decisionId?: string;

  @ApiPropertyOptional({ example: 'Verslag bewonersavond 12 november 2026', description: 'Required for a document; for a decision it replaces the generated title' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title?: string;

  @ApiPropertyOptional({ example: 'INT-2026-118', description: 'The document’s own reference' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  reference?: string;

  @ApiPropertyOptional({ example: 'https://www.gemeente.nl/documenten/verslag-bewonersavond.pdf', description: 'Required for a document, and for a decision recorded without its document' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  documentUrl?: string;

  @ApiPropertyOptional({ example: '2026-11-12', description: 'Required for a document: the day it was adopted, signed or received' })
  @IsOptional()
  @IsCalendarDay()
  documentDate?: string;

  @ApiPropertyOptional({ enum: WOO_DOCUMENT_TYPE_KEYS, default: 'besluit' })
  @IsOptional()
  @IsIn(WOO_DOCUMENT_TYPE_KEYS)
  documentType?: WooDocumentType;

  @ApiPropertyOptional({ enum: WOO_HANDLING_KEYS, default: 'vaststelling' })
  @IsOptional()
  @IsIn(WOO_HANDLING_KEYS)
  handling?: WooHandling;

  @ApiProperty({ description: 'Confirmed: no ground for exception (Woo art. 5.1, 5.2) stands in the way of publishing the document, or what it covers was left out; required, true' })
  @IsBoolean()
  exceptionsChecked!: boolean;

  @ApiProperty({ description: 'Confirmed: personal data that may not be public was removed from the document (Woo art. 5.1 lid 2 onder e); required, true' })
  @IsBoolean()
  personalDataRemoved!: boolean;
}

export class WithdrawWooDto {
  @ApiProperty({ example: 'Bevat persoonsgegevens van een inwoner', description: 'Why the item leaves the publication; kept in the file and the trail' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
