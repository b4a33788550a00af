import type { DatedEvent } from '../shared/dated-event';
import type { IdentificationMethod, RemainsCaseOutcome } from './remains.commands';

export type RemainsCaseOpened = DatedEvent<
  'RemainsCaseOpened',
  { caseId: string; site: string; commune: string }
>;

export type RemainsRecovered = DatedEvent<'RemainsRecovered', { caseId: string; setsOfRemains: number }>;

export type RemainsIdentified = DatedEvent<
  'RemainsIdentified',
  { caseId: string; method: IdentificationMethod; martyrRecordRef: string }
>;

export type RemainsReburied = DatedEvent<'RemainsReburied', { caseId: string; cemetery: string }>;

export type RemainsCaseClosed = DatedEvent<
  'RemainsCaseClosed',
  { caseId: string; outcome: RemainsCaseOutcome }
>;

export type RemainsCaseEvent =
  RemainsCaseOpened | RemainsRecovered | RemainsIdentified | RemainsReburied | RemainsCaseClosed;

export const REMAINS_CASE_EVENT_TYPES = [
  'RemainsCaseOpened',
  'RemainsRecovered',
  'RemainsIdentified',
  'RemainsReburied',
  'RemainsCaseClosed',
] as const satisfies readonly RemainsCaseEvent['type'][];
