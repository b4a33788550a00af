// The OpenAPI schema of an error: application/problem+json (RFC 9457) as the API's error filter writes it.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldProblemDto {
  @ApiProperty({ example: 'occurredAt' }) field!: string;
  @ApiProperty({ example: 'occurredAt must be a valid ISO 8601 date string' }) message!: string;
}

export class ProblemDetails {
  @ApiProperty({ example: 'https://policy-ledger.local/problems/validation-failed' }) type!: string;
  @ApiProperty({ example: 'Invalid request' }) title!: string;
  @ApiProperty({ example: 400 }) status!: number;
  @ApiProperty({ example: 'occurredAt must be a valid ISO 8601 date string' }) detail!: string;
  @ApiProperty({ description: 'Stable code of the error, for programs', example: 'VALIDATION_FAILED' })
  code!: string;
  @ApiPropertyOptional({ description: 'The request field (or header) at fault', example: 'occurredAt' })
  field?: string;
  @ApiPropertyOptional({ type: [FieldProblemDto], description: 'Every field at fault, when several are' })
  errors?: FieldProblemDto[];
  @ApiPropertyOptional({ description: '429: seconds to wait before trying again (also Retry-After)' })
  retryAfterSeconds?: number;
  @ApiPropertyOptional({ description: '409 and 412: the stream in conflict' })
  stream?: string;
  @ApiPropertyOptional({ description: '409 and 412: the revision the stream is at now' })
  currentRevision?: number;
  @ApiPropertyOptional({
    type: [String],
    description: '409 for an org unit or agency no longer in force: the codes that took its place',
  })
  instead?: string[];
}

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
