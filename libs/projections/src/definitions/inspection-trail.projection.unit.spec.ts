import { createInspectionTrailProjection, TRAIL, type TrailDoc } from './inspection-trail.projection';
import { EventLog, project, projectionSpec } from './testing/projection-spec';
import { samplePlanModel } from './testing/sample-plan';

describe('inspection-trail projection', () => {
  const trail = createInspectionTrailProjection(samplePlanModel());
  const spec = projectionSpec(trail);
  const evidence = [{ ref: 'QD-123/UBND', sha256: 'a'.repeat(64), description: 'decision on support' }];

  /** A house of case HC-1 in commune C-1, built and completed by the district labour office. */
  const housingCase = () => {
    const log = new EventLog({ orgUnit: 'C-1', agency: 'LAB-D-1', officer: 'cb-01' });
    const stream = 'housing-case-HC-1';
    const registered = log.record(
      stream,
      'HousingCaseRegistered',
      { caseId: 'HC-1', householdRef: 'h-1', commune: 'C-1', category: 'poor' },
      { occurredAt: '2024-02-01', evidence },
    );
    const funded = log.record(
      stream,
      'HousingFundingApproved',
      { caseId: 'HC-1', amountVnd: 60_000_000, source: 'central_budget' },
      { occurredAt: '2024-02-20' },
    );
    const started = log.record(
      stream,
      'HousingConstructionStarted',
      { caseId: 'HC-1' },
      { occurredAt: '2024-03-05' },
    );
    const completed = log.record(
      stream,
      'HousingConstructionCompleted',
      { caseId: 'HC-1', floorAreaM2: 48, occupants: 4 },
      { occurredAt: '2024-06-10' },
    );
    return { log, registered, funded, started, completed };
  };

  describe('given a house recorded step by step', () => {
    it('keeps who did what, when, where, for whom and with what evidence', () => {
      const { registered, funded, started, completed } = housingCase();
      const docs = spec.given(registered, funded, started).when(completed);
      expect(docs.get<TrailDoc>(TRAIL, registered.id)).toMatchObject({
        eventId: registered.id,
        position: 1,
        type: 'HousingCaseRegistered',
        stream: 'housing-case-HC-1',
        revision: 0,
        occurredAt: '2024-02-01',
        occurredOn: '2024-02-01',
        officer: 'cb-01',
        agency: 'LAB-D-1',
        role: 'officer',
        orgUnit: 'C-1',
        subjectRefs: ['h-1'],
        subjectRef: 'h-1',
        subjectIds: { caseId: 'HC-1' },
        subjectId: 'HC-1',
        evidence,
        status: 'effective',
        corrects: null,
        correctedBy: [],
        contributions: [],
      });
      expect(docs.get<TrailDoc>(TRAIL, funded.id)).toMatchObject({
        subjectRefs: [],
        subjectRef: null,
        subjectId: 'HC-1',
      });
    });

    it("lists what the event moved on the plan's indicators", () => {
      const { registered, funded, started, completed } = housingCase();
      const docs = spec.given(registered, funded, started).when(completed);
      const moved = docs
        .get<TrailDoc>(TRAIL, completed.id)
        ?.contributions.map((c) => [c.indicatorKey, c.mode, c.part, c.delta, c.orgUnit, c.month]);
      expect(moved).toEqual([
        ['houses_built', 'add', 'value', 1, 'C-1', '2024-06'],
        ['floor_area_per_person', 'add', 'numerator', 48, 'C-1', '2024-06'],
        ['houses_under_construction', 'add', 'value', -1, 'C-1', '2024-06'],
      ]);
    });
  });

  describe('when the completion is amended by another agency and then retracted', () => {
    const chain = () => {
      const house = housingCase();
      const amendment = house.log.correct(
        house.completed,
        'amendment',
        'floor area measured again on site',
        { floorAreaM2: 52 },
        { officer: 'cb-22', agency: 'UBND-D-1', occurredAt: '2024-07-01' },
      );
      const retraction = house.log.correct(
        house.completed,
        'retraction',
        'the house was never completed',
        null,
        {
          officer: 'tt-03',
          agency: 'LAB-D-1',
          role: 'supervisor',
          occurredAt: '2024-08-15',
        },
      );
      return { ...house, amendment, retraction };
    };

    it('points each correction at the event it corrects, and names whose event that was', () => {
      const { registered, funded, started, completed, amendment, retraction } = chain();
      const docs = spec.given(registered, funded, started, completed).when(amendment, retraction);
      expect(docs.get<TrailDoc>(TRAIL, amendment.id)).toMatchObject({
        type: 'EventCorrected',
        officer: 'cb-22',
        agency: 'UBND-D-1',
        status: 'effective',
        subjectId: 'HC-1',
        corrects: {
          eventId: completed.id,
          type: 'HousingConstructionCompleted',
          kind: 'amendment',
          reason: 'floor area measured again on site',
          changes: { floorAreaM2: 52 },
          officer: 'cb-01',
          agency: 'LAB-D-1',
          occurredAt: '2024-06-10',
        },
        correctedAgency: 'LAB-D-1',
      });
      // The amendment moves only the floor area, by the difference, in the month of the completion.
      expect(
        docs.get<TrailDoc>(TRAIL, amendment.id)?.contributions.map((c) => [c.indicatorKey, c.delta, c.month]),
      ).toEqual([['floor_area_per_person', 4, '2024-06']]);
      expect(
        docs.get<TrailDoc>(TRAIL, retraction.id)?.contributions.map((c) => [c.indicatorKey, c.delta]),
      ).toEqual([
        ['houses_built', -1],
        ['floor_area_per_person', -52],
        ['houses_under_construction', 1],
      ]);
    });

    it('lists the chain of corrections on the original, and its status after each', () => {
      const { registered, funded, started, completed, amendment, retraction } = chain();
      const amended = spec.given(registered, funded, started, completed).when(amendment);
      expect(amended.get<TrailDoc>(TRAIL, completed.id)).toMatchObject({
        status: 'amended',
        data: { caseId: 'HC-1', floorAreaM2: 48, occupants: 4 },
        effectiveData: { caseId: 'HC-1', floorAreaM2: 52, occupants: 4 },
      });
      const retracted = spec.given(registered, funded, started, completed, amendment).when(retraction);
      const doc = retracted.get<TrailDoc>(TRAIL, completed.id);
      expect(doc).toMatchObject({
        status: 'retracted',
        effectiveData: null,
        lastPosition: retraction.position,
      });
      expect(doc?.correctedBy).toEqual([
        {
          eventId: amendment.id,
          kind: 'amendment',
          reason: 'floor area measured again on site',
          changes: { floorAreaM2: 52 },
          officer: 'cb-22',
          agency: 'UBND-D-1',
          occurredAt: '2024-07-01',
          recordedAt: amendment.recordedAt,
          position: amendment.position,
        },
        {
          eventId: retraction.id,
          kind: 'retraction',
          reason: 'the house was never completed',
          changes: null,
          officer: 'tt-03',
          agency: 'LAB-D-1',
          occurredAt: '2024-08-15',
          recordedAt: retraction.recordedAt,
          position: retraction.position,
        },
      ]);
    });

    it('changes nothing when the same events are applied again', () => {
      const { log } = chain();
      const docs = project(trail, log.events);
      const before = docs.snapshot();
      project(trail, log.events, docs);
      expect(docs.snapshot()).toEqual(before);
      expect(docs.get<TrailDoc>(TRAIL, log.events[3].id)?.correctedBy).toHaveLength(2);
    });
  });

  describe('subjects', () => {
    it("names a latrine's facility as a subject only when it is a household", () => {
      const log = new EventLog();
      const household = log.record('hygienic-latrine-household.h-7', 'HygienicLatrineCompleted', {
        latrineId: 'L-1',
        facilityKind: 'household',
        facilityRef: 'h-7',
        commune: 'C-2',
      });
      const school = log.record('hygienic-latrine-school.TH-2', 'HygienicLatrineCompleted', {
        latrineId: 'L-2',
        facilityKind: 'school',
        facilityRef: 'TH-2',
        commune: 'C-2',
      });
      const docs = spec.given().when(household, school);
      expect(docs.get<TrailDoc>(TRAIL, household.id)).toMatchObject({
        subjectRefs: ['h-7'],
        subjectId: 'L-1',
      });
      expect(docs.get<TrailDoc>(TRAIL, school.id)).toMatchObject({ subjectRefs: [], subjectId: 'L-2' });
    });

    it('shows the measurement a MeasurementRecorded sets', () => {
      const log = new EventLog({ orgUnit: 'D-1' });
      const measured = log.record('measurement-unemployment_rate.D-1.2025', 'MeasurementRecorded', {
        measurementId: 'M-1',
        indicatorKey: 'unemployment_rate',
        orgUnit: 'D-1',
        period: '2025',
        value: 3.4,
        method: 'survey',
        source: 'labour force survey',
      });
      const doc = spec.given().when(measured).get<TrailDoc>(TRAIL, measured.id);
      expect(doc?.contributions).toEqual([
        {
          indicatorKey: 'unemployment_rate',
          definitionVersion: 1,
          orgUnit: 'D-1',
          mode: 'set',
          part: null,
          delta: null,
          value: 3.4,
          numerator: null,
          denominator: null,
          measurementId: 'M-1',
          period: '2025',
          month: '2025-01',
        },
      ]);
    });
  });
});
