import { RegisterHousingCaseHttpController } from './register-housing-case/register-housing-case.http.controller';
import { ApproveHousingFundingHttpController } from './approve-housing-funding/approve-housing-funding.http.controller';
import { StartHousingConstructionHttpController } from './start-housing-construction/start-housing-construction.http.controller';
import { CompleteHousingConstructionHttpController } from './complete-housing-construction/complete-housing-construction.http.controller';
import { HandOverHouseHttpController } from './hand-over-house/hand-over-house.http.controller';
import { RecordSubsidyPaymentHttpController } from './record-subsidy-payment/record-subsidy-payment.http.controller';
import { OpenRemainsCaseHttpController } from './open-remains-case/open-remains-case.http.controller';
import { RecordRemainsRecoveryHttpController } from './record-remains-recovery/record-remains-recovery.http.controller';
import { IdentifyRemainsHttpController } from './identify-remains/identify-remains.http.controller';
import { RecordReburialHttpController } from './record-reburial/record-reburial.http.controller';
import { CloseRemainsCaseHttpController } from './close-remains-case/close-remains-case.http.controller';
import { OpenTrainingCourseHttpController } from './open-training-course/open-training-course.http.controller';
import { EnrollTraineeHttpController } from './enroll-trainee/enroll-trainee.http.controller';
import { CertifyTraineeHttpController } from './certify-trainee/certify-trainee.http.controller';
import { CloseTrainingCourseHttpController } from './close-training-course/close-training-course.http.controller';
import { RecordHealthInsuranceEnrolmentHttpController } from './record-health-insurance-enrolment/record-health-insurance-enrolment.http.controller';
import { RecordSocialInsuranceEnrolmentHttpController } from './record-social-insurance-enrolment/record-social-insurance-enrolment.http.controller';
import { RecordUnemploymentInsuranceEnrolmentHttpController } from './record-unemployment-insurance-enrolment/record-unemployment-insurance-enrolment.http.controller';
import { RecordCleanWaterConnectionHttpController } from './record-clean-water-connection/record-clean-water-connection.http.controller';
import { RecordHygienicLatrineCompletionHttpController } from './record-hygienic-latrine-completion/record-hygienic-latrine-completion.http.controller';
import { RecordJobPlacementHttpController } from './record-job-placement/record-job-placement.http.controller';
import { RecordPolicyLoanDisbursementHttpController } from './record-policy-loan-disbursement/record-policy-loan-disbursement.http.controller';
import { RecordAllowanceGrantHttpController } from './record-allowance-grant/record-allowance-grant.http.controller';
import { RecordMeasurementHttpController } from './record-measurement/record-measurement.http.controller';

export const commandControllers = [
  RegisterHousingCaseHttpController,
  ApproveHousingFundingHttpController,
  StartHousingConstructionHttpController,
  CompleteHousingConstructionHttpController,
  HandOverHouseHttpController,
  RecordSubsidyPaymentHttpController,
  OpenRemainsCaseHttpController,
  RecordRemainsRecoveryHttpController,
  IdentifyRemainsHttpController,
  RecordReburialHttpController,
  CloseRemainsCaseHttpController,
  OpenTrainingCourseHttpController,
  EnrollTraineeHttpController,
  CertifyTraineeHttpController,
  CloseTrainingCourseHttpController,
  RecordHealthInsuranceEnrolmentHttpController,
  RecordSocialInsuranceEnrolmentHttpController,
  RecordUnemploymentInsuranceEnrolmentHttpController,
  RecordCleanWaterConnectionHttpController,
  RecordHygienicLatrineCompletionHttpController,
  RecordJobPlacementHttpController,
  RecordPolicyLoanDisbursementHttpController,
  RecordAllowanceGrantHttpController,
  RecordMeasurementHttpController,
];
