// Indicator definitions (stream indicator-<key>), versioned: version 1, then 2 with a changeNote, ... The
// contribution rules are part of the definition, so every computed figure can name the version it used.
import type { AggregateDefinition } from '../corrections/aggregate-definition';
import { EVENT_CORRECTED } from '../corrections/correction.event';
import { assertNever, type Decider } from '../shared/decider';
import { conflict, invalid } from '../shared/domain-error';
import { checkOccurredAt } from '../shared/rules';
import type { DefineIndicator } from './plan.commands';
import type { IndicatorDefined } from './plan.events';
import { parseIndicatorDefinition, type IndicatorDefinition } from './plan-records';
import { parseOrThrow, sameRecord } from './plan-values';

export const INDICATOR_STREAM_PREFIX = 'indicator-';

export function indicatorStream(key: string): string {
  return `${INDICATOR_STREAM_PREFIX}${key}`;
}

export interface IndicatorState {
  /** Every recorded version, oldest first; the last is the one in force. */
  versions: IndicatorDefinition[];
}

export const indicatorDecider: Decider<DefineIndicator, IndicatorDefined, IndicatorState> = {
  initialState: { versions: [] },
  decide(command, state) {
    checkOccurredAt(command);
    switch (command.type) {
      case 'DefineIndicator':
        return define(command, state);
      default:
        return assertNever(command.type);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'IndicatorDefined':
        return { versions: [...state.versions, event.data] };
      default:
        return assertNever(event.type);
    }
  },
};

function define(command: DefineIndicator, state: IndicatorState): IndicatorDefined[] {
  const definition = parseOrThrow((check) => parseIndicatorDefinition(command, check));
  const sameVersion = state.versions.find((v) => v.version === definition.version);
  if (sameVersion) {
    if (sameRecord(sameVersion, definition)) return [];
    throw conflict(
      'INDICATOR_VERSION_EXISTS',
      `${definition.key} v${definition.version} is already defined otherwise; define v${latest(state).version + 1}`,
    );
  }
  const current = state.versions.at(-1);
  if (current) {
    if (definition.version !== current.version + 1) {
      throw invalid(
        'INDICATOR_VERSION_OUT_OF_ORDER',
        'version',
        `the next version of ${definition.key} is ${current.version + 1}, not ${definition.version}`,
      );
    }
    if (definition.kind !== current.kind) {
      throw invalid(
        'INDICATOR_KIND_CHANGED',
        'kind',
        `${definition.key} is a ${current.kind} indicator; a ${definition.kind} one needs a key of its own`,
      );
    }
  }
  return [{ type: 'IndicatorDefined', data: definition }];
}

function latest(state: IndicatorState): IndicatorDefinition {
  return state.versions[state.versions.length - 1];
}

export const indicatorAggregate: AggregateDefinition<DefineIndicator, IndicatorDefined, IndicatorState> = {
  name: 'indicator',
  streamPrefix: INDICATOR_STREAM_PREFIX,
  streamFor: (command) => indicatorStream(command.key),
  decider: indicatorDecider,
  eventTypes: ['IndicatorDefined', EVENT_CORRECTED],
  schemaVersions: { IndicatorDefined: 1, [EVENT_CORRECTED]: 1 },
  // Each version follows the one before it.
  dependsOn: () => true,
  // A definition is never amended: a different definition is a new version, so figures stay explainable.
  amend: {},
};
