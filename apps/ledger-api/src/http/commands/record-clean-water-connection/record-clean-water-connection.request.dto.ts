import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { CLEAN_WATER_SOURCES, type CleanWaterSource, REQUEST_EXAMPLES } from '@ledger/domain';
import { RecordActionRequest } from '@ledger/ledger/http';

export class RecordCleanWaterConnectionRequest extends RecordActionRequest {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Id of the new connection; defaults to the event id',
  })
  @IsOptional()
  @IsUUID('all')
  connectionId?: string;

  @ApiProperty({
    example: '058123456789',
    description:
      'Citizen id (CCCD, 12 digits) of the household head. Never stored: only its HMAC reference is recorded.',
  })
  @Matches(/^\d{12}$/, { message: '$property must be a 12-digit citizen id (CCCD)' })
  householdHeadCitizenId!: string;

  @ApiProperty({ example: REQUEST_EXAMPLES.commune, description: 'Org unit code of the commune' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/, { message: 'commune must be an org unit code' })
  commune!: string;

  @ApiProperty({ enum: CLEAN_WATER_SOURCES })
  @IsIn(CLEAN_WATER_SOURCES)
  source!: CleanWaterSource;
}
