import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { JOB_PLACEMENT_KINDS, type JobPlacementKind, REQUEST_EXAMPLES } from '@ledger/domain';
import { RecordActionRequest } from '@ledger/ledger/http';

export class RecordJobPlacementRequest extends RecordActionRequest {
  @ApiPropertyOptional({
    example: 'GQVL-2026-0042',
    description:
      'The contract or referral number of the placing agency; it keys the stream, so recording it twice is a conflict. Defaults to the event id.',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, {
    message: '$property must be 1-100 letters, digits, dot, underscore or -',
  })
  placementId?: string;

  @ApiProperty({
    example: '058123456789',
    description:
      'Citizen id (CCCD, 12 digits) of the worker. Never stored: only its HMAC reference is recorded.',
  })
  @Matches(/^\d{12}$/, { message: '$property must be a 12-digit citizen id (CCCD)' })
  workerCitizenId!: string;

  @ApiProperty({ example: REQUEST_EXAMPLES.commune, description: 'Org unit code of the commune' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/, { message: 'commune must be an org unit code' })
  commune!: string;

  @ApiProperty({ example: 'Công ty May Ninh Thuận', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  employer!: string;

  @ApiProperty({ enum: JOB_PLACEMENT_KINDS })
  @IsIn(JOB_PLACEMENT_KINDS)
  kind!: JobPlacementKind;
}
