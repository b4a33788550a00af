import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { RecordActionRequest } from '@ledger/ledger/http';
import { REQUEST_EXAMPLES } from '@ledger/domain';

export class RecordPolicyLoanDisbursementRequest extends RecordActionRequest {
  @ApiPropertyOptional({
    example: 'NHCS-BA-2026-00117',
    description:
      'The loan contract number of the lending bank; it keys the stream, so recording it twice is a conflict. Defaults to the event id.',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, {
    message: '$property must be 1-100 letters, digits, dot, underscore or -',
  })
  loanId?: string;

  @ApiProperty({
    example: '058123456789',
    description:
      'Citizen id (CCCD, 12 digits) of the borrower. Never stored: only its HMAC reference is recorded.',
  })
  @Matches(/^\d{12}$/, { message: '$property must be a 12-digit citizen id (CCCD)' })
  borrowerCitizenId!: string;

  @ApiProperty({ example: REQUEST_EXAMPLES.commune, description: 'Org unit code of the commune' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/, { message: 'commune must be an org unit code' })
  commune!: string;

  @ApiProperty({ example: 'ho-ngheo' })
  @Matches(/^[a-z0-9-]{2,40}$/, { message: 'programme must be a programme code (a-z, 0-9, -)' })
  programme!: string;

  @ApiProperty({ example: 50000000, description: 'Amount disbursed in VND (whole dong)' })
  @IsInt()
  @Min(1)
  @Max(100_000_000_000)
  amountVnd!: number;

  @ApiProperty({ minimum: 1, maximum: 240, example: 60 })
  @IsInt()
  @Min(1)
  @Max(240)
  termMonths!: number;
}
