import type { DatedEvent } from '../shared/dated-event';
import type { TrainingLevel } from './training.commands';

export type TrainingCourseOpened = DatedEvent<
  'TrainingCourseOpened',
  { courseId: string; occupation: string; level: TrainingLevel; commune: string; capacity: number }
>;

export type TraineeEnrolled = DatedEvent<'TraineeEnrolled', { courseId: string; traineeRef: string }>;

export type TraineeCertified = DatedEvent<
  'TraineeCertified',
  { courseId: string; traineeRef: string; certificateNo: string }
>;

export type TrainingCourseClosed = DatedEvent<'TrainingCourseClosed', { courseId: string }>;

export type TrainingCourseEvent =
  TrainingCourseOpened | TraineeEnrolled | TraineeCertified | TrainingCourseClosed;

export const TRAINING_COURSE_EVENT_TYPES = [
  'TrainingCourseOpened',
  'TraineeEnrolled',
  'TraineeCertified',
  'TrainingCourseClosed',
] as const satisfies readonly TrainingCourseEvent['type'][];
