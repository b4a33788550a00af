import { assertNever, type Decider } from '../shared/decider';
import { conflict, notFound } from '../shared/domain-error';
import { occurredAtOf } from '../shared/dated-event';
import {
  checkNotBefore,
  checkOccurredAt,
  latestOf,
  requireId,
  requireIntegerInRange,
  requireOneOf,
  requireText,
} from '../shared/rules';
import {
  TRAINING_LEVELS,
  type CertifyTrainee,
  type CloseTrainingCourse,
  type EnrollTrainee,
  type OpenTrainingCourse,
  type TrainingCourseCommand,
} from './training.commands';
import type { TrainingCourseEvent } from './training.events';
import {
  initialTrainingCourseState,
  type OpenedTrainingCourse,
  type TraineeRecord,
  type TrainingCourseState,
} from './training.state';

export const MAX_COURSE_CAPACITY = 500;

export function requireCapacity(value: unknown, field = 'capacity'): number {
  return requireIntegerInRange(value, field, 1, MAX_COURSE_CAPACITY, 'CAPACITY_OUT_OF_RANGE');
}

export function requireOccupation(value: unknown, field = 'occupation'): string {
  return requireText(value, field);
}

export function requireCertificateNo(value: unknown, field = 'certificateNo'): string {
  return requireText(value, field, 100);
}

export const trainingCourseDecider: Decider<TrainingCourseCommand, TrainingCourseEvent, TrainingCourseState> =
  {
    initialState: initialTrainingCourseState,

    decide(command, state) {
      checkOccurredAt(command);
      switch (command.type) {
        case 'OpenTrainingCourse':
          return open(command, state);
        case 'EnrollTrainee':
          return enroll(command, state);
        case 'CertifyTrainee':
          return certify(command, state);
        case 'CloseTrainingCourse':
          return close(command, state);
        default:
          return assertNever(command);
      }
    },

    evolve(state, event) {
      if (event.type === 'TrainingCourseOpened') {
        return { status: 'open', ...event.data, openedAt: occurredAtOf(event), trainees: {} };
      }
      // A step without the opening only happens in a corrupted stream; replay must not fail on it.
      if (state.status === 'not_opened') return state;
      switch (event.type) {
        case 'TraineeEnrolled':
          return withTrainee(state, event.data.traineeRef, { enrolledAt: occurredAtOf(event) });
        case 'TraineeCertified':
          return withTrainee(state, event.data.traineeRef, {
            ...traineeOf(state, event.data.traineeRef),
            certificateNo: event.data.certificateNo,
            certifiedAt: occurredAtOf(event),
          });
        case 'TrainingCourseClosed':
          return { ...state, status: 'closed', closedAt: occurredAtOf(event) };
        default:
          return assertNever(event);
      }
    },
  };

function open(command: OpenTrainingCourse, state: TrainingCourseState): TrainingCourseEvent[] {
  const courseId = requireId(command.courseId, 'courseId');
  const occupation = requireOccupation(command.occupation);
  const level = requireOneOf(command.level, TRAINING_LEVELS, 'level');
  const commune = requireText(command.commune, 'commune', 100);
  const capacity = requireCapacity(command.capacity);
  if (state.status !== 'not_opened') {
    throw conflict('TRAINING_COURSE_ALREADY_OPENED', `training course ${courseId} is already opened`);
  }
  return [{ type: 'TrainingCourseOpened', data: { courseId, occupation, level, commune, capacity } }];
}

function enroll(command: EnrollTrainee, state: TrainingCourseState): TrainingCourseEvent[] {
  const courseId = requireId(command.courseId, 'courseId');
  const traineeRef = requireText(command.traineeRef, 'traineeRef');
  const course = stillOpen(state, courseId);
  if (traineeOf(course, traineeRef)) {
    throw conflict(
      'TRAINEE_ALREADY_ENROLLED',
      `trainee ${traineeRef} is already enrolled in course ${courseId}`,
    );
  }
  if (Object.keys(course.trainees).length >= course.capacity) {
    throw conflict('COURSE_FULL', `training course ${courseId} is full (${course.capacity} trainees)`);
  }
  checkNotBefore(command.occurredAt, course.openedAt, 'opening of the course');
  return [{ type: 'TraineeEnrolled', data: { courseId, traineeRef } }];
}

function certify(command: CertifyTrainee, state: TrainingCourseState): TrainingCourseEvent[] {
  const courseId = requireId(command.courseId, 'courseId');
  const traineeRef = requireText(command.traineeRef, 'traineeRef');
  const certificateNo = requireCertificateNo(command.certificateNo);
  const course = stillOpen(state, courseId);
  const trainee = traineeOf(course, traineeRef);
  if (!trainee) {
    throw conflict('TRAINEE_NOT_ENROLLED', `trainee ${traineeRef} is not enrolled in course ${courseId}`);
  }
  if (trainee.certificateNo !== undefined) {
    throw conflict(
      'TRAINEE_ALREADY_CERTIFIED',
      `trainee ${traineeRef} already holds certificate ${trainee.certificateNo}`,
    );
  }
  checkNotBefore(command.occurredAt, trainee.enrolledAt, 'enrolment of the trainee');
  return [{ type: 'TraineeCertified', data: { courseId, traineeRef, certificateNo } }];
}

function close(command: CloseTrainingCourse, state: TrainingCourseState): TrainingCourseEvent[] {
  const courseId = requireId(command.courseId, 'courseId');
  if (state.status === 'closed') {
    throw conflict('TRAINING_COURSE_ALREADY_CLOSED', `training course ${courseId} is already closed`);
  }
  const course = stillOpen(state, courseId);
  // The course closes after everything that happened in it.
  const steps = Object.values(course.trainees).flatMap((t) => [t.enrolledAt, t.certifiedAt]);
  checkNotBefore(command.occurredAt, latestOf([course.openedAt, ...steps]), 'last step of the course');
  return [{ type: 'TrainingCourseClosed', data: { courseId } }];
}

function stillOpen(state: TrainingCourseState, courseId: string): OpenedTrainingCourse {
  if (state.status === 'not_opened') {
    throw notFound('TRAINING_COURSE_NOT_OPENED', `training course ${courseId} is not opened`);
  }
  if (state.status === 'closed')
    throw conflict('TRAINING_COURSE_CLOSED', `training course ${courseId} is closed`);
  return state;
}

// Trainee references are keys of a plain object: own properties only, so "constructor" is no trainee.
function traineeOf(course: OpenedTrainingCourse, traineeRef: string): TraineeRecord | undefined {
  return Object.hasOwn(course.trainees, traineeRef) ? course.trainees[traineeRef] : undefined;
}

function withTrainee(
  course: OpenedTrainingCourse,
  traineeRef: string,
  record: TraineeRecord,
): OpenedTrainingCourse {
  return { ...course, trainees: { ...course.trainees, [traineeRef]: record } };
}
