import type { RecordedEvent } from '@ledger/domain';
import {
  createFigureAssuranceProjection,
  FIGURE_CHANGES,
  type FigureChangeDoc,
} from './figure-assurance.projection';
import { figureChangesIn, unitsCountingIn } from './figure-changes.read';
import { EventLog, project } from './testing/projection-spec';
import { samplePlanModel } from './testing/sample-plan';

describe('figure-changes, kept per unit and read for a roll-up', () => {
  const plan = samplePlanModel();
  const assurance = createFigureAssuranceProjection(plan);

  const house = (log: EventLog, caseId: string, commune: string): RecordedEvent[] => {
    const stream = `housing-case-${caseId}`;
    return [
      log.record(
        stream,
        'HousingCaseRegistered',
        { caseId, householdRef: `h-${caseId}`, commune, category: 'poor' },
        { occurredAt: '2024-02-01', orgUnit: commune },
      ),
      log.record(
        stream,
        'HousingConstructionStarted',
        { caseId },
        { occurredAt: '2024-03-05', orgUnit: commune },
      ),
      log.record(
        stream,
        'HousingConstructionCompleted',
        { caseId, floorAreaM2: 48, occupants: 4 },
        { occurredAt: '2024-06-10', orgUnit: commune },
      ),
    ];
  };

  it('counts in a unit the unit itself and every unit under it', () => {
    // N-1, the commune C-1 and C-2 merged into, counts in the district they were part of.
    expect(unitsCountingIn(plan, 'D-1').sort()).toEqual(['C-1', 'C-2', 'D-1', 'N-1']);
    expect(unitsCountingIn(plan, 'C-1')).toEqual(['C-1']);
  });

  it("writes one entry per event, indicator and month in the action's unit, and reads a district's from its communes'", () => {
    const log = new EventLog({ orgUnit: 'C-1', agency: 'LAB-D-1', officer: 'cb-01' });
    const events = [...house(log, 'HC-1', 'C-1'), ...house(log, 'HC-2', 'C-2')];
    const docs = project(assurance, events);
    const entries = docs.all<FigureChangeDoc>(FIGURE_CHANGES);
    expect(entries.length).toBeGreaterThan(0);
    expect(new Set(entries.map((e) => e.orgUnit))).toEqual(new Set(['C-1', 'C-2']));

    const completions = events.filter((e) => e.type === 'HousingConstructionCompleted');
    const inDistrict = figureChangesIn(
      entries
        .filter((e) => unitsCountingIn(plan, 'D-1').includes(e.orgUnit) && e.indicatorKey === 'houses_built')
        .sort((a, b) => a.position - b.position),
      'D-1',
    );
    // Each completion added one house, in June 2024, in the district as in its commune.
    expect(inDistrict.map((c) => [c.eventId, c.orgUnit, c.month, c.claimed.value])).toEqual(
      completions.map((e) => [e.id, 'D-1', '2024-06', 1]),
    );
  });

  it('adds up the entries of one event in two units counting in the one asked, and leaves out what cancels', () => {
    const entry = (orgUnit: string, value: number): FigureChangeDoc => ({
      indicatorKey: 'houses_built',
      orgUnit,
      month: '2024-06',
      eventId: 'e-1',
      type: 'EventCorrected',
      kind: 'correction',
      actionEventId: 'e-0',
      reason: 'moved to the other commune',
      stream: 's',
      position: 7,
      recordedAt: '2024-06-11T00:00:00.000Z',
      occurredAt: '2024-06-10',
      officer: 'cb-01',
      agency: 'LAB-D-1',
      claimed: { value, numerator: 0, denominator: 0 },
      verified: { value: 0, numerator: 0, denominator: 0 },
      measurements: [],
      lastPosition: 7,
    });
    expect(figureChangesIn([entry('C-1', -1), entry('C-2', 1)], 'D-1')).toEqual([]);
    expect(figureChangesIn([entry('C-1', 2), entry('C-2', 1)], 'D-1')).toEqual([{ ...entry('D-1', 3) }]);
  });
});
