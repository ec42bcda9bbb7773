import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export class ListProjectsQuery {
  @ApiPropertyOptional({ description: 'A state or a parent state, e.g. policyCycle matches all its substates', example: 'policyCycle' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z]+(\.[A-Za-z]+)*$/, { message: 'state must be a dotted state path such as policyCycle.preparation' })
  state?: string;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;

  @ApiPropertyOptional({ default: 0, minimum: 0, maximum: 1_000_000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset: number = 0;
}
