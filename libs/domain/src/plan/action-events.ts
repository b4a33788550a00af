// The event types that record completed actions, as far as the contribution rules need to know them:
// which data fields hold a number that can be summed, which can be filtered on (equality), and which
// name the period a fact belongs to. A rule that names anything else is refused when the seed is loaded.
//
// The names must match the events the deciders write (libs/domain/src/*/*.events.ts and the action types
// added with the insurance, water, sanitation, jobs, credit, allowance and measurement endpoints).

export interface ActionEventFields {
  /** Numeric data fields a rule may sum. */
  numeric: readonly string[];
  /** Data fields a rule may filter on with `where`. */
  filterable: readonly string[];
  /** Data fields that name the period the fact belongs to (e.g. the insurance year). */
  period: readonly string[];
}

const fields = (f: Partial<ActionEventFields>): ActionEventFields => ({
  numeric: f.numeric ?? [],
  filterable: f.filterable ?? [],
  period: f.period ?? [],
});

export const MEASUREMENT_RECORDED = 'MeasurementRecorded';

export const ACTION_EVENT_CATALOGUE = {
  HousingCaseRegistered: fields({ filterable: ['category', 'commune'] }),
  HousingFundingApproved: fields({ numeric: ['amountVnd'], filterable: ['source'] }),
  HousingConstructionStarted: fields({}),
  HousingConstructionCompleted: fields({ numeric: ['floorAreaM2', 'occupants'] }),
  HouseHandedOver: fields({}),
  SubsidyPaid: fields({
    numeric: ['amountVnd'],
    filterable: ['programme', 'method', 'commune'],
    period: ['period'],
  }),
  RemainsCaseOpened: fields({ filterable: ['commune'] }),
  RemainsRecovered: fields({ numeric: ['setsOfRemains'] }),
  RemainsIdentified: fields({ filterable: ['method'] }),
  RemainsReburied: fields({}),
  RemainsCaseClosed: fields({ filterable: ['outcome'] }),
  TrainingCourseOpened: fields({ numeric: ['capacity'], filterable: ['level', 'occupation', 'commune'] }),
  TraineeEnrolled: fields({}),
  TraineeCertified: fields({}),
  TrainingCourseClosed: fields({}),
  HealthInsuranceEnrolled: fields({ filterable: ['commune', 'scheme'], period: ['year'] }),
  SocialInsuranceEnrolled: fields({ filterable: ['commune', 'kind'], period: ['year'] }),
  UnemploymentInsuranceEnrolled: fields({ filterable: ['commune'], period: ['year'] }),
  CleanWaterConnected: fields({ filterable: ['commune', 'source'] }),
  HygienicLatrineCompleted: fields({ filterable: ['commune', 'facilityKind'] }),
  JobPlaced: fields({ filterable: ['commune', 'employer', 'kind'] }),
  PolicyLoanDisbursed: fields({
    numeric: ['amountVnd', 'termMonths'],
    filterable: ['commune', 'programme'],
  }),
  AllowanceGranted: fields({ numeric: ['monthlyAmountVnd'], filterable: ['commune', 'programme'] }),
  // A measurement sets the value of the indicator it names; rules use measure "measurement" for it.
  [MEASUREMENT_RECORDED]: fields({}),
} as const satisfies Readonly<Record<string, ActionEventFields>>;

export type ActionEventType = keyof typeof ACTION_EVENT_CATALOGUE;

export const ACTION_EVENT_TYPES = Object.keys(ACTION_EVENT_CATALOGUE) as ActionEventType[];

export function isActionEventType(type: unknown): type is ActionEventType {
  return typeof type === 'string' && Object.hasOwn(ACTION_EVENT_CATALOGUE, type);
}
