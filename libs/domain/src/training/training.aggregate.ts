import type { AggregateDefinition } from '../corrections/aggregate-definition';
import { EVENT_CORRECTED } from '../corrections/correction.event';
import { amendFields } from '../shared/amend-fields';
import type { TrainingCourseCommand } from './training.commands';
import {
  requireCapacity,
  requireCertificateNo,
  requireOccupation,
  trainingCourseDecider,
} from './training.decider';
import {
  TRAINING_COURSE_EVENT_TYPES,
  type TraineeCertified,
  type TrainingCourseEvent,
  type TrainingCourseOpened,
} from './training.events';
import type { TrainingCourseState } from './training.state';

export const TRAINING_COURSE_STREAM_PREFIX = 'training-course-';

export function trainingCourseStream(courseId: string): string {
  return `${TRAINING_COURSE_STREAM_PREFIX}${courseId}`;
}

export const trainingCourseAggregate: AggregateDefinition<
  TrainingCourseCommand,
  TrainingCourseEvent,
  TrainingCourseState
> = {
  name: 'training-course',
  streamPrefix: TRAINING_COURSE_STREAM_PREFIX,
  streamFor: (command) => trainingCourseStream(command.courseId),
  decider: trainingCourseDecider,
  eventTypes: [...TRAINING_COURSE_EVENT_TYPES, EVENT_CORRECTED],
  schemaVersions: {
    TrainingCourseOpened: 1,
    TraineeEnrolled: 1,
    TraineeCertified: 1,
    TrainingCourseClosed: 1,
    [EVENT_CORRECTED]: 1,
  },
  // Not linear: trainees come and go independently. Everything stands on the opening, and a certificate
  // on that trainee's enrolment.
  dependsOn: (later, earlier) => {
    if (earlier.type === 'TrainingCourseOpened') return true;
    return (
      later.type === 'TraineeCertified' &&
      earlier.type === 'TraineeEnrolled' &&
      later.data.traineeRef === earlier.data.traineeRef
    );
  },
  // A smaller capacity may leave the course over-full: the enrolments happened, the correction only
  // states what the capacity really was.
  amend: {
    TrainingCourseOpened: amendFields<TrainingCourseOpened['data']>({
      capacity: requireCapacity,
      occupation: requireOccupation,
    }),
    TraineeCertified: amendFields<TraineeCertified['data']>({ certificateNo: requireCertificateNo }),
  },
};
