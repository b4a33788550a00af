import { InsuranceEnrolmentRequest } from '../insurance-enrolment.request.dto';

/** Only the fields every enrolment has. */
export class RecordUnemploymentInsuranceEnrolmentRequest extends InsuranceEnrolmentRequest {}
