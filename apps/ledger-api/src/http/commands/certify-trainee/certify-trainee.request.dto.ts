import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { RecordActionRequest } from '@ledger/ledger/http';

export class CertifyTraineeRequest extends RecordActionRequest {
  @ApiProperty({
    example: '058123456789',
    description: 'Citizen id (CCCD, 12 digits). Never stored: only its HMAC reference is recorded.',
  })
  @Matches(/^\d{12}$/, { message: '$property must be a 12-digit citizen id (CCCD)' })
  traineeCitizenId!: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  certificateNo!: string;
}
