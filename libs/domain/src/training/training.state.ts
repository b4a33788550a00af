import type { TrainingLevel } from './training.commands';

export interface TraineeRecord {
  enrolledAt?: string;
  certificateNo?: string;
  certifiedAt?: string;
}

export interface OpenedTrainingCourse {
  status: 'open' | 'closed';
  courseId: string;
  occupation: string;
  level: TrainingLevel;
  commune: string;
  capacity: number;
  openedAt?: string;
  closedAt?: string;
  /** By trainee reference, in enrolment order. */
  trainees: Record<string, TraineeRecord>;
}

export type TrainingCourseState = { status: 'not_opened' } | OpenedTrainingCourse;

export const initialTrainingCourseState: TrainingCourseState = { status: 'not_opened' };
