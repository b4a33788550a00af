import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { PAYMENT_METHODS, type PaymentMethod, REQUEST_EXAMPLES } from '@ledger/domain';
import { RecordActionRequest } from '@ledger/ledger/http';

export class RecordSubsidyPaymentRequest extends RecordActionRequest {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Id of the new subsidy payment; defaults to the event id',
  })
  @IsOptional()
  @IsUUID('all')
  paymentId?: string;

  @ApiProperty({ example: 'tro-cap-xa-hoi' })
  @Matches(/^[a-z0-9-]{2,40}$/, { message: 'programme must be a programme code (a-z, 0-9, -)' })
  programme!: string;

  @ApiProperty({
    example: '058123456789',
    description: 'Citizen id (CCCD, 12 digits). Never stored: only its HMAC reference is recorded.',
  })
  @Matches(/^\d{12}$/, { message: '$property must be a 12-digit citizen id (CCCD)' })
  beneficiaryCitizenId!: string;

  @ApiProperty({ example: '2026-11' })
  @Matches(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, { message: 'period must be YYYY, YYYY-MM or YYYY-Qn' })
  period!: string;

  @ApiProperty({ example: 40000000, description: 'Amount in VND (whole dong)' })
  @IsInt()
  @Min(1)
  @Max(100_000_000_000)
  amountVnd!: number;

  @ApiProperty({ enum: PAYMENT_METHODS })
  @IsIn(PAYMENT_METHODS)
  method!: PaymentMethod;

  @ApiProperty({ example: REQUEST_EXAMPLES.commune, description: 'Org unit code of the commune' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/, { message: 'commune must be an org unit code' })
  commune!: string;
}
