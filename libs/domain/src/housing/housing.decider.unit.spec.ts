import { foldStream } from '../corrections/effective-events';
import { specFor, type GivenEvent } from '../testing/decider-spec';
import { housingCaseAggregate } from './housing.aggregate';
import type {
  ApproveHousingFunding,
  CompleteHousingConstruction,
  HandOverHouse,
  RegisterHousingCase,
  StartHousingConstruction,
  WithdrawHousingCase,
} from './housing.commands';

const spec = specFor(housingCaseAggregate);
const now = '2024-06-30T10:00:00+07:00';
const caseId = 'HC-2024-001';

const at = (occurredAt: string) => ({ metadata: { occurredAt } });
const registered: GivenEvent = {
  type: 'HousingCaseRegistered',
  data: { caseId, householdRef: 'h-7f3a', commune: 'PHUOC-DAI', category: 'poor' },
  ...at('2024-01-10'),
};
const funded: GivenEvent = {
  type: 'HousingFundingApproved',
  data: { caseId, amountVnd: 60_000_000, source: 'central_budget' },
  ...at('2024-02-01'),
};
const started: GivenEvent = { type: 'HousingConstructionStarted', data: { caseId }, ...at('2024-03-01') };
const completed: GivenEvent = {
  type: 'HousingConstructionCompleted',
  data: { caseId, floorAreaM2: 48.5, occupants: 4 },
  ...at('2024-05-15'),
};
const handedOver: GivenEvent = { type: 'HouseHandedOver', data: { caseId }, ...at('2024-05-20') };

const register = (over: Partial<RegisterHousingCase> = {}): RegisterHousingCase => ({
  type: 'RegisterHousingCase',
  caseId,
  householdRef: 'h-7f3a',
  commune: 'PHUOC-DAI',
  category: 'poor',
  occurredAt: '2024-01-10',
  now,
  ...over,
});
const approve = (over: Partial<ApproveHousingFunding> = {}): ApproveHousingFunding => ({
  type: 'ApproveHousingFunding',
  caseId,
  amountVnd: 60_000_000,
  source: 'central_budget',
  occurredAt: '2024-02-01',
  now,
  ...over,
});
const start = (over: Partial<StartHousingConstruction> = {}): StartHousingConstruction => ({
  type: 'StartHousingConstruction',
  caseId,
  occurredAt: '2024-03-01',
  now,
  ...over,
});
const complete = (over: Partial<CompleteHousingConstruction> = {}): CompleteHousingConstruction => ({
  type: 'CompleteHousingConstruction',
  caseId,
  floorAreaM2: 48.5,
  occupants: 4,
  occurredAt: '2024-05-15',
  now,
  ...over,
});
const handOver = (over: Partial<HandOverHouse> = {}): HandOverHouse => ({
  type: 'HandOverHouse',
  caseId,
  occurredAt: '2024-05-20',
  now,
  ...over,
});

const withdraw = (over: Partial<WithdrawHousingCase> = {}): WithdrawHousingCase => ({
  type: 'WithdrawHousingCase',
  caseId,
  grounds: 'duplicate',
  reason: ' registered twice: same household as HC-2024-007 ',
  occurredAt: '2024-04-01',
  now,
  ...over,
});

describe('housing case', () => {
  describe('every command', () => {
    it('accepts an occurredAt up to 5 minutes after now (clock skew)', () =>
      spec
        .given()
        .when(register({ occurredAt: '2024-06-30T10:05:00+07:00' }))
        .then({ type: 'HousingCaseRegistered', data: registered.data }));

    it('refuses an occurredAt more than 5 minutes after now', () =>
      spec
        .given()
        .when(register({ occurredAt: '2024-06-30T10:05:01+07:00' }))
        .thenThrows('OCCURRED_AT_IN_FUTURE', { kind: 'invalid', field: 'occurredAt' }));

    it('refuses an occurredAt before 2000-01-01', () =>
      spec
        .given()
        .when(register({ occurredAt: '1999-12-31' }))
        .thenThrows('OCCURRED_AT_TOO_OLD', { kind: 'invalid', field: 'occurredAt' }));

    it.each(['2024-02-30', '2024-05-01T10:00', 'yesterday', ''])('refuses occurredAt %p', (occurredAt) =>
      spec
        .given()
        .when(register({ occurredAt }))
        .thenThrows('OCCURRED_AT_INVALID', { kind: 'invalid', field: 'occurredAt' }),
    );

    it('refuses a now that is not an instant', () =>
      spec
        .given()
        .when(register({ now: 'soon' }))
        .thenThrows('NOW_INVALID', { kind: 'invalid', field: 'now' }));
  });

  describe('RegisterHousingCase', () => {
    it('registers a new case, trimming text', () =>
      spec
        .given()
        .when(register({ householdRef: '  h-7f3a ', commune: ' PHUOC-DAI' }))
        .then({ type: 'HousingCaseRegistered', data: registered.data }));

    it('refuses a case that is already registered', () =>
      spec
        .given(registered)
        .when(register())
        .thenThrows('HOUSING_CASE_ALREADY_REGISTERED', { kind: 'conflict' }));

    it('refuses an unknown category', () =>
      spec
        .given()
        .when(register({ category: 'rich' as never }))
        .thenThrows('VALUE_NOT_ALLOWED', { kind: 'invalid', field: 'category' }));

    it('refuses a case id that cannot be part of a stream name', () =>
      spec
        .given()
        .when(register({ caseId: 'a b/c' }))
        .thenThrows('ID_INVALID', { kind: 'invalid', field: 'caseId' }));

    it('refuses an empty household reference', () =>
      spec
        .given()
        .when(register({ householdRef: '   ' }))
        .thenThrows('TEXT_REQUIRED', { kind: 'invalid', field: 'householdRef' }));

    it('refuses an over-long commune', () =>
      spec
        .given()
        .when(register({ commune: 'x'.repeat(101) }))
        .thenThrows('TEXT_TOO_LONG', { kind: 'invalid', field: 'commune' }));
  });

  describe('ApproveHousingFunding', () => {
    const approved = { type: 'HousingFundingApproved', data: funded.data };

    it('approves funding of a registered case', () => spec.given(registered).when(approve()).then(approved));

    it('approves funding from a second source', () =>
      spec
        .given(registered, funded)
        .when(approve({ amountVnd: 10_000_000, source: 'fatherland_front' }))
        .then({
          type: 'HousingFundingApproved',
          data: { caseId, amountVnd: 10_000_000, source: 'fatherland_front' },
        }));

    it('approves funding while under construction', () =>
      spec
        .given(registered, funded, started)
        .when(approve({ occurredAt: '2024-04-01' }))
        .then(approved));

    it('accepts the largest amount', () =>
      spec
        .given(registered)
        .when(approve({ amountVnd: 100_000_000_000 }))
        .then({
          type: 'HousingFundingApproved',
          data: { ...(funded.data as object), amountVnd: 100_000_000_000 },
        }));

    it('refuses a case that is not registered', () =>
      spec.given().when(approve()).thenThrows('HOUSING_CASE_NOT_REGISTERED', { kind: 'not_found' }));

    it('refuses a completed case', () =>
      spec
        .given(registered, funded, started, completed)
        .when(approve({ occurredAt: '2024-06-01' }))
        .thenThrows('HOUSING_CASE_CLOSED_FOR_FUNDING', { kind: 'conflict' }));

    it('refuses a handed-over case', () =>
      spec
        .given(registered, funded, started, completed, handedOver)
        .when(approve({ occurredAt: '2024-06-01' }))
        .thenThrows('HOUSING_CASE_CLOSED_FOR_FUNDING', { kind: 'conflict' }));

    it.each([0, -5, 1.5, 100_000_000_001, Number.NaN, '1000' as unknown as number])(
      'refuses amount %p',
      (amountVnd) =>
        spec
          .given(registered)
          .when(approve({ amountVnd }))
          .thenThrows('AMOUNT_OUT_OF_RANGE', { kind: 'invalid', field: 'amountVnd' }),
    );

    it('refuses an unknown source', () =>
      spec
        .given(registered)
        .when(approve({ source: 'lottery' as never }))
        .thenThrows('VALUE_NOT_ALLOWED', { kind: 'invalid', field: 'source' }));

    it('refuses an approval dated before the registration', () =>
      spec
        .given(registered)
        .when(approve({ occurredAt: '2024-01-09' }))
        .thenThrows('STEP_BEFORE_PREVIOUS_STEP', { kind: 'invalid', field: 'occurredAt' }));
  });

  describe('StartHousingConstruction', () => {
    it('starts construction of a funded case', () =>
      spec
        .given(registered, funded)
        .when(start())
        .then({ type: 'HousingConstructionStarted', data: { caseId } }));

    it('refuses a case without approved funding', () =>
      spec.given(registered).when(start()).thenThrows('HOUSING_FUNDING_NOT_APPROVED', { kind: 'conflict' }));

    it('refuses a case that is not registered', () =>
      spec.given().when(start()).thenThrows('HOUSING_CASE_NOT_REGISTERED', { kind: 'not_found' }));

    it('refuses a second start', () =>
      spec
        .given(registered, funded, started)
        .when(start())
        .thenThrows('HOUSING_CONSTRUCTION_ALREADY_STARTED', { kind: 'conflict' }));

    it('refuses a start after completion', () =>
      spec
        .given(registered, funded, started, completed)
        .when(start())
        .thenThrows('HOUSING_CONSTRUCTION_ALREADY_STARTED', { kind: 'conflict' }));

    it('refuses a start dated before the first funding approval', () =>
      spec
        .given(registered, funded)
        .when(start({ occurredAt: '2024-01-31' }))
        .thenThrows('STEP_BEFORE_PREVIOUS_STEP', { kind: 'invalid', field: 'occurredAt' }));

    it('compares with the earliest approval, even when it was recorded last', () =>
      spec
        .given(registered, funded, { ...funded, ...at('2024-01-20') })
        .when(start({ occurredAt: '2024-01-25' }))
        .then({ type: 'HousingConstructionStarted', data: { caseId } }));
  });

  describe('CompleteHousingConstruction', () => {
    it('completes construction that has started', () =>
      spec
        .given(registered, funded, started)
        .when(complete())
        .then({ type: 'HousingConstructionCompleted', data: completed.data }));

    it('accepts the largest floor area', () =>
      spec
        .given(registered, funded, started)
        .when(complete({ floorAreaM2: 1000 }))
        .then({ type: 'HousingConstructionCompleted', data: { caseId, floorAreaM2: 1000, occupants: 4 } }));

    it('refuses construction that has not started', () =>
      spec
        .given(registered, funded)
        .when(complete())
        .thenThrows('HOUSE_CONSTRUCTION_NOT_STARTED', { kind: 'conflict' }));

    it('refuses a case that is not registered', () =>
      spec.given().when(complete()).thenThrows('HOUSING_CASE_NOT_REGISTERED', { kind: 'not_found' }));

    it('refuses a second completion', () =>
      spec
        .given(registered, funded, started, completed)
        .when(complete())
        .thenThrows('HOUSE_CONSTRUCTION_ALREADY_COMPLETED', { kind: 'conflict' }));

    it.each([0, -1, 1000.5, Number.POSITIVE_INFINITY])('refuses floor area %p', (floorAreaM2) =>
      spec
        .given(registered, funded, started)
        .when(complete({ floorAreaM2 }))
        .thenThrows('FLOOR_AREA_OUT_OF_RANGE', { kind: 'invalid', field: 'floorAreaM2' }),
    );

    it.each([0, 51, 2.5])('refuses %p occupants', (occupants) =>
      spec
        .given(registered, funded, started)
        .when(complete({ occupants }))
        .thenThrows('OCCUPANTS_OUT_OF_RANGE', { kind: 'invalid', field: 'occupants' }),
    );

    it('refuses a completion dated before the start', () =>
      spec
        .given(registered, funded, started)
        .when(complete({ occurredAt: '2024-02-28' }))
        .thenThrows('STEP_BEFORE_PREVIOUS_STEP', { kind: 'invalid', field: 'occurredAt' }));
  });

  describe('HandOverHouse', () => {
    it('hands over a completed house', () =>
      spec
        .given(registered, funded, started, completed)
        .when(handOver())
        .then({ type: 'HouseHandedOver', data: { caseId } }));

    it('refuses a house still under construction', () =>
      spec
        .given(registered, funded, started)
        .when(handOver())
        .thenThrows('HOUSE_CONSTRUCTION_NOT_COMPLETED', { kind: 'conflict' }));

    it('refuses a case that is not registered', () =>
      spec.given().when(handOver()).thenThrows('HOUSING_CASE_NOT_REGISTERED', { kind: 'not_found' }));

    it('refuses a second hand-over', () =>
      spec
        .given(registered, funded, started, completed, handedOver)
        .when(handOver())
        .thenThrows('HOUSE_ALREADY_HANDED_OVER', { kind: 'conflict' }));

    it('refuses a hand-over dated before the completion', () =>
      spec
        .given(registered, funded, started, completed)
        .when(handOver({ occurredAt: '2024-05-14' }))
        .thenThrows('STEP_BEFORE_PREVIOUS_STEP', { kind: 'invalid', field: 'occurredAt' }));
  });

  describe('state', () => {
    it('sums the approved funding and keeps the dates of the steps', () => {
      const events = [
        registered,
        funded,
        { ...funded, data: { caseId, amountVnd: 5_000_000, source: 'other' } },
        started,
      ];
      expect(
        foldStream(
          housingCaseAggregate,
          events.map((e, i) => ({ ...e, id: `e${i}` })),
        ),
      ).toEqual({
        status: 'under_construction',
        caseId,
        householdRef: 'h-7f3a',
        commune: 'PHUOC-DAI',
        category: 'poor',
        fundings: [
          { amountVnd: 60_000_000, source: 'central_budget' },
          { amountVnd: 5_000_000, source: 'other' },
        ],
        fundingApprovedVnd: 65_000_000,
        registeredAt: '2024-01-10',
        firstFundingApprovedAt: '2024-02-01',
        constructionStartedAt: '2024-03-01',
      });
    });
  });

  describe('WithdrawHousingCase', () => {
    const registration = { type: 'HousingCaseRegistered', data: registered.data };
    const funding = { type: 'HousingFundingApproved', data: funded.data };

    it('withdraws a registered case with its grounds and reason, carrying the steps it takes back', () =>
      spec
        .given(registered)
        .when(withdraw({ grounds: 'ineligible', occurredAt: '2024-01-20' }))
        .then({
          type: 'HousingCaseWithdrawn',
          data: {
            caseId,
            grounds: 'ineligible',
            reason: 'registered twice: same household as HC-2024-007',
            withdrawnSteps: [registration],
          },
        }));

    it('withdraws a case under construction: registration, every funding and the start are taken back', () =>
      spec
        .given(registered, funded, started)
        .when(withdraw({ grounds: 'moved_away' }))
        .then({
          type: 'HousingCaseWithdrawn',
          data: {
            caseId,
            grounds: 'moved_away',
            reason: 'registered twice: same household as HC-2024-007',
            withdrawnSteps: [registration, funding, { type: 'HousingConstructionStarted', data: { caseId } }],
          },
        }));

    it('carries a funding as amended, not as first recorded', () =>
      spec
        .given(
          registered,
          { ...funded, id: 'f-1' },
          {
            type: 'EventCorrected',
            data: {
              correctsEventId: 'f-1',
              correctedType: 'HousingFundingApproved',
              kind: 'amendment',
              reason: 'amount read from the wrong decision',
              changes: { amountVnd: 55_000_000 },
              original: { type: 'HousingFundingApproved', data: funded.data },
            },
          },
        )
        .when(withdraw())
        .then({
          type: 'HousingCaseWithdrawn',
          data: {
            caseId,
            grounds: 'duplicate',
            reason: 'registered twice: same household as HC-2024-007',
            withdrawnSteps: [
              registration,
              {
                type: 'HousingFundingApproved',
                data: { caseId, amountVnd: 55_000_000, source: 'central_budget' },
              },
            ],
          },
        }));

    it('refuses grounds outside the list, and a missing reason', () => {
      spec
        .given(registered)
        .when(withdraw({ grounds: 'other' as never }))
        .thenThrows('VALUE_NOT_ALLOWED', { kind: 'invalid', field: 'grounds' });
      spec
        .given(registered)
        .when(withdraw({ reason: '  ' }))
        .thenThrows('TEXT_REQUIRED', { kind: 'invalid', field: 'reason' });
    });

    it('refuses a case that is not registered', () =>
      spec.given().when(withdraw()).thenThrows('HOUSING_CASE_NOT_REGISTERED', { kind: 'not_found' }));

    it.each([
      ['completed', [registered, funded, started, completed]],
      ['handed over', [registered, funded, started, completed, handedOver]],
    ])('refuses a case whose house is built (%s)', (_label, given) =>
      spec
        .given(...(given as GivenEvent[]))
        .when(withdraw({ occurredAt: '2024-06-01' }))
        .thenThrows('HOUSING_CASE_HOUSE_BUILT', { kind: 'conflict' }),
    );

    it('refuses a withdrawal dated before the registration', () =>
      spec
        .given(registered)
        .when(withdraw({ occurredAt: '2024-01-09' }))
        .thenThrows('STEP_BEFORE_PREVIOUS_STEP', { kind: 'invalid', field: 'occurredAt' }));

    const withdrawn: GivenEvent = {
      type: 'HousingCaseWithdrawn',
      data: { caseId, grounds: 'duplicate', reason: 'twice', withdrawnSteps: [registration, funding] },
      ...at('2024-02-10'),
    };

    it.each([
      ['a second withdrawal', withdraw({ occurredAt: '2024-03-01' })],
      ['a funding', approve({ occurredAt: '2024-03-01' })],
      ['a start', start()],
    ])('takes no more steps once withdrawn: %s', (_label, command) =>
      spec
        .given(registered, funded, withdrawn)
        .when(command)
        .thenThrows('HOUSING_CASE_WITHDRAWN', { kind: 'conflict' }),
    );
  });
});
