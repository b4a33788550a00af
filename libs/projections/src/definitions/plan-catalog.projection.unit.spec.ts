import type { Target } from '@ledger/domain';
import {
  AGENCIES,
  createPlanCatalogProjection,
  INDICATORS,
  ORG_UNITS,
  PLANS,
  type AgencyDoc,
  type IndicatorDoc,
  type OrgUnitDoc,
} from './plan-catalog.projection';
import { EventLog, project, projectionSpec } from './testing/projection-spec';
import { recordSeed, samplePlanModel, sampleProjectionSeed } from './testing/sample-plan';

describe('plan-catalog projection', () => {
  const plan = samplePlanModel();
  const catalog = createPlanCatalogProjection(plan);
  const spec = projectionSpec(catalog);
  const seed = sampleProjectionSeed();

  const seeded = () => {
    const log = new EventLog({ agency: 'UBND-D-1', orgUnit: 'D-1' });
    return { log, events: recordSeed(log, seed) };
  };

  describe('given the plan loaded from its seed', () => {
    it('lists the org units with the dates and crosswalk of the reorganisation', () => {
      const { events } = seeded();
      const docs = spec.given(...events).when();
      expect(docs.ids(ORG_UNITS)).toEqual(['C-1', 'C-2', 'D-1', 'N-1', 'P-1']);
      expect(docs.get<OrgUnitDoc>(ORG_UNITS, 'C-1')).toMatchObject({
        code: 'C-1',
        registered: true,
        level: 'commune',
        parent: 'D-1',
        codeKind: 'local',
        verified: true,
        validFrom: null,
        validTo: '2025-07-01',
        endedBy: 'CH-1',
        successors: [{ code: 'N-1', relation: 'whole', changeId: 'CH-1' }],
        predecessors: [],
      });
      expect(docs.get<OrgUnitDoc>(ORG_UNITS, 'N-1')).toMatchObject({
        parent: 'P-1',
        validFrom: '2025-07-01',
        validTo: null,
        startedBy: 'CH-1',
        verified: false,
        predecessors: [
          { code: 'C-1', relation: 'whole', changeId: 'CH-1' },
          { code: 'C-2', relation: 'whole', changeId: 'CH-1' },
        ],
      });
      // Dissolved as a level: it ends with no successor.
      expect(docs.get<OrgUnitDoc>(ORG_UNITS, 'D-1')).toMatchObject({ validTo: '2025-07-01', successors: [] });
      expect(docs.get(PLANS, 'sample-plan')).toMatchObject({ planId: 'sample-plan', orgUnit: 'D-1' });
    });

    it('lists the agencies with their successions out and in, with dates', () => {
      const { events } = seeded();
      const docs = spec.given(...events).when();
      expect(docs.get<AgencyDoc>(AGENCIES, 'LAB-D-1')).toMatchObject({
        orgUnit: 'D-1',
        validTo: '2025-07-01',
        successionsOut: [
          {
            effectiveFrom: '2025-07-01',
            successors: [{ agency: 'SOC-N-1', orgUnits: ['C-1', 'C-2'] }],
            reason: 'district level abolished',
            verified: false,
          },
        ],
        successionsIn: [],
      });
      expect(docs.get<AgencyDoc>(AGENCIES, 'SOC-N-1')).toMatchObject({
        orgUnit: 'N-1',
        validFrom: '2025-07-01',
        validTo: null,
        successionsIn: [{ predecessor: 'LAB-D-1', effectiveFrom: '2025-07-01', orgUnits: ['C-1', 'C-2'] }],
      });
    });

    it('lists each indicator with its definition, target, lead and the baselines it starts from', () => {
      const { events } = seeded();
      const docs = spec.given(...events).when();
      expect(docs.ids(INDICATORS)).toHaveLength(seed.indicators.length);
      expect(docs.get<IndicatorDoc>(INDICATORS, 'houses_built')).toMatchObject({
        key: 'houses_built',
        version: 1,
        kind: 'count',
        section: 'II.2',
        target: { comparison: '>', value: 800, deadline: '2030-12-31' },
        targetText: '> 800 houses',
        deadline: '2030-12-31',
        lead: 'LAB-D-1',
        targetHistory: [{ kind: 'set', reason: null, previous: null }],
        baselines: [],
      });
      const floor = docs.get<IndicatorDoc>(INDICATORS, 'floor_area_per_person');
      expect(floor?.baselineValues).toEqual({ population: { 'C-1': 3000, 'C-2': 2000 } });
      expect(floor?.baselines.map((b) => [b.orgUnit, b.value, b.illustrative])).toEqual([
        ['C-1', 3000, true],
        ['C-2', 2000, true],
      ]);
      expect(docs.get<IndicatorDoc>(INDICATORS, 'jobs_placed')).toMatchObject({
        target: null,
        targetText: null,
      });
    });
  });

  describe('when the plan changes on the record', () => {
    const revised: Target = {
      comparison: '>',
      value: 900,
      deadline: '2030-12-31',
      planText: 'hơn 900 căn',
      milestones: [],
    };

    it('keeps the revision of a target with its reason, who and when', () => {
      const { log, events } = seeded();
      const set = events.find(
        (e) => e.type === 'TargetSet' && (e.data as { indicatorKey: string }).indicatorKey === 'houses_built',
      )!;
      const revision = log.record(
        set.stream,
        'TargetRevised',
        {
          planId: 'sample-plan',
          indicatorKey: 'houses_built',
          previous: (set.data as { target: Target }).target,
          target: revised,
          reason: 'the province raised the housing programme',
        },
        { occurredAt: '2026-03-01', officer: 'cb-09', agency: 'UBND-D-1' },
      );
      const doc = spec
        .given(...events)
        .when(revision)
        .get<IndicatorDoc>(INDICATORS, 'houses_built');
      expect(doc?.target).toEqual(revised);
      expect(doc?.targetText).toBe('> 900 houses');
      expect(doc?.targetHistory.map((t) => [t.kind, t.reason, t.stamp.officer, t.stamp.occurredAt])).toEqual([
        ['set', null, 'seeder', '2024-01-02'],
        ['revised', 'the province raised the housing programme', 'cb-09', '2026-03-01'],
      ]);
    });

    it('puts the earlier target back when the revision is retracted', () => {
      const { log, events } = seeded();
      const set = events.find(
        (e) => e.type === 'TargetSet' && (e.data as { indicatorKey: string }).indicatorKey === 'houses_built',
      )!;
      const revision = log.record(set.stream, 'TargetRevised', {
        planId: 'sample-plan',
        indicatorKey: 'houses_built',
        previous: (set.data as { target: Target }).target,
        target: revised,
        reason: 'the province raised the housing programme',
      });
      const retraction = log.correct(revision, 'retraction', 'revised on the wrong indicator');
      const doc = spec
        .given(...events, revision)
        .when(retraction)
        .get<IndicatorDoc>(INDICATORS, 'houses_built');
      expect(doc?.target).toEqual((set.data as { target: Target }).target);
      expect(doc?.targetHistory.map((t) => t.kind)).toEqual(['set']);
    });

    it('shows an amended baseline figure and a confirmed org unit', () => {
      const { log, events } = seeded();
      const baseline = events.find(
        (e) => e.type === 'BaselineRecorded' && (e.data as { orgUnit: string }).orgUnit === 'C-2',
      )!;
      const unit = events.find(
        (e) => e.type === 'OrgUnitRegistered' && (e.data as { code: string }).code === 'N-1',
      )!;
      const amendBaseline = log.correct(baseline, 'amendment', 'the statistics office published the census', {
        value: 2150,
        illustrative: false,
        source: 'census 2024',
      });
      const confirmUnit = log.correct(unit, 'amendment', 'read in the resolution of the assembly', {
        verified: true,
      });
      const docs = spec.given(...events).when(amendBaseline, confirmUnit);
      const floor = docs.get<IndicatorDoc>(INDICATORS, 'floor_area_per_person');
      expect(floor?.baselineValues.population).toEqual({ 'C-1': 3000, 'C-2': 2150 });
      expect(floor?.baselines.find((b) => b.orgUnit === 'C-2')).toMatchObject({
        value: 2150,
        illustrative: false,
        source: 'census 2024',
      });
      expect(docs.get<OrgUnitDoc>(ORG_UNITS, 'N-1')).toMatchObject({
        verified: true,
        predecessors: [{ code: 'C-1' }, { code: 'C-2' }],
      });
    });
  });

  it('changes nothing when the same events are applied again', () => {
    const { events } = seeded();
    const docs = project(catalog, events);
    const before = docs.snapshot();
    project(catalog, events, docs);
    expect(docs.snapshot()).toEqual(before);
  });
});
