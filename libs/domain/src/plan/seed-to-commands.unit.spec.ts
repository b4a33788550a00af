import { planSeedToCommands, seedEventIdInput } from './seed-to-commands';
import { sampleSeed } from './testing/sample-records';

describe('planSeedToCommands', () => {
  const seed = sampleSeed();
  // List the commune before its parents, to show the order does not depend on the file's.
  seed.orgUnits = [seed.orgUnits[2], ...seed.orgUnits.filter((_, i) => i !== 2)];
  const commands = planSeedToCommands(seed, { occurredAt: '2025-01-15', now: '2025-01-15T10:00:00+07:00' });

  it('lists the commands so that every reference points backwards', () => {
    expect(commands.map((c) => c.command.type)).toEqual([
      'AdoptPlan',
      ...Array(5).fill('RegisterOrgUnit'),
      'RecordOrgUnitChange',
      ...Array(3).fill('RegisterAgency'),
      'RecordAgencySuccession',
      ...Array(5).fill('DefineIndicator'),
      ...Array(4).fill('SetTarget'),
      ...Array(5).fill('AssignResponsibility'),
      'RecordBaseline',
      'RecordBaseline',
    ]);
    const units = commands.filter((c) => c.command.type === 'RegisterOrgUnit').map((c) => c.orgUnit);
    expect(units).toEqual(['P-1', 'D-1', 'C-1', 'C-2', 'N-1']);
  });

  it('names the stream, the org unit and a time-free id input of each command', () => {
    expect(commands[0]).toMatchObject({
      stream: 'plan-sample-plan',
      orgUnit: 'D-1',
      eventIdInput: 'seed:sample-plan:plan-adopted:sample-plan',
    });
    const defined = commands.find((c) => c.command.type === 'DefineIndicator')!;
    expect(defined).toMatchObject({
      stream: 'indicator-houses_built',
      eventIdInput: 'seed:sample-plan:indicator-defined:houses_built:v1',
    });
    const baseline = commands.find((c) => c.command.type === 'RecordBaseline')!;
    expect(baseline).toMatchObject({
      stream: 'baseline-sample-plan.population.C-1',
      orgUnit: 'C-1',
      eventIdInput: 'seed:sample-plan:baseline-recorded:population:C-1:2023',
    });
    expect(commands.every((c) => c.command.occurredAt === '2025-01-15')).toBe(true);
  });

  it('files the seed under another plan id when asked', () => {
    const other = planSeedToCommands(seed, { planId: 'other-plan', occurredAt: '2025-01-15' });
    expect(other[0].stream).toBe('plan-other-plan');
    expect(other.find((c) => c.command.type === 'SetTarget')!.stream).toBe('target-other-plan.houses_built');
    expect(new Set(other.map((c) => c.eventIdInput.split(':')[1]))).toEqual(new Set(['other-plan']));
  });

  it('gives a new indicator version a new id input', () => {
    const [defined] = commands.filter((c) => c.command.type === 'DefineIndicator');
    expect(
      seedEventIdInput('sample-plan', { ...defined.command, version: 2 } as typeof defined.command),
    ).toBe('seed:sample-plan:indicator-defined:houses_built:v2');
  });
});
