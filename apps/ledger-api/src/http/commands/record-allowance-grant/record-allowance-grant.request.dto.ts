import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { RecordActionRequest } from '@ledger/ledger/http';
import { REQUEST_EXAMPLES } from '@ledger/domain';

export class RecordAllowanceGrantRequest extends RecordActionRequest {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Id of the new allowance grant; defaults to the event id',
  })
  @IsOptional()
  @IsUUID('all')
  grantId?: string;

  @ApiProperty({
    example: '058123456789',
    description:
      'Citizen id (CCCD, 12 digits) of the beneficiary. Never stored: only its HMAC reference is recorded.',
  })
  @Matches(/^\d{12}$/, { message: '$property must be a 12-digit citizen id (CCCD)' })
  beneficiaryCitizenId!: string;

  @ApiProperty({ example: 'tro-cap-xa-hoi' })
  @Matches(/^[a-z0-9-]{2,40}$/, { message: 'programme must be a programme code (a-z, 0-9, -)' })
  programme!: string;

  @ApiProperty({ example: 500000, description: 'Monthly amount in VND (whole dong)' })
  @IsInt()
  @Min(1)
  @Max(100_000_000_000)
  monthlyAmountVnd!: number;

  @ApiProperty({ example: REQUEST_EXAMPLES.commune, description: 'Org unit code of the commune' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/, { message: 'commune must be an org unit code' })
  commune!: string;
}
