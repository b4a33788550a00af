import { specFor, type GivenEvent } from '../testing/decider-spec';
import type {
  CloseRemainsCase,
  IdentifyRemains,
  OpenRemainsCase,
  RecordReburial,
  RecordRemainsRecovery,
} from './remains.commands';
import { remainsCaseAggregate } from './remains.aggregate';

const spec = specFor(remainsCaseAggregate);
const now = '2024-06-30T10:00:00+07:00';
const caseId = 'RC-2024-003';
const at = (occurredAt: string) => ({ metadata: { occurredAt } });

const opened: GivenEvent = {
  type: 'RemainsCaseOpened',
  data: { caseId, site: 'Đồi 300, thôn Suối Rua', commune: 'PHUOC-TIEN' },
  ...at('2024-02-01'),
};
const recovered: GivenEvent = {
  type: 'RemainsRecovered',
  data: { caseId, setsOfRemains: 2 },
  ...at('2024-02-20'),
};
const identified: GivenEvent = {
  type: 'RemainsIdentified',
  data: { caseId, method: 'dna', martyrRecordRef: 'LS-45-001234' },
  ...at('2024-04-10'),
};
const reburied: GivenEvent = {
  type: 'RemainsReburied',
  data: { caseId, cemetery: 'Nghĩa trang liệt sĩ huyện Bác Ái' },
  ...at('2024-03-27'),
};
const closedReburied: GivenEvent = {
  type: 'RemainsCaseClosed',
  data: { caseId, outcome: 'reburied' },
  ...at('2024-05-01'),
};

const openCase = (over: Partial<OpenRemainsCase> = {}): OpenRemainsCase => ({
  type: 'OpenRemainsCase',
  caseId,
  site: 'Đồi 300, thôn Suối Rua',
  commune: 'PHUOC-TIEN',
  occurredAt: '2024-02-01',
  now,
  ...over,
});
const recover = (over: Partial<RecordRemainsRecovery> = {}): RecordRemainsRecovery => ({
  type: 'RecordRemainsRecovery',
  caseId,
  setsOfRemains: 2,
  occurredAt: '2024-02-20',
  now,
  ...over,
});
const identify = (over: Partial<IdentifyRemains> = {}): IdentifyRemains => ({
  type: 'IdentifyRemains',
  caseId,
  method: 'dna',
  martyrRecordRef: 'LS-45-001234',
  occurredAt: '2024-04-10',
  now,
  ...over,
});
const rebury = (over: Partial<RecordReburial> = {}): RecordReburial => ({
  type: 'RecordReburial',
  caseId,
  cemetery: 'Nghĩa trang liệt sĩ huyện Bác Ái',
  occurredAt: '2024-03-27',
  now,
  ...over,
});
const close = (over: Partial<CloseRemainsCase> = {}): CloseRemainsCase => ({
  type: 'CloseRemainsCase',
  caseId,
  outcome: 'reburied',
  occurredAt: '2024-05-01',
  now,
  ...over,
});

describe('remains recovery case', () => {
  describe('OpenRemainsCase', () => {
    it('opens a case', () =>
      spec.given().when(openCase()).then({ type: 'RemainsCaseOpened', data: opened.data }));

    it('refuses a case that is already open', () =>
      spec.given(opened).when(openCase()).thenThrows('REMAINS_CASE_ALREADY_OPENED', { kind: 'conflict' }));

    it('refuses a case without a site', () =>
      spec
        .given()
        .when(openCase({ site: ' ' }))
        .thenThrows('TEXT_REQUIRED', { kind: 'invalid', field: 'site' }));

    it('refuses an occurredAt in the future', () =>
      spec
        .given()
        .when(openCase({ occurredAt: '2025-01-01' }))
        .thenThrows('OCCURRED_AT_IN_FUTURE', { kind: 'invalid', field: 'occurredAt' }));
  });

  describe('RecordRemainsRecovery', () => {
    it('records the recovery on an open case', () =>
      spec.given(opened).when(recover()).then({ type: 'RemainsRecovered', data: recovered.data }));

    it('refuses a case that is not open', () =>
      spec.given().when(recover()).thenThrows('REMAINS_CASE_NOT_OPENED', { kind: 'not_found' }));

    it('records the recovery once only', () =>
      spec
        .given(opened, recovered)
        .when(recover())
        .thenThrows('REMAINS_ALREADY_RECOVERED', { kind: 'conflict' }));

    it('refuses a closed case', () =>
      spec
        .given(opened, { type: 'RemainsCaseClosed', data: { caseId, outcome: 'no_remains_found' } })
        .when(recover())
        .thenThrows('REMAINS_CASE_CLOSED', { kind: 'conflict' }));

    it.each([0, 1001, 1.5])('refuses %p sets of remains', (setsOfRemains) =>
      spec
        .given(opened)
        .when(recover({ setsOfRemains }))
        .thenThrows('SETS_OF_REMAINS_OUT_OF_RANGE', { kind: 'invalid', field: 'setsOfRemains' }),
    );

    it('refuses a recovery dated before the opening', () =>
      spec
        .given(opened)
        .when(recover({ occurredAt: '2024-01-31' }))
        .thenThrows('STEP_BEFORE_PREVIOUS_STEP', { kind: 'invalid', field: 'occurredAt' }));
  });

  describe('IdentifyRemains', () => {
    it('identifies recovered remains', () =>
      spec
        .given(opened, recovered)
        .when(identify())
        .then({ type: 'RemainsIdentified', data: identified.data }));

    it('identifies remains after their reburial', () =>
      spec
        .given(opened, recovered, reburied)
        .when(identify())
        .then({ type: 'RemainsIdentified', data: identified.data }));

    it('refuses remains that were not recovered', () =>
      spec.given(opened).when(identify()).thenThrows('REMAINS_NOT_RECOVERED', { kind: 'conflict' }));

    it('refuses a case that is not open', () =>
      spec.given().when(identify()).thenThrows('REMAINS_CASE_NOT_OPENED', { kind: 'not_found' }));

    it('identifies once only', () =>
      spec
        .given(opened, recovered, identified)
        .when(identify({ method: 'documents' }))
        .thenThrows('REMAINS_ALREADY_IDENTIFIED', { kind: 'conflict' }));

    it('refuses a closed case', () =>
      spec
        .given(opened, recovered, reburied, closedReburied)
        .when(identify({ occurredAt: '2024-06-01' }))
        .thenThrows('REMAINS_CASE_CLOSED', { kind: 'conflict' }));

    it('refuses an unknown method', () =>
      spec
        .given(opened, recovered)
        .when(identify({ method: 'guess' as never }))
        .thenThrows('VALUE_NOT_ALLOWED', { kind: 'invalid', field: 'method' }));

    it('refuses a missing martyr record reference', () =>
      spec
        .given(opened, recovered)
        .when(identify({ martyrRecordRef: '' }))
        .thenThrows('TEXT_REQUIRED', { kind: 'invalid', field: 'martyrRecordRef' }));

    it('refuses an identification dated before the recovery', () =>
      spec
        .given(opened, recovered)
        .when(identify({ occurredAt: '2024-02-19' }))
        .thenThrows('STEP_BEFORE_PREVIOUS_STEP', { kind: 'invalid', field: 'occurredAt' }));
  });

  describe('RecordReburial', () => {
    it('reburies unidentified remains', () =>
      spec.given(opened, recovered).when(rebury()).then({ type: 'RemainsReburied', data: reburied.data }));

    it('reburies identified remains', () =>
      spec
        .given(opened, recovered, identified)
        .when(rebury())
        .then({ type: 'RemainsReburied', data: reburied.data }));

    it('refuses remains that were not recovered', () =>
      spec.given(opened).when(rebury()).thenThrows('REMAINS_NOT_RECOVERED', { kind: 'conflict' }));

    it('refuses a case that is not open', () =>
      spec.given().when(rebury()).thenThrows('REMAINS_CASE_NOT_OPENED', { kind: 'not_found' }));

    it('records the reburial once only', () =>
      spec
        .given(opened, recovered, reburied)
        .when(rebury())
        .thenThrows('REMAINS_ALREADY_REBURIED', { kind: 'conflict' }));

    it('refuses a missing cemetery', () =>
      spec
        .given(opened, recovered)
        .when(rebury({ cemetery: undefined as never }))
        .thenThrows('TEXT_REQUIRED', { kind: 'invalid', field: 'cemetery' }));

    it('refuses a reburial dated before the recovery', () =>
      spec
        .given(opened, recovered)
        .when(rebury({ occurredAt: '2024-02-01' }))
        .thenThrows('STEP_BEFORE_PREVIOUS_STEP', { kind: 'invalid', field: 'occurredAt' }));
  });

  describe('CloseRemainsCase', () => {
    it('closes a case as reburied', () =>
      spec
        .given(opened, recovered, reburied)
        .when(close())
        .then({ type: 'RemainsCaseClosed', data: closedReburied.data }));

    it('closes a case where nothing was found', () =>
      spec
        .given(opened)
        .when(close({ outcome: 'no_remains_found' }))
        .then({ type: 'RemainsCaseClosed', data: { caseId, outcome: 'no_remains_found' } }));

    it('refuses to close as reburied without a reburial', () =>
      spec.given(opened, recovered).when(close()).thenThrows('REMAINS_NOT_REBURIED', { kind: 'conflict' }));

    it('refuses to close as no_remains_found when remains were recovered', () =>
      spec
        .given(opened, recovered)
        .when(close({ outcome: 'no_remains_found' }))
        .thenThrows('REMAINS_WERE_RECOVERED', { kind: 'conflict' }));

    it('refuses a case that is not open', () =>
      spec.given().when(close()).thenThrows('REMAINS_CASE_NOT_OPENED', { kind: 'not_found' }));

    it('closes once only', () =>
      spec
        .given(opened, recovered, reburied, closedReburied)
        .when(close())
        .thenThrows('REMAINS_CASE_CLOSED', { kind: 'conflict' }));

    it('refuses an unknown outcome', () =>
      spec
        .given(opened)
        .when(close({ outcome: 'abandoned' as never }))
        .thenThrows('VALUE_NOT_ALLOWED', { kind: 'invalid', field: 'outcome' }));

    it('refuses a closing dated before the last step, whichever it was', () =>
      spec
        .given(opened, recovered, reburied, identified)
        .when(close({ occurredAt: '2024-04-09' }))
        .thenThrows('STEP_BEFORE_PREVIOUS_STEP', { kind: 'invalid', field: 'occurredAt' }));
  });
});
