import { originalOf, specFor, type GivenEvent } from '../testing/decider-spec';
import { cleanWaterConnectionAggregate } from './clean-water.aggregate';
import type { RecordCleanWaterConnection } from './clean-water.commands';

const spec = specFor(cleanWaterConnectionAggregate);
const now = '2026-06-30T10:00:00+07:00';
const householdRef = 'b-00112233445566778899aabbccddeeff';

const connection = {
  connectionId: 'NS-2026-017',
  householdRef,
  commune: 'PHUOC-THANG',
  source: 'piped' as const,
};
const connected: GivenEvent = {
  id: 'connected-1',
  type: 'CleanWaterConnected',
  data: connection,
  metadata: { occurredAt: '2026-04-10' },
};

const connect = (over: Partial<RecordCleanWaterConnection> = {}): RecordCleanWaterConnection => ({
  type: 'RecordCleanWaterConnection',
  ...connection,
  occurredAt: '2026-04-10T09:00:00+07:00',
  now,
  ...over,
});
const amend = (changes: Record<string, unknown>) => ({
  type: 'CorrectEvent' as const,
  correctsEventId: 'connected-1',
  kind: 'amendment' as const,
  reason: 'the household uses a drilled well, not the piped scheme',
  changes,
  occurredAt: '2026-05-01',
  now,
});

describe('clean water connection', () => {
  describe('RecordCleanWaterConnection', () => {
    it.each(['piped', 'drilled_well', 'dug_well', 'rainwater_tank', 'other'] as const)(
      'connects a household to %s water',
      (source) =>
        spec
          .given()
          .when(connect({ source }))
          .then({ type: 'CleanWaterConnected', data: { ...connection, source } }),
    );

    it('refuses a second connection of the household, from any source', () =>
      spec
        .given(connected)
        .when(connect({ connectionId: 'NS-2026-018', source: 'rainwater_tank' }))
        .thenThrows('CLEAN_WATER_ALREADY_CONNECTED', { kind: 'conflict' }));

    it('connects again once the first connection was retracted', () =>
      spec
        .given(connected, {
          type: 'EventCorrected',
          data: {
            correctsEventId: 'connected-1',
            correctedType: 'CleanWaterConnected',
            kind: 'retraction',
            reason: 'the connection was never finished',
            changes: null,
            original: originalOf(connected),
          },
        })
        .when(connect())
        .then({ type: 'CleanWaterConnected', data: connection }));

    it('refuses an unknown source', () =>
      spec
        .given()
        .when(connect({ source: 'river' as never }))
        .thenThrows('VALUE_NOT_ALLOWED', { kind: 'invalid', field: 'source' }));

    it('refuses a citizen id in place of the household reference', () =>
      spec
        .given()
        .when(connect({ householdRef: '058200000001' }))
        .thenThrows('BENEFICIARY_REF_INVALID', { kind: 'invalid', field: 'householdRef' }));
  });

  describe('corrections', () => {
    it('amends the source', () =>
      spec
        .given(connected)
        .when(amend({ source: 'drilled_well' }))
        .then({
          type: 'EventCorrected',
          data: {
            correctsEventId: 'connected-1',
            correctedType: 'CleanWaterConnected',
            kind: 'amendment',
            reason: 'the household uses a drilled well, not the piped scheme',
            changes: { source: 'drilled_well' },
            original: originalOf(connected),
          },
        }));

    it('refuses an unknown source', () =>
      spec
        .given(connected)
        .when(amend({ source: 'river' }))
        .thenThrows('VALUE_NOT_ALLOWED', { kind: 'invalid', field: 'changes.source' }));

    it('refuses to amend the household', () =>
      spec
        .given(connected)
        .when(amend({ householdRef: 'b-ffeeddccbbaa99887766554433221100' }))
        .thenThrows('FIELD_NOT_AMENDABLE', { kind: 'invalid', field: 'changes.householdRef' }));
  });

  it('keys the stream by household', () =>
    expect(cleanWaterConnectionAggregate.streamFor(connect())).toBe(
      `clean-water-connection-${householdRef}`,
    ));
});
