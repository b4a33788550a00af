import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

const MAX_SIZE = Number.MAX_SAFE_INTEGER;

export class InclusionProofRequest {
  @ApiProperty({ description: 'Event id (UUID)' })
  @IsUUID('all')
  event!: string;

  @ApiPropertyOptional({ description: 'Tree size the proof is for; default the current tree', minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SIZE)
  size?: number;
}

export class ConsistencyProofRequest {
  @ApiProperty({ description: 'Size of the older tree (head)', minimum: 0, example: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_SIZE)
  from!: number;

  @ApiProperty({ description: 'Size of the newer tree (head)', minimum: 0, example: 2 })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_SIZE)
  to!: number;
}
