import type { TimedCommand } from '../shared/rules';

export const TRAINING_LEVELS = ['under_3_months', 'elementary', 'intermediate', 'college'] as const;
export type TrainingLevel = (typeof TRAINING_LEVELS)[number];

export interface OpenTrainingCourse extends TimedCommand {
  type: 'OpenTrainingCourse';
  courseId: string;
  occupation: string;
  level: TrainingLevel;
  commune: string;
  capacity: number;
}

export interface EnrollTrainee extends TimedCommand {
  type: 'EnrollTrainee';
  courseId: string;
  /** Pseudonymous trainee reference. */
  traineeRef: string;
}

export interface CertifyTrainee extends TimedCommand {
  type: 'CertifyTrainee';
  courseId: string;
  traineeRef: string;
  certificateNo: string;
}

export interface CloseTrainingCourse extends TimedCommand {
  type: 'CloseTrainingCourse';
  courseId: string;
}

export type TrainingCourseCommand = OpenTrainingCourse | EnrollTrainee | CertifyTrainee | CloseTrainingCourse;
