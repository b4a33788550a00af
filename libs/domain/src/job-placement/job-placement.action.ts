// A worker placed in a job at home or on an overseas contract: once per placement.
import { defineAction } from '../actions/action-descriptor';
import { citizenIdField, communeField, communeLabel, enumField } from '../actions/common-fields';
import { jobPlacementAggregate } from './job-placement.aggregate';
import { JOB_PLACEMENT_KINDS } from './job-placement.commands';

export const jobPlacementAction = defineAction({
  name: 'job-placement',
  label: { vi: 'Giải quyết việc làm', en: 'Job placement' },
  feature: 'one-off-actions',
  apiTag: 'employment',
  aggregate: jobPlacementAggregate,
  recordingTask: 'job-placement',
  commands: {
    RecordJobPlacement: {
      type: 'RecordJobPlacement',
      label: { vi: 'Ghi nhận giải quyết việc làm', en: 'Record a job placement' },
      summary: 'Record a worker placed in a job at home or on an overseas contract (once per placement)',
      route: { resource: 'job-placements' },
      idField: 'placementId',
      orgUnitField: 'commune',
      fields: [
        {
          name: 'placementId',
          type: 'reference',
          required: false,
          newId: true,
          example: 'GQVL-2026-0042',
          label: { vi: 'Số hợp đồng, giấy giới thiệu', en: 'Contract or referral number' },
          help: 'The contract or referral number of the placing agency; it keys the stream, so recording it twice is a conflict. Defaults to the event id.',
        },
        citizenIdField(
          'workerCitizenId',
          'workerRef',
          { vi: 'Số CCCD người lao động', en: "Worker's citizen id" },
          'the worker',
        ),
        communeField(),
        {
          name: 'employer',
          type: 'text',
          required: true,
          maxLength: 200,
          example: 'Công ty May Ninh Thuận',
          label: { vi: 'Đơn vị tuyển dụng', en: 'Employer' },
        },
        enumField('kind', JOB_PLACEMENT_KINDS, { vi: 'Hình thức', en: 'Kind' }),
      ],
    },
  },
  events: {
    JobPlaced: {
      label: { vi: 'Giải quyết việc làm', en: 'Job placement' },
      example: {
        placementId: 'J-1',
        workerRef: 'b-0123456789abcdef',
        commune: 'BA-PHUOC-DAI',
        employer: 'Công ty May Ninh Thuận',
        kind: 'domestic',
      },
      fields: {
        placementId: { vi: 'Số hợp đồng', en: 'Placement id' },
        workerRef: { vi: 'Mã người lao động (ẩn danh)', en: 'Worker reference' },
        commune: communeLabel,
        employer: { vi: 'Đơn vị tuyển dụng', en: 'Employer' },
        kind: { vi: 'Hình thức', en: 'Kind' },
      },
      filterable: ['commune', 'employer', 'kind'],
      support: {
        refField: 'workerRef',
        family: 'job-placement',
        programme: { field: 'kind', prefix: 'job-placement:' },
        period: { occurred: 'month' },
        amount: null,
        duplicates: 'none',
        residenceBound: false,
        normed: false,
      },
    },
  },
});
