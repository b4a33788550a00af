// A survey or statistical figure for a rate indicator: once per indicator, org unit and period.
import { defineAction } from '../actions/action-descriptor';
import { enumField, newIdField } from '../actions/common-fields';
import { requireMeasuredIndicator } from '../plan/indicator-key';
import { REQUEST_EXAMPLES } from '../plan/request-examples';
import { measurementAggregate } from './measurement.aggregate';
import { MEASUREMENT_METHODS } from './measurement.commands';

export const measurementAction = defineAction({
  name: 'measurement',
  label: { vi: 'Số liệu đo lường', en: 'Measurement' },
  feature: 'one-off-actions',
  apiTag: 'measurements',
  aggregate: measurementAggregate,
  recordingTask: 'measurement',
  commands: {
    RecordMeasurement: {
      type: 'RecordMeasurement',
      label: { vi: 'Ghi nhận số liệu', en: 'Record a measurement' },
      summary:
        'Record a survey or statistical figure for a rate indicator (once per indicator, org unit and period; ' +
        'a revised figure is an amendment)',
      route: { resource: 'measurements' },
      idField: 'measurementId',
      orgUnitField: 'orgUnit',
      // An indicator of the plan that measurements move, or a 400 naming indicatorKey; nothing is appended.
      checkAgainstPlan: (plan, command) =>
        requireMeasuredIndicator(plan.definitions, command.indicatorKey, command.value),
      fields: [
        newIdField('measurementId', 'measurement'),
        {
          name: 'indicatorKey',
          type: 'indicatorKey',
          required: true,
          example: REQUEST_EXAMPLES.measuredIndicatorKey,
          label: { vi: 'Chỉ tiêu', en: 'Indicator' },
          help: 'Key of a measured or qualitative indicator of the plan',
        },
        {
          name: 'orgUnit',
          type: 'orgUnitCode',
          required: true,
          example: REQUEST_EXAMPLES.orgUnit,
          label: { vi: 'Đơn vị', en: 'Org unit' },
          help: 'Org unit code the figure is for (a commune or the district)',
        },
        {
          name: 'period',
          type: 'period',
          required: true,
          example: REQUEST_EXAMPLES.period,
          label: { vi: 'Kỳ', en: 'Period' },
        },
        {
          name: 'value',
          type: 'number',
          required: true,
          example: 18.5,
          label: { vi: 'Giá trị', en: 'Value' },
          help: 'The figure, in the unit of the indicator (a rate in %)',
        },
        {
          name: 'numerator',
          type: 'number',
          required: false,
          min: 0,
          example: 37,
          label: { vi: 'Tử số', en: 'Numerator' },
          help: 'Counted cases, when the figure is a ratio of counts',
        },
        {
          name: 'denominator',
          type: 'number',
          required: false,
          min: 0,
          example: 200,
          label: { vi: 'Mẫu số', en: 'Denominator' },
          help: 'Population counted; with a numerator, above 0 and at least the numerator',
        },
        enumField('method', MEASUREMENT_METHODS, { vi: 'Phương pháp', en: 'Method' }),
        {
          name: 'source',
          type: 'text',
          required: true,
          maxLength: 500,
          example: 'Điều tra dinh dưỡng 2026, TTYT huyện Bác Ái',
          label: { vi: 'Nguồn số liệu', en: 'Source' },
        },
      ],
    },
  },
  events: {
    // A measurement sets the value of the indicator it names; rules use measure "measurement" for it.
    MeasurementRecorded: {
      label: { vi: 'Ghi nhận số liệu đo lường', en: 'Measurement recorded' },
      example: {
        measurementId: 'M-1',
        indicatorKey: 'unemployment_rate',
        orgUnit: 'PLAN-BAC-AI',
        period: '2025',
        value: 2.4,
        method: 'survey',
        source: 'điều tra lao động',
      },
      fields: {
        measurementId: { vi: 'Mã số liệu', en: 'Measurement id' },
        indicatorKey: { vi: 'Chỉ tiêu', en: 'Indicator' },
        orgUnit: { vi: 'Đơn vị', en: 'Org unit' },
        period: { vi: 'Kỳ', en: 'Period' },
        value: { vi: 'Giá trị', en: 'Value' },
        numerator: { vi: 'Tử số', en: 'Numerator' },
        denominator: { vi: 'Mẫu số', en: 'Denominator' },
        method: { vi: 'Phương pháp', en: 'Method' },
        source: { vi: 'Nguồn số liệu', en: 'Source' },
      },
    },
  },
});
