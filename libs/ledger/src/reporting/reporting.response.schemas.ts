// The OpenAPI schemas of the read side's answers (events, streams, indicators, trails, reports, health): the
// views are TypeScript interfaces, so their schemas are written here, beside the queries that build them.
import {
  arrayOf,
  int,
  nullable,
  num,
  object,
  oneOfValues,
  page,
  str,
  type SchemaObject,
} from '../http/response-schema';

export const PROGRESS_STATUSES = ['achieved', 'on_track', 'at_risk', 'off_track', 'no_data', 'no_target'];

export const EVIDENCE_SCHEMA = object(
  { ref: str(), sha256: str('sha256 of the document, lowercase hex'), description: str() },
  { optional: ['description'] },
);

export const RECORDED_EVENT_SCHEMA = object({
  id: str('UUID'),
  type: str('Event type, e.g. HousingConstructionCompleted'),
  schemaVersion: int(),
  data: object({}, { open: true, description: "The event's facts; the shape is its type's (GET /actions)" }),
  metadata: object(
    {
      occurredAt: str('When the action happened (ISO 8601)'),
      actor: object({ officer: str(), agency: str(), role: str() }),
      orgUnit: str(),
      commandId: str(),
      correlationId: str(),
      causationId: str(),
      evidence: arrayOf(EVIDENCE_SCHEMA),
    },
    { open: true },
  ),
  stream: str(),
  revision: int('0-based index of the event in its stream'),
  position: int('Global commit order'),
  recordedAt: str('Server clock at append (UTC, ISO 8601)'),
  prevHash: nullable(str('Hash of the previous event of the stream; null for revision 0')),
  hash: str(),
});

export const STREAM_SCHEMA = object({
  stream: str(),
  revision: int(),
  events: arrayOf(RECORDED_EVENT_SCHEMA),
});

const figureProperties = {
  value: nullable(num()),
  numerator: nullable(num()),
  denominator: nullable(num()),
};
export const FIGURE_SCHEMA = object(figureProperties);

export const INDICATOR_SUMMARY_SCHEMA = object({
  key: str(),
  nameVi: nullable(str()),
  nameEn: nullable(str()),
  unit: nullable(str()),
  kind: nullable(str()),
  section: nullable(str()),
  lead: nullable(str('Code of the lead agency')),
  support: arrayOf(str()),
});

export const TARGET_SCHEMA = object(
  {},
  { open: true, description: 'The target: comparison, value, deadline' },
);

export const PROGRESS_SCHEMA = object({
  ...figureProperties,
  indicatorKey: str(),
  orgUnit: nullable(str()),
  asOf: str(),
  target: nullable(TARGET_SCHEMA),
  targetText: nullable(str()),
  deadline: nullable(str()),
  progress: nullable(num('0..1 and beyond; null without a figure or a target')),
  expectedByNow: nullable(num()),
  forecast: nullable(num('Linear forecast of the figure on the deadline')),
  status: oneOfValues(PROGRESS_STATUSES),
  definitionVersion: int(),
  definitionVersions: arrayOf(int()),
  dataThrough: nullable(str('The latest month with data up to asOf')),
});

export const INDICATOR_PROGRESS_SCHEMA = object(
  {
    indicator: INDICATOR_SUMMARY_SCHEMA,
    progress: PROGRESS_SCHEMA,
    assurance: object(
      {
        claimed: nullable(FIGURE_SCHEMA),
        verified: nullable(FIGURE_SCHEMA),
        official: nullable(FIGURE_SCHEMA),
        illustrative: nullable(object({ ...figureProperties, label: str(), note: str() }, { open: true })),
      },
      {
        description:
          'The figure as recorded (claimed), checked by someone else (verified) and approved (official)',
      },
    ),
    series: arrayOf(
      object({ ...figureProperties, month: str('YYYY-MM') }),
      'Month by month, from the plan start',
    ),
  },
  { optional: ['series'] },
);

export const INDICATOR_LIST_SCHEMA = page(
  object(
    {
      indicator: INDICATOR_SUMMARY_SCHEMA,
      progress: PROGRESS_SCHEMA,
      assurance: INDICATOR_PROGRESS_SCHEMA.properties?.assurance as SchemaObject,
      target: nullable(TARGET_SCHEMA),
      targetText: nullable(str()),
      planText: nullable(str()),
    },
    { optional: ['targetText', 'planText'] },
  ),
);

export const INDICATOR_DEFINITION_SCHEMA = object(
  { key: str(), definition: nullable(object({}, { open: true })), target: nullable(TARGET_SCHEMA) },
  { open: true, optional: ['definition', 'target'], description: 'The indicator document of the plan' },
);

const OPEN_STEP_SCHEMA = object(
  {
    stream: str('The case stream'),
    caseKind: str(),
    caseId: nullable(str()),
    orgUnit: str(),
    step: str('The last effective step (event type)'),
    stepEventId: str(),
    since: str(),
    agency: str('The agency responsible for the next step'),
    officer: str(),
    stage: str(),
    stageSince: nullable(str()),
    nextStep: nullable(str()),
    dueBy: nullable(str('YYYY-MM-DD; past due when before today')),
    dueDays: nullable(int()),
  },
  { open: true, description: 'An open case step' },
);

export const AGENCY_TRAIL_SCHEMA = object(
  {
    agency: str(),
    asOf: str(),
    trail: nullable(object({}, { open: true, description: 'Actions and corrections, per officer' })),
    openSteps: arrayOf(OPEN_STEP_SCHEMA),
    openStepsTotal: int(),
    pastDue: arrayOf(OPEN_STEP_SCHEMA),
    pastDueTotal: int(),
    indicators: arrayOf(INDICATOR_PROGRESS_SCHEMA),
  },
  { open: true },
);

export const OPEN_STEPS_SCHEMA = page(OPEN_STEP_SCHEMA);

export const TRAIL_PAGE_SCHEMA = page(
  object(
    {
      eventId: str(),
      type: str(),
      stream: str(),
      position: int(),
      occurredAt: str(),
      recordedAt: str(),
      officer: str(),
      agency: str(),
      orgUnit: str(),
    },
    {
      open: true,
      optional: ['stream', 'position', 'occurredAt', 'recordedAt', 'officer', 'agency', 'orgUnit'],
      description: 'One event on the trail, with what it changed and its corrections',
    },
  ),
);

const BY_STATUS = object(Object.fromEntries(PROGRESS_STATUSES.map((s) => [s, int()])), {
  optional: PROGRESS_STATUSES,
  description: 'How many indicators stand at each status',
});

export const SUMMARY_SCHEMA = object({
  orgUnit: str(),
  asOf: str(),
  indicators: int(),
  byStatus: BY_STATUS,
  bySection: arrayOf(object({ section: str(), indicators: int(), byStatus: BY_STATUS })),
  attention: arrayOf(
    object({
      key: str(),
      nameVi: nullable(str()),
      status: oneOfValues(PROGRESS_STATUSES),
      value: nullable(num()),
      target: nullable(str()),
    }),
  ),
});

export const REPORT_SCHEMA = object({
  period: str(),
  kind: oneOfValues(['annual', '3-year', '5-year', 'custom']),
  orgUnit: str(),
  from: str(),
  to: str(),
  asOf: str(),
  rows: arrayOf(
    object(
      {
        indicatorKey: str(),
        nameVi: nullable(str()),
        nameEn: nullable(str()),
        section: nullable(str()),
        unit: nullable(str()),
        lead: nullable(str()),
        target: nullable(str()),
        deadline: nullable(str()),
        valueAtStart: nullable(num()),
        valueAtEnd: nullable(num()),
        change: nullable(num()),
        expectedByEnd: nullable(num()),
        status: str(),
      },
      { open: true },
    ),
  ),
});

const STORE_HEALTH = object(
  { kind: str(), status: oneOfValues(['ok', 'unavailable']), error: str(), headPosition: int() },
  { optional: ['error', 'headPosition'] },
);
const PROJECTION_HEALTH = object(
  { name: str(), state: str(), checkpoint: int(), lag: int(), lastError: str() },
  { optional: ['lastError'] },
);

export const HEALTH_SCHEMA = object({
  status: oneOfValues(['ok', 'degraded', 'unavailable']),
  eventStore: STORE_HEALTH,
  readStore: STORE_HEALTH,
  projections: arrayOf(PROJECTION_HEALTH),
});

export const READINESS_SCHEMA = object({
  status: oneOfValues(['ready']),
  eventStore: STORE_HEALTH,
  readStore: STORE_HEALTH,
  projections: arrayOf(PROJECTION_HEALTH),
  maxLag: int('LEDGER_READY_MAX_LAG'),
});

export const LIVENESS_SCHEMA = object({ status: oneOfValues(['live']) });

export const DOCUMENT_SCHEMA = (description: string, properties: Record<string, SchemaObject> = {}) =>
  object(properties, { open: true, description });
