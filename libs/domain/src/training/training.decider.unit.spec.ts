import { foldStream } from '../corrections/effective-events';
import { specFor, type GivenEvent } from '../testing/decider-spec';
import { trainingCourseAggregate } from './training.aggregate';
import type {
  CertifyTrainee,
  CloseTrainingCourse,
  EnrollTrainee,
  OpenTrainingCourse,
} from './training.commands';

const spec = specFor(trainingCourseAggregate);
const now = '2024-06-30T10:00:00+07:00';
const courseId = 'TC-2024-07';
const at = (occurredAt: string) => ({ metadata: { occurredAt } });

const courseData = {
  courseId,
  occupation: 'May công nghiệp',
  level: 'under_3_months',
  commune: 'PHUOC-BINH',
  capacity: 2,
};
const opened: GivenEvent = { type: 'TrainingCourseOpened', data: courseData, ...at('2024-03-01') };
const enrolled = (traineeRef: string, date = '2024-03-05'): GivenEvent => ({
  type: 'TraineeEnrolled',
  data: { courseId, traineeRef },
  ...at(date),
});
const certified = (traineeRef: string, certificateNo: string): GivenEvent => ({
  type: 'TraineeCertified',
  data: { courseId, traineeRef, certificateNo },
  ...at('2024-05-30'),
});
const closed: GivenEvent = { type: 'TrainingCourseClosed', data: { courseId }, ...at('2024-06-01') };

const openCourse = (over: Partial<OpenTrainingCourse> = {}): OpenTrainingCourse => ({
  type: 'OpenTrainingCourse',
  courseId,
  occupation: 'May công nghiệp',
  level: 'under_3_months',
  commune: 'PHUOC-BINH',
  capacity: 2,
  occurredAt: '2024-03-01',
  now,
  ...over,
});
const enroll = (over: Partial<EnrollTrainee> = {}): EnrollTrainee => ({
  type: 'EnrollTrainee',
  courseId,
  traineeRef: 't-a',
  occurredAt: '2024-03-05',
  now,
  ...over,
});
const certify = (over: Partial<CertifyTrainee> = {}): CertifyTrainee => ({
  type: 'CertifyTrainee',
  courseId,
  traineeRef: 't-a',
  certificateNo: 'CC-0001',
  occurredAt: '2024-05-30',
  now,
  ...over,
});
const close = (over: Partial<CloseTrainingCourse> = {}): CloseTrainingCourse => ({
  type: 'CloseTrainingCourse',
  courseId,
  occurredAt: '2024-06-01',
  now,
  ...over,
});

describe('training course', () => {
  describe('OpenTrainingCourse', () => {
    it('opens a course', () =>
      spec.given().when(openCourse()).then({ type: 'TrainingCourseOpened', data: courseData }));

    it('refuses a course that is already open', () =>
      spec
        .given(opened)
        .when(openCourse())
        .thenThrows('TRAINING_COURSE_ALREADY_OPENED', { kind: 'conflict' }));

    it.each([0, 501, 2.5])('refuses capacity %p', (capacity) =>
      spec
        .given()
        .when(openCourse({ capacity }))
        .thenThrows('CAPACITY_OUT_OF_RANGE', { kind: 'invalid', field: 'capacity' }),
    );

    it('refuses an unknown level', () =>
      spec
        .given()
        .when(openCourse({ level: 'phd' as never }))
        .thenThrows('VALUE_NOT_ALLOWED', { kind: 'invalid', field: 'level' }));

    it('refuses a missing occupation', () =>
      spec
        .given()
        .when(openCourse({ occupation: '' }))
        .thenThrows('TEXT_REQUIRED', { kind: 'invalid', field: 'occupation' }));

    it('refuses a course id that cannot be part of a stream name', () =>
      spec
        .given()
        .when(openCourse({ courseId: '' }))
        .thenThrows('ID_INVALID', { kind: 'invalid', field: 'courseId' }));
  });

  describe('EnrollTrainee', () => {
    it('enrolls a trainee', () =>
      spec
        .given(opened)
        .when(enroll())
        .then({ type: 'TraineeEnrolled', data: { courseId, traineeRef: 't-a' } }));

    it('enrolls up to the capacity', () =>
      spec
        .given(opened, enrolled('t-a'))
        .when(enroll({ traineeRef: 't-b' }))
        .then({ type: 'TraineeEnrolled', data: { courseId, traineeRef: 't-b' } }));

    it('refuses a trainee beyond the capacity', () =>
      spec
        .given(opened, enrolled('t-a'), enrolled('t-b'))
        .when(enroll({ traineeRef: 't-c' }))
        .thenThrows('COURSE_FULL', { kind: 'conflict' }));

    it('refuses a trainee who is already enrolled', () =>
      spec
        .given(opened, enrolled('t-a'))
        .when(enroll())
        .thenThrows('TRAINEE_ALREADY_ENROLLED', { kind: 'conflict' }));

    it('takes a trainee named like an Object property for a new trainee', () =>
      spec
        .given(opened)
        .when(enroll({ traineeRef: 'constructor' }))
        .then({ type: 'TraineeEnrolled', data: { courseId, traineeRef: 'constructor' } }));

    it('refuses a course that is not open', () =>
      spec.given().when(enroll()).thenThrows('TRAINING_COURSE_NOT_OPENED', { kind: 'not_found' }));

    it('refuses a closed course', () =>
      spec
        .given(opened, closed)
        .when(enroll({ occurredAt: '2024-06-02' }))
        .thenThrows('TRAINING_COURSE_CLOSED', { kind: 'conflict' }));

    it('refuses a missing trainee reference', () =>
      spec
        .given(opened)
        .when(enroll({ traineeRef: ' ' }))
        .thenThrows('TEXT_REQUIRED', { kind: 'invalid', field: 'traineeRef' }));

    it('refuses an enrolment dated before the opening', () =>
      spec
        .given(opened)
        .when(enroll({ occurredAt: '2024-02-28' }))
        .thenThrows('STEP_BEFORE_PREVIOUS_STEP', { kind: 'invalid', field: 'occurredAt' }));
  });

  describe('CertifyTrainee', () => {
    it('certifies an enrolled trainee', () =>
      spec
        .given(opened, enrolled('t-a'))
        .when(certify())
        .then({ type: 'TraineeCertified', data: { courseId, traineeRef: 't-a', certificateNo: 'CC-0001' } }));

    it('refuses a trainee who is not enrolled', () =>
      spec
        .given(opened, enrolled('t-b'))
        .when(certify())
        .thenThrows('TRAINEE_NOT_ENROLLED', { kind: 'conflict' }));

    it('certifies once only', () =>
      spec
        .given(opened, enrolled('t-a'), certified('t-a', 'CC-0001'))
        .when(certify({ certificateNo: 'CC-0002' }))
        .thenThrows('TRAINEE_ALREADY_CERTIFIED', { kind: 'conflict' }));

    it('refuses a closed course', () =>
      spec
        .given(opened, enrolled('t-a'), closed)
        .when(certify({ occurredAt: '2024-06-02' }))
        .thenThrows('TRAINING_COURSE_CLOSED', { kind: 'conflict' }));

    it('refuses a course that is not open', () =>
      spec.given().when(certify()).thenThrows('TRAINING_COURSE_NOT_OPENED', { kind: 'not_found' }));

    it('refuses a missing certificate number', () =>
      spec
        .given(opened, enrolled('t-a'))
        .when(certify({ certificateNo: '' }))
        .thenThrows('TEXT_REQUIRED', { kind: 'invalid', field: 'certificateNo' }));

    it('refuses a certificate dated before the enrolment', () =>
      spec
        .given(opened, enrolled('t-a', '2024-04-01'))
        .when(certify({ occurredAt: '2024-03-31' }))
        .thenThrows('STEP_BEFORE_PREVIOUS_STEP', { kind: 'invalid', field: 'occurredAt' }));
  });

  describe('CloseTrainingCourse', () => {
    it('closes an open course', () =>
      spec
        .given(opened, enrolled('t-a'), certified('t-a', 'CC-0001'))
        .when(close())
        .then({ type: 'TrainingCourseClosed', data: { courseId } }));

    it('refuses a course that is not open', () =>
      spec.given().when(close()).thenThrows('TRAINING_COURSE_NOT_OPENED', { kind: 'not_found' }));

    it('closes once only', () =>
      spec
        .given(opened, closed)
        .when(close())
        .thenThrows('TRAINING_COURSE_ALREADY_CLOSED', { kind: 'conflict' }));

    it('refuses a closing dated before the last step in the course', () =>
      spec
        .given(opened, enrolled('t-a'), certified('t-a', 'CC-0001'))
        .when(close({ occurredAt: '2024-05-29' }))
        .thenThrows('STEP_BEFORE_PREVIOUS_STEP', { kind: 'invalid', field: 'occurredAt' }));
  });

  it('keeps each trainee with the dates of their steps', () => {
    const events = [opened, enrolled('t-a'), enrolled('t-b', '2024-03-06'), certified('t-a', 'CC-0001')];
    expect(
      foldStream(
        trainingCourseAggregate,
        events.map((e, i) => ({ ...e, id: `e${i}` })),
      ),
    ).toEqual({
      status: 'open',
      ...courseData,
      openedAt: '2024-03-01',
      trainees: {
        't-a': { enrolledAt: '2024-03-05', certificateNo: 'CC-0001', certifiedAt: '2024-05-30' },
        't-b': { enrolledAt: '2024-03-06' },
      },
    });
  });
});
