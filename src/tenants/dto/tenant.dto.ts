import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, IsUrl, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { TENANT_ID } from '../../database/tenant-scope';

const SITE_PATH = /^\/(?!\/)\S*$/;
const HTTP_URL = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

export class TenantThemeDto {
  @ApiPropertyOptional({ example: '/assets/gemeente-a/logo.svg', description: 'A path on this site: the pages load images from their own origin only' })
  @IsOptional()
  @Matches(SITE_PATH, { message: 'logoUrl must be a path on this site, such as /assets/gemeente-a/logo.svg' })
  logoUrl?: string;

  @ApiPropertyOptional({ example: '/assets/gemeente-a/theme.css', description: 'The NL Design System theme (a stylesheet of design tokens), a path on this site' })
  @IsOptional()
  @Matches(SITE_PATH, { message: 'themeCssUrl must be a path on this site, such as /assets/gemeente-a/theme.css' })
  themeCssUrl?: string;
}

export class TenantMailDto {
  @ApiPropertyOptional({ example: 'Gemeente A <participatie@gemeente-a.nl>', description: "The reminders' sender" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  from?: string;

  @ApiPropertyOptional({ description: 'Where reminders are also posted, signed with webhookSecret (HMAC-SHA256)' })
  @IsOptional()
  @IsUrl(HTTP_URL, { message: 'webhookUrl must be an http(s) URL' })
  webhookUrl?: string;

  @ApiPropertyOptional({ description: 'Signs the webhook; never shown again' })
  @IsOptional()
  @IsString()
  @Length(16, 200)
  webhookSecret?: string;
}

export class TenantOidcDto {
  @ApiProperty({ example: 'https://login.gemeente-a.nl/realms/medewerkers' })
  @IsUrl(HTTP_URL, { message: 'issuer must be an http(s) URL' })
  issuer!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 200)
  clientId!: string;

  @ApiProperty({ description: 'Never shown again' })
  @IsString()
  @Length(1, 500)
  clientSecret!: string;
}

export class TenantZgwDto {
  @ApiPropertyOptional({ example: '123456782', description: "The municipality's RSIN (verantwoordelijkeOrganisatie)" })
  @IsOptional()
  @Matches(/^\d{9}$/, { message: 'rsin must be nine digits' })
  rsin?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: 'A besluittype URL of its catalogue per step (e.g. DECISION_TAKEN)' })
  @IsOptional()
  @IsObject()
  besluittypen?: Record<string, string>;
}

/** A municipality, as the operator adds it (issue 21). */
export class CreateTenantDto {
  @ApiProperty({ example: 'gemeente-a', description: 'A slug; its public pages are at /openbaar/<id>. Never changes.' })
  @Matches(TENANT_ID, { message: 'id must be lower-case letters, digits and hyphens, at most 40, starting and ending with a letter or digit' })
  id!: string;

  @ApiProperty({ example: 'Gemeente A' })
  @IsString()
  @Length(2, 200)
  name!: string;

  @ApiProperty({ example: '0363', description: 'The CBS code (four digits), which names the municipality in the TOOI register' })
  @Matches(/^\d{4}$/, { message: 'municipalityCode must be the CBS code: four digits, such as 0363' })
  municipalityCode!: string;

  @ApiPropertyOptional({ example: 'voorbeeldrijk-2026', description: "The guide its new projects run under (GET /api/guides); default the installation's default guide" })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  guide?: string;

  @ApiPropertyOptional({ type: TenantZgwDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TenantZgwDto)
  zgw?: TenantZgwDto;

  @ApiPropertyOptional({ type: TenantThemeDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TenantThemeDto)
  theme?: TenantThemeDto;

  @ApiPropertyOptional({ type: TenantMailDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TenantMailDto)
  mail?: TenantMailDto;

  @ApiPropertyOptional({ type: TenantOidcDto, description: 'Its identity provider for the web interface' })
  @IsOptional()
  @ValidateNested()
  @Type(() => TenantOidcDto)
  oidc?: TenantOidcDto;
}

/** What the operator may change; the id never changes. */
export class UpdateTenantDto extends PartialType(OmitType(CreateTenantDto, ['id'] as const)) {}
