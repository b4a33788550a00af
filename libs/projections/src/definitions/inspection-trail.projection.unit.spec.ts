import type { RecordedEvent } from '@ledger/domain';
import {
  createInspectionTrailProjection,
  TRAIL,
  trailEntryOf,
  type TrailDoc,
  type TrailIndexDoc,
} from './inspection-trail.projection';
import { EventLog, project, projectionSpec, type ProjectedDocuments } from './testing/projection-spec';
import { samplePlanModel } from './testing/sample-plan';

describe('inspection-trail projection', () => {
  const plan = samplePlanModel();
  const trail = createInspectionTrailProjection();
  const spec = projectionSpec(trail);
  /** The entry GET /trail shows for an event: its stored document put together with the event itself. */
  const entryOf = (docs: ProjectedDocuments, event: RecordedEvent): TrailDoc | null => {
    const index = docs.get<TrailIndexDoc>(TRAIL, event.id);
    return index && trailEntryOf(event, index, plan);
  };
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
      expect(entryOf(docs, registered)).toMatchObject({
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
      expect(entryOf(docs, funded)).toMatchObject({
        subjectRefs: [],
        subjectRef: null,
        subjectId: 'HC-1',
      });
    });

    it('stores only what the trail is searched by, and no copy of the event', () => {
      const { registered, funded, started, completed } = housingCase();
      const docs = spec.given(registered, funded, started).when(completed);
      expect(docs.get<TrailIndexDoc>(TRAIL, registered.id)).toEqual({
        position: registered.position,
        agency: 'LAB-D-1',
        officer: 'cb-01',
        orgUnit: 'C-1',
        type: 'HousingCaseRegistered',
        subjectRef: 'h-1',
        occurredOn: '2024-02-01',
        correctedBy: [],
        lastPosition: registered.position,
      });
    });

    it("lists what the event moved on the plan's indicators", () => {
      const { registered, funded, started, completed } = housingCase();
      const docs = spec.given(registered, funded, started).when(completed);
      const moved = entryOf(docs, completed)?.contributions.map((c) => [
        c.indicatorKey,
        c.mode,
        c.part,
        c.delta,
        c.orgUnit,
        c.month,
      ]);
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
      expect(entryOf(docs, amendment)).toMatchObject({
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
      expect(entryOf(docs, amendment)?.contributions.map((c) => [c.indicatorKey, c.delta, c.month])).toEqual([
        ['floor_area_per_person', 4, '2024-06'],
      ]);
      expect(entryOf(docs, retraction)?.contributions.map((c) => [c.indicatorKey, c.delta])).toEqual([
        ['houses_built', -1],
        ['floor_area_per_person', -52],
        ['houses_under_construction', 1],
      ]);
    });

    it('lists the chain of corrections on the original, and its status after each', () => {
      const { registered, funded, started, completed, amendment, retraction } = chain();
      const amended = spec.given(registered, funded, started, completed).when(amendment);
      expect(entryOf(amended, completed)).toMatchObject({
        status: 'amended',
        data: { caseId: 'HC-1', floorAreaM2: 48, occupants: 4 },
        effectiveData: { caseId: 'HC-1', floorAreaM2: 52, occupants: 4 },
      });
      const retracted = spec.given(registered, funded, started, completed, amendment).when(retraction);
      const doc = entryOf(retracted, completed);
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
          approvedBy: null,
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
          approvedBy: null,
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
      expect(entryOf(docs, log.events[3])?.correctedBy).toHaveLength(2);
    });
  });

  describe('a correction approved by a second person (four eyes)', () => {
    const proposer = { officer: 'ld-01', agency: 'LAB-D-1', role: 'supervisor' };
    const approver = { officer: 'tt-01', agency: 'INSP-D-1', role: 'inspector' };

    it.each(['current', 'stored-before'] as const)(
      'shows the proposer as who made it and the approver as approver (%s form)',
      (form) => {
        const { log, registered, completed } = housingCase();
        const actor = form === 'current' ? proposer : approver;
        const corrected = log.correct(completed, 'retraction', 'not finished', null, actor);
        const approval =
          form === 'current'
            ? { proposalId: 'P-1', proposedBy: proposer, approvedBy: approver }
            : { proposalId: 'P-1', proposedBy: proposer };
        const retraction = { ...corrected, data: { ...(corrected.data as object), approval } };
        const docs = spec.given(registered, completed).when(retraction);
        expect(entryOf(docs, retraction)).toMatchObject({
          officer: proposer.officer,
          agency: proposer.agency,
          role: proposer.role,
          approvedBy: approver,
        });
        expect(entryOf(docs, completed)?.correctedBy).toMatchObject([
          {
            eventId: retraction.id,
            officer: proposer.officer,
            agency: proposer.agency,
            approvedBy: approver,
          },
        ]);
        expect(entryOf(docs, registered)?.approvedBy).toBeNull();
      },
    );
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
      expect(entryOf(docs, household)).toMatchObject({
        subjectRefs: ['h-7'],
        subjectId: 'L-1',
      });
      expect(entryOf(docs, school)).toMatchObject({ subjectRefs: [], subjectId: 'L-2' });
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
      const doc = entryOf(spec.given().when(measured), measured);
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
