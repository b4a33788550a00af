import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { HOUSING_CATEGORIES, type HousingCategory, REQUEST_EXAMPLES } from '@ledger/domain';
import { RecordActionRequest } from '@ledger/ledger/http';

/** Mobile 0[35789]xxxxxxxx or landline 02xxxxxxxxx, with +84 in place of the leading 0. */
export const VIETNAMESE_PHONE = /^(?:\+84|0)(?:[35789]\d{8}|2\d{9})$/;

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

  @ApiProperty({ example: REQUEST_EXAMPLES.commune, description: 'Org unit code of the commune' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/, { message: 'commune must be an org unit code' })
  commune!: string;

  @ApiProperty({ enum: HOUSING_CATEGORIES })
  @IsIn(HOUSING_CATEGORIES)
  category!: HousingCategory;

  @ApiPropertyOptional({
    example: 'Pi Năng Thị Hoa',
    minLength: 1,
    maxLength: 200,
    description:
      "The household head's name. Personal data: sealed under the household's own key before it is stored, " +
      'shown to those who may read the event, and erased with that key (DELETE /beneficiaries/{ref}/personal-data).',
  })
  @IsOptional()
  @IsString({ message: 'householdHeadName must be a text' })
  @Length(1, 200, { message: 'householdHeadName must be 1 to 200 characters' })
  @Matches(/\S/, { message: 'householdHeadName must not be blank' })
  householdHeadName?: string;

  @ApiPropertyOptional({
    example: '0912345678',
    description:
      'A Vietnamese phone number (mobile 0[3|5|7|8|9] + 8 digits, landline 02 + 9 digits, or +84 instead of 0). ' +
      'Personal data, sealed like householdHeadName.',
  })
  @IsOptional()
  @Matches(VIETNAMESE_PHONE, { message: 'contactPhone must be a Vietnamese phone number such as 0912345678' })
  contactPhone?: string;
}
