import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';

/** A page of a long list (issue 19): at most `limit` items; the next page starts after `cursor`, which the `Link` header gives. */
export class PageQuery {
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 50;

  @ApiPropertyOptional({ description: 'Where the previous page ended, as its Link header (rel="next") gives it; absent for the first page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

/** The next page's address in a Link header (RFC 8288), when this page was full: there may be more. */
export function linkNext(reply: FastifyReply, path: string, page: PageQuery, count: number, cursor: string | undefined): void {
  if (count < page.limit || cursor === undefined) return;
  reply.header('link', `<${path}?${new URLSearchParams({ limit: String(page.limit), cursor }).toString()}>; rel="next"`);
}
