import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { HOUSING_CATEGORIES, type HousingCategory } from '@ledger/domain';
import { RecordActionRequest } from '../../record-action.request.dto';

export class RegisterHousingCaseRequest extends RecordActionRequest {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Id of the new housing case; defaults to the event id',
  })
  @IsOptional()
  @IsUUID('all')
  caseId?: string;

  @ApiProperty({
    example: '058123456789',
    description: 'Citizen id (CCCD, 12 digits). Never stored: only its HMAC reference is recorded.',
  })
  @Matches(/^\d{12}$/, { message: '$property must be a 12-digit citizen id (CCCD)' })
  householdHeadCitizenId!: string;

  @ApiProperty({ example: 'PHUOC-DAI', description: 'Org unit code of the commune' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/, { message: 'commune must be an org unit code' })
  commune!: string;

  @ApiProperty({ enum: HOUSING_CATEGORIES })
  @IsIn(HOUSING_CATEGORIES)
  category!: HousingCategory;
}
