// Fields the three insurance enrolments share (health, social, unemployment).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { RecordActionRequest } from '@ledger/ledger/http';
import { REQUEST_EXAMPLES } from '@ledger/domain';

export class InsuranceEnrolmentRequest extends RecordActionRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'Id of the new enrolment; defaults to the event id' })
  @IsOptional()
  @IsUUID('all')
  enrolmentId?: string;

  @ApiProperty({
    example: '058123456789',
    description:
      'Citizen id (CCCD, 12 digits) of the insured person. Never stored: only its HMAC reference is recorded.',
  })
  @Matches(/^\d{12}$/, { message: '$property must be a 12-digit citizen id (CCCD)' })
  beneficiaryCitizenId!: string;

  @ApiProperty({ example: REQUEST_EXAMPLES.commune, description: 'Org unit code of the commune' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/, { message: 'commune must be an org unit code' })
  commune!: string;

  @ApiProperty({
    example: 2026,
    description: 'Calendar year covered; the year of occurredAt, or one either side',
  })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}
