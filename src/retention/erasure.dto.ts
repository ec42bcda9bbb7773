import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Why personal data is erased: it goes into the trail with the act. */
export class ErasureDto {
  @ApiProperty({ example: 'Bewaartermijn verstreken (AVG artikel 5 lid 1 onder e)', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
