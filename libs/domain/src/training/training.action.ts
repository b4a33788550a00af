// A vocational training course: opened, trainees enrolled and certified, closed.
import { defineAction } from '../actions/action-descriptor';
import {
  citizenIdField,
  communeField,
  communeLabel,
  enumField,
  newIdField,
  textField,
} from '../actions/common-fields';
import { trainingCourseAggregate } from './training.aggregate';
import { TRAINING_LEVELS } from './training.commands';

const resource = 'training-courses';
const courseIdLabel = { vi: 'Mã lớp', en: 'Course id' };
const traineeRefLabel = { vi: 'Mã học viên (ẩn danh)', en: 'Trainee reference' };
const traineeCitizenId = citizenIdField('traineeCitizenId', 'traineeRef', {
  vi: 'Số CCCD học viên',
  en: "Trainee's citizen id",
});

export const trainingAction = defineAction({
  name: 'training',
  label: { vi: 'Đào tạo nghề', en: 'Vocational training' },
  feature: 'training',
  apiTag: 'training',
  aggregate: trainingCourseAggregate,
  recordingTask: 'training-course',
  commands: {
    OpenTrainingCourse: {
      type: 'OpenTrainingCourse',
      label: { vi: 'Mở lớp đào tạo', en: 'Open a course' },
      summary: 'Open a vocational training course',
      route: { resource },
      idField: 'courseId',
      orgUnitField: 'commune',
      returnsCaseId: true,
      fields: [
        newIdField('courseId', 'training course'),
        textField('occupation', 200, 'May công nghiệp', { vi: 'Nghề', en: 'Occupation' }),
        enumField('level', TRAINING_LEVELS, { vi: 'Trình độ', en: 'Level' }),
        communeField(),
        {
          name: 'capacity',
          type: 'integer',
          required: true,
          min: 1,
          max: 500,
          example: 30,
          label: { vi: 'Số chỗ', en: 'Capacity' },
        },
      ],
    },
    EnrollTrainee: {
      type: 'EnrollTrainee',
      label: { vi: 'Tuyển sinh học viên', en: 'Enrol a trainee' },
      summary: 'Enrol a trainee in a course',
      route: { resource, step: 'enrolments' },
      idField: 'courseId',
      fields: [traineeCitizenId],
    },
    CertifyTrainee: {
      type: 'CertifyTrainee',
      label: { vi: 'Cấp chứng chỉ', en: 'Certify a trainee' },
      summary: 'Record a trainee certified',
      route: { resource, step: 'certifications' },
      idField: 'courseId',
      fields: [
        traineeCitizenId,
        textField('certificateNo', 200, 'CC-2026-0117', { vi: 'Số chứng chỉ', en: 'Certificate number' }),
      ],
    },
    CloseTrainingCourse: {
      type: 'CloseTrainingCourse',
      label: { vi: 'Kết thúc lớp', en: 'Close the course' },
      summary: 'Close a training course',
      route: { resource, step: 'closures' },
      idField: 'courseId',
      fields: [],
    },
  },
  events: {
    TrainingCourseOpened: {
      label: { vi: 'Mở lớp đào tạo nghề', en: 'Training course opened' },
      example: {
        courseId: 'TC-1',
        occupation: 'May công nghiệp',
        level: 'elementary',
        commune: 'BA-PHUOC-DAI',
        capacity: 30,
      },
      fields: {
        courseId: courseIdLabel,
        occupation: { vi: 'Nghề', en: 'Occupation' },
        level: { vi: 'Trình độ', en: 'Level' },
        commune: communeLabel,
        capacity: { vi: 'Số chỗ', en: 'Capacity' },
      },
      numeric: ['capacity'],
      filterable: ['level', 'occupation', 'commune'],
    },
    TraineeEnrolled: {
      label: { vi: 'Tuyển sinh học viên', en: 'Trainee enrolled' },
      example: { courseId: 'TC-1', traineeRef: 'b-0123456789abcdef' },
      fields: { courseId: courseIdLabel, traineeRef: traineeRefLabel },
      support: {
        refField: 'traineeRef',
        family: 'vocational-training',
        programme: { fixed: 'vocational-training' },
        period: { occurred: 'month' },
        amount: null,
        duplicates: 'none',
        residenceBound: false,
        normed: false,
      },
    },
    TraineeCertified: {
      label: { vi: 'Cấp chứng chỉ nghề', en: 'Trainee certified' },
      example: { courseId: 'TC-1', traineeRef: 'b-0123456789abcdef', certificateNo: 'CC-1' },
      fields: {
        courseId: courseIdLabel,
        traineeRef: traineeRefLabel,
        certificateNo: { vi: 'Số chứng chỉ', en: 'Certificate number' },
      },
    },
    TrainingCourseClosed: {
      label: { vi: 'Kết thúc lớp đào tạo', en: 'Training course closed' },
      example: { courseId: 'TC-1' },
      fields: { courseId: courseIdLabel },
    },
  },
});
