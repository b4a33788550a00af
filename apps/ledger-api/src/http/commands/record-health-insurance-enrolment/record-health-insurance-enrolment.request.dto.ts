import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { HEALTH_INSURANCE_SCHEMES, type HealthInsuranceScheme } from '@ledger/domain';
import { InsuranceEnrolmentRequest } from '../insurance-enrolment.request.dto';

export class RecordHealthInsuranceEnrolmentRequest extends InsuranceEnrolmentRequest {
  @ApiProperty({ enum: HEALTH_INSURANCE_SCHEMES, description: 'Who pays or why the person is covered' })
  @IsIn(HEALTH_INSURANCE_SCHEMES)
  scheme!: HealthInsuranceScheme;
}
