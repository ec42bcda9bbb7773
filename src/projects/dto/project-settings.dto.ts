import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';

/** Settings a process manager may change at any time; each change is in the audit trail. */
export class ProjectSettingsDto {
  @ApiPropertyOptional({ default: 14, minimum: 0, maximum: 365, description: 'Days without communication before a reminder; 0 switches reminders off (e.g. level "none")' })
  // Absent keeps the window; null is no window (0 switches reminders off).
  @ValidateIf((_, value) => value !== undefined)
  @IsInt()
  @Min(0)
  @Max(365)
  silenceWindowDays?: number;

  @ApiPropertyOptional({ default: false, description: 'Count silence in every phase, also where the plan (or, decided non-interactive, the quick scan) sets level "none" (§1.3); off by default' })
  @IsOptional()
  @IsBoolean()
  silenceAlways?: boolean;

  @ApiPropertyOptional({ nullable: true, maxLength: 5000, example: 'Het Dorpsplein krijgt meer groen en minder parkeerplaatsen.', description: 'What the project is about, in plain words: the first thing its public page says' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: 500, example: 'Anna de Vries, projectleider, telefoon 14 0481, marktplein@gemeente.example', description: 'Whom residents can contact about the project; the public page says it' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(500)
  publicContact?: string | null;

  @ApiPropertyOptional({ default: false, description: 'Publish the project’s page for residents at /openbaar/<slug> (no personal data of residents), with its iCalendar and Atom feeds' })
  @IsOptional()
  @IsBoolean()
  public?: boolean;

  @ApiPropertyOptional({ example: 'herinrichting-dorpsplein', description: 'The readable address of the public page; made from the title when left out' })
  @IsOptional()
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'slug is lower-case letters and digits with dashes between' })
  slug?: string;

  @ApiPropertyOptional({ nullable: true, example: 'projectleider@gemeente.example', description: 'The process manager, who receives every reminder' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsEmail()
  ownerEmail?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'wethouder@gemeente.example', description: 'The commissioning administrator, who also receives escalations' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsEmail()
  administratorEmail?: string | null;
}
