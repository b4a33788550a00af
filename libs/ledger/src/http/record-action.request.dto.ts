// Fields every "record an action" body shares.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { REQUEST_EXAMPLES } from '@ledger/domain';

export class EvidenceRefDto {
  @ApiProperty({
    example: 'QD-123/2026/UBND',
    description: 'Where the document is kept (number, file name, archive id)',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  ref!: string;

  @ApiProperty({
    example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    description: 'sha256 of the document bytes, 64 hex digits; the document itself is never stored',
  })
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'sha256 must be 64 hex digits' })
  sha256!: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;
}

export class RecordActionRequest {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Event id chosen by the client. Sending the same id again appends nothing and returns the first result.',
  })
  @IsOptional()
  @IsUUID('all')
  id?: string;

  @ApiProperty({ example: REQUEST_EXAMPLES.occurredAt, description: 'When the action happened (ISO 8601)' })
  @IsISO8601({ strict: true, strictSeparator: true })
  occurredAt!: string;

  @ApiPropertyOptional({ type: [EvidenceRefDto], maxItems: 20 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => EvidenceRefDto)
  evidence?: EvidenceRefDto[];
}
