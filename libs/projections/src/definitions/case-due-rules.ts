// How long a lifecycle case may stay at a step before its next step is due. The reducer only writes the
// due date (dueBy); "past due" is a query, dueBy < today, so no reducer reads a clock.
//
// The limits are ILLUSTRATIVE working rules for the ledger, not figures from the plan or a decree:
//
//   case      at step (stage)                   next step expected            within  counted from
//   housing   HousingCaseRegistered             HousingFundingApproved         180 d  first registration
//   housing   HousingFundingApproved            HousingConstructionStarted      90 d  first approval
//   housing   HousingConstructionStarted        HousingConstructionCompleted   365 d  start
//   housing   HousingConstructionCompleted      HouseHandedOver                 30 d  completion
//   remains   RemainsCaseOpened                 RemainsRecovered               180 d  opening
//   remains   RemainsRecovered                  RemainsReburied                365 d  recovery
//   remains   RemainsReburied                   RemainsCaseClosed               90 d  reburial
//   training  TrainingCourseOpened (+ enrolments, certifications)
//                                               TrainingCourseClosed           365 d  opening
//   any       reopened (its closing retracted)  next step or closing            30 d  the retraction
//
// Identifying remains (which may come before or after reburial), enrolling and certifying trainees are
// activity within a stage: they change the current step but not the due date.
export type CaseKind = 'housing' | 'remains' | 'training';

export interface StageRule {
  /** Order of the stage in the lifecycle: the case stands at the highest stage it has reached. */
  stage: number;
  /** The step expected next. */
  next: string;
  days: number;
  /** stage: from the first event of this stage; opening: from the first event of the case. */
  countedFrom: 'stage' | 'opening';
  illustrative: boolean;
}

export interface CaseLifecycle {
  kind: CaseKind;
  streamPrefix: string;
  /** The data field holding the case's id. */
  idField: 'caseId' | 'courseId';
  stages: Readonly<Record<string, StageRule>>;
  /** Steps that do not move the case to another stage. */
  activities: readonly string[];
  /** The step that ends the case: it leaves the open-case-steps collection. */
  closing: string;
}

const rule = (
  stage: number,
  next: string,
  days: number,
  countedFrom: 'stage' | 'opening' = 'stage',
): StageRule => ({
  stage,
  next,
  days,
  countedFrom,
  illustrative: true,
});

export const CASE_LIFECYCLES: readonly CaseLifecycle[] = [
  {
    kind: 'housing',
    streamPrefix: 'housing-case-',
    idField: 'caseId',
    stages: {
      HousingCaseRegistered: rule(0, 'HousingFundingApproved', 180),
      HousingFundingApproved: rule(1, 'HousingConstructionStarted', 90),
      HousingConstructionStarted: rule(2, 'HousingConstructionCompleted', 365),
      HousingConstructionCompleted: rule(3, 'HouseHandedOver', 30),
    },
    activities: [],
    closing: 'HouseHandedOver',
  },
  {
    kind: 'remains',
    streamPrefix: 'remains-case-',
    idField: 'caseId',
    stages: {
      RemainsCaseOpened: rule(0, 'RemainsRecovered', 180),
      RemainsRecovered: rule(1, 'RemainsReburied', 365),
      RemainsReburied: rule(2, 'RemainsCaseClosed', 90),
    },
    activities: ['RemainsIdentified'],
    closing: 'RemainsCaseClosed',
  },
  {
    kind: 'training',
    streamPrefix: 'training-course-',
    idField: 'courseId',
    stages: {
      TrainingCourseOpened: rule(0, 'TrainingCourseClosed', 365, 'opening'),
    },
    activities: ['TraineeEnrolled', 'TraineeCertified'],
    closing: 'TrainingCourseClosed',
  },
];

/** A case whose closing step was retracted is open again: its next step is due within this many days. */
export const REOPENED_CASE_DUE_DAYS = 30;
export const REOPENED_STEP = 'Reopened';

export function lifecycleOfStream(stream: string): CaseLifecycle | undefined {
  return CASE_LIFECYCLES.find(
    (l) => stream.startsWith(l.streamPrefix) && stream.length > l.streamPrefix.length,
  );
}

/** Whether the event type is a step of this lifecycle (stage, activity or closing). */
export function isCaseStep(lifecycle: CaseLifecycle, type: string): boolean {
  return (
    Object.hasOwn(lifecycle.stages, type) || lifecycle.activities.includes(type) || type === lifecycle.closing
  );
}
