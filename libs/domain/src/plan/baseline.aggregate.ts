// Baselines of a plan (stream baseline-<planId>.<key>.<orgUnit>): one figure per "as of" date. A later
// figure is a new record; a wrong figure, or an illustrative one replaced by the statistics office's, is an
// amendment, so the record shows that the earlier figure was used until then.
import type { AggregateDefinition } from '../corrections/aggregate-definition';
import { EVENT_CORRECTED } from '../corrections/correction.event';
import { amendFields } from '../shared/amend-fields';
import { assertNever, type Decider } from '../shared/decider';
import { checkOccurredAt } from '../shared/rules';
import type { RecordBaseline } from './plan.commands';
import type { BaselineRecorded, BaselineRecordedData } from './plan.events';
import { parseBaseline, parseBaselineValue } from './plan-records';
import { optionalText, parseOrThrow, requireBoolean, requireLongText, requirePlanId } from './plan-values';
import { statedOnce } from './stated-once';

export const BASELINE_STREAM_PREFIX = 'baseline-';

export function baselineStream(planId: string, key: string, orgUnit: string): string {
  return `${BASELINE_STREAM_PREFIX}${planId}.${key}.${orgUnit}`;
}

export interface BaselineState {
  /** Recorded figures, oldest record first. */
  records: BaselineRecordedData[];
}

export const baselineDecider: Decider<RecordBaseline, BaselineRecorded, BaselineState> = {
  initialState: { records: [] },
  decide(command, state) {
    checkOccurredAt(command);
    switch (command.type) {
      case 'RecordBaseline': {
        const data: BaselineRecordedData = parseOrThrow((check) => ({
          planId: check.check('planId', (f) => requirePlanId(command.planId, f)),
          ...parseBaseline(command, check, ['planId']),
        }));
        return statedOnce(
          state.records.find((r) => r.asOf === data.asOf) ?? null,
          data,
          { type: 'BaselineRecorded', data },
          'BASELINE_ALREADY_RECORDED',
          `${data.key} of ${data.orgUnit} as of ${data.asOf} is already recorded otherwise; correct that event`,
        );
      }
      default:
        return assertNever(command.type);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'BaselineRecorded':
        return { records: [...state.records, event.data] };
      default:
        return assertNever(event.type);
    }
  },
};

export const baselineAggregate: AggregateDefinition<RecordBaseline, BaselineRecorded, BaselineState> = {
  name: 'baseline',
  streamPrefix: BASELINE_STREAM_PREFIX,
  streamFor: (command) => baselineStream(command.planId, command.key, command.orgUnit),
  decider: baselineDecider,
  eventTypes: ['BaselineRecorded', EVENT_CORRECTED],
  schemaVersions: { BaselineRecorded: 1, [EVENT_CORRECTED]: 1 },
  dependsOn: () => false,
  amend: {
    BaselineRecorded: amendFields<BaselineRecordedData>({
      value: parseBaselineValue,
      illustrative: requireBoolean,
      source: (v, f) => requireLongText(v, f, 1000),
      note: (v, f) => optionalText(v, f),
    }),
  },
};
