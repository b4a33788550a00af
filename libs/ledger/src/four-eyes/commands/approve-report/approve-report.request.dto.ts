import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { RecordActionRequest } from '../../../http';
import { INDICATOR_KEY_PATTERN, INDICATOR_KEY_RULE, REQUEST_EXAMPLES } from '@ledger/domain';

export class ApproveReportRequest extends RecordActionRequest {
  @ApiProperty({ example: REQUEST_EXAMPLES.indicatorKey })
  @Matches(INDICATOR_KEY_PATTERN, { message: `indicatorKey must be ${INDICATOR_KEY_RULE}` })
  indicatorKey!: string;

  @ApiProperty({ example: REQUEST_EXAMPLES.orgUnit })
  @Matches(/^[A-Z][A-Z0-9-]{1,99}$/, { message: 'orgUnit must be an org unit code like BA-PHUOC-DAI' })
  orgUnit!: string;

  @ApiProperty({ example: '2026', description: 'A year, a quarter (2026-Q2) or a month (2026-05)' })
  @Matches(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, { message: 'period must be like 2026, 2026-Q2 or 2026-05' })
  period!: string;

  @ApiProperty({
    example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    description:
      'figuresDigest of the snapshot read from GET /report-approvals/{indicator}/{orgUnit}/{period}',
  })
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'figuresDigest must be 64 hex digits' })
  figuresDigest!: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
