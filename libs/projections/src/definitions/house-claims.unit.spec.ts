import { ACTION_VERIFIED, type RecordedEvent } from '@ledger/domain';
import { createFigureAssuranceProjection } from './figure-assurance.projection';
import {
  duplicateOf,
  HOUSE_CASES,
  HOUSE_CLAIMS,
  houseClaimId,
  householdClaims,
  withoutDoubleClaims,
  type HouseCaseDoc,
  type HouseholdCasesDoc,
} from './house-claims';
import { EventLog, projectionSpec, type ProjectedDocuments } from './testing/projection-spec';
import { samplePlanModel } from './testing/sample-plan';

describe('figure-assurance: house claims, one document per household and per case', () => {
  const plan = samplePlanModel();
  const spec = projectionSpec(createFigureAssuranceProjection(plan));

  const register = (log: EventLog, caseId: string, householdRef: string, agency: string) =>
    log.record(
      `housing-case-${caseId}`,
      'HousingCaseRegistered',
      { caseId, householdRef, commune: 'C-1', category: 'poor' },
      { orgUnit: 'C-1', agency, occurredAt: '2024-02-01' },
    );
  const complete = (log: EventLog, caseId: string, agency: string, occurredAt = '2024-06-10') =>
    log.record(
      `housing-case-${caseId}`,
      'HousingConstructionCompleted',
      { caseId, floorAreaM2: 40, occupants: 4 },
      { orgUnit: 'C-1', agency, occurredAt },
    );
  const verify = (log: EventLog, completion: RecordedEvent) =>
    log.record(
      `verification-${completion.id}`,
      ACTION_VERIFIED,
      {
        eventId: completion.id,
        method: 'site_visit',
        note: null,
        original: {
          type: completion.type,
          data: completion.data,
          stream: completion.stream,
          orgUnit: completion.metadata.orgUnit,
          occurredAt: completion.metadata.occurredAt,
          actor: completion.metadata.actor,
        },
      },
      { orgUnit: 'C-1', agency: 'TT-TINH', officer: 'thanh-tra-01' },
    );
  const claimsOf = (docs: ProjectedDocuments) =>
    householdClaims(docs.all<HouseholdCasesDoc>(HOUSE_CLAIMS), docs.all<HouseCaseDoc>(HOUSE_CASES));

  /** Household H-1 registered in two cases by two agencies, both completed; H-2 in one case. */
  const twoAgencies = () => {
    const log = new EventLog();
    const regA = register(log, 'HC-A', 'H-1', 'LAB-D-1');
    const regB = register(log, 'HC-B', 'H-1', 'UBND-C-1');
    const regC = register(log, 'HC-C', 'H-2', 'LAB-D-1');
    const doneA = complete(log, 'HC-A', 'LAB-D-1');
    const doneB = complete(log, 'HC-B', 'UBND-C-1', '2024-07-20');
    const doneC = complete(log, 'HC-C', 'LAB-D-1');
    return { log, regA, regB, regC, doneA, doneB, doneC };
  };

  describe('given a household registered in two cases and another in one', () => {
    it('keeps one house-claims document per household, flagged when it has more than one case', () => {
      const { regA, regB, regC } = twoAgencies();
      const docs = spec.given(regA, regB).when(regC);
      expect(docs.ids(HOUSE_CLAIMS)).toEqual([houseClaimId('C-1', 'H-1'), houseClaimId('C-1', 'H-2')]);
      expect(docs.get<HouseholdCasesDoc>(HOUSE_CLAIMS, houseClaimId('C-1', 'H-1'))).toEqual({
        orgUnit: 'C-1',
        householdRef: 'H-1',
        cases: ['HC-A', 'HC-B'],
        multipleCases: true,
        lastPosition: regB.position,
      });
      expect(docs.get<HouseholdCasesDoc>(HOUSE_CLAIMS, houseClaimId('C-1', 'H-2'))).toMatchObject({
        cases: ['HC-C'],
        multipleCases: false,
      });
    });
  });

  describe('when both cases of the household are completed', () => {
    it('keeps each completion in its own case document, and the household is a double claim', () => {
      const { regA, regB, regC, doneA, doneB, doneC } = twoAgencies();
      const docs = spec.given(regA, regB, regC, doneA).when(doneB, doneC);
      expect(docs.get<HouseCaseDoc>(HOUSE_CASES, 'HC-B')).toMatchObject({
        caseId: 'HC-B',
        orgUnit: 'C-1',
        householdRef: 'H-1',
        claims: [
          {
            eventId: doneB.id,
            caseId: 'HC-B',
            agency: 'UBND-C-1',
            active: true,
            verified: false,
            contributions: expect.arrayContaining([
              { indicatorKey: 'houses_built', part: 'value', delta: 1, month: '2024-07', day: '2024-07-20' },
            ]),
          },
        ],
      });
      const households = claimsOf(docs);
      expect(households.map((h) => [h.householdRef, h.claims.map((c) => c.eventId)])).toEqual([
        ['H-1', [doneA.id, doneB.id]],
        ['H-2', [doneC.id]],
      ]);
      const duplicate = duplicateOf(households[0]);
      expect(duplicate).toMatchObject({
        counted: { eventId: doneA.id, agency: 'LAB-D-1' },
        notCounted: [{ eventId: doneB.id, agency: 'UBND-C-1' }],
        agencies: ['LAB-D-1', 'UBND-C-1'],
      });
      expect(duplicateOf(households[1])).toBeNull();
    });

    it('takes the second claim back from the claimed month, and from the verified month once it is verified', () => {
      const { log, regA, regB, regC, doneA, doneB } = twoAgencies();
      const month = (m: string, value: number) => ({
        month: m,
        orgUnit: 'C-1',
        sums: { value, numerator: 0, denominator: 0 },
        ownSums: { value, numerator: 0, denominator: 0 },
      });
      const claimed = [month('2024-06', 1), month('2024-07', 1)];
      const before = claimsOf(spec.given(regA, regB, regC, doneA).when(doneB));
      expect(withoutDoubleClaims(claimed, before, 'houses_built', 'C-1', plan.rollUps, 'claimed')).toEqual([
        month('2024-06', 1),
        month('2024-07', 0),
      ]);
      expect(withoutDoubleClaims(claimed, before, 'houses_built', 'C-1', plan.rollUps, 'verified')).toEqual(
        claimed,
      );
      const verifiedA = verify(log, doneA);
      const verifiedB = verify(log, doneB);
      const after = claimsOf(spec.given(regA, regB, regC, doneA, doneB).when(verifiedA, verifiedB));
      expect(withoutDoubleClaims(claimed, after, 'houses_built', 'C-1', plan.rollUps, 'verified')).toEqual([
        month('2024-06', 1),
        month('2024-07', 0),
      ]);
    });
  });

  describe('when the second completion is retracted', () => {
    it('keeps it listed, inactive, and the household is no longer a double claim', () => {
      const { log, regA, regB, doneA, doneB } = twoAgencies();
      const retracted = log.correct(doneB, 'retraction', 'recorded twice');
      const docs = spec.given(regA, regB, doneA, doneB).when(retracted);
      expect(docs.get<HouseCaseDoc>(HOUSE_CASES, 'HC-B')?.claims).toMatchObject([
        { eventId: doneB.id, active: false },
      ]);
      expect(duplicateOf(claimsOf(docs)[0])).toBeNull();
    });
  });

  describe('when a completion comes in a case that was never registered', () => {
    it('is no claim', () => {
      const log = new EventLog();
      const done = complete(log, 'HC-X', 'LAB-D-1');
      const docs = spec.given().when(done);
      expect(docs.get<HouseCaseDoc>(HOUSE_CASES, 'HC-X')).toMatchObject({ householdRef: null, claims: [] });
      expect(docs.ids(HOUSE_CLAIMS)).toEqual([]);
    });
  });
});
