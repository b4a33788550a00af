import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { SOCIAL_INSURANCE_KINDS, type SocialInsuranceKind } from '@ledger/domain';
import { InsuranceEnrolmentRequest } from '../insurance-enrolment.request.dto';

export class RecordSocialInsuranceEnrolmentRequest extends InsuranceEnrolmentRequest {
  @ApiProperty({ enum: SOCIAL_INSURANCE_KINDS })
  @IsIn(SOCIAL_INSURANCE_KINDS)
  kind!: SocialInsuranceKind;
}
