import { formatSeedProblem, PlanSeedInvalidError, validatePlanSeed, type SeedProblem } from './plan-seed';
import { list, sampleSeedFiles } from './testing/sample-seed';

type Files = ReturnType<typeof sampleSeedFiles>;

function problemsOf(files: Files): SeedProblem[] {
  const result = validatePlanSeed(files);
  if (result.ok) throw new Error('expected the seed to be refused');
  return result.problems;
}

/** The problem as a reviewer reads it, without the message. */
const where = (p: SeedProblem) => `${p.file}: ${p.entry}: ${p.field}: ${p.code}`;

function expectProblem(files: Files, expected: string): void {
  expect(problemsOf(files).map(where)).toContain(expected);
}

const indicators = (files: Files) => list(files, 'indicators.json', 'indicators');

describe('plan seed validation', () => {
  it('accepts a sound seed and fills in what a file may leave out', () => {
    const result = validatePlanSeed(sampleSeedFiles());
    if (!result.ok) throw new Error(result.problems.map(formatSeedProblem).join('\n'));
    const { seed } = result;
    expect(seed.indicators.map((i) => i.definition.key)).toEqual([
      'houses_built',
      'floor_area_per_person',
      'unemployment_rate',
      'malaria_eliminated',
      'jobs_placed',
    ]);
    expect(seed.indicators[0].definition.contributions).toEqual([
      {
        event: 'HousingConstructionCompleted',
        measure: 'count',
        part: 'value',
        field: null,
        factor: 1,
        where: {},
        periodField: null,
      },
    ]);
    expect(seed.indicators[2].responsibility.support).toEqual([]);
    expect(seed.indicators[4].target).toBeNull();
    expect(seed.baselines[0].values).toEqual({ 'C-1': 3000, 'C-2': 2000 });
  });

  describe('names the file, the entry and the field of each problem', () => {
    it('a wrong kind', () => {
      const files = sampleSeedFiles();
      indicators(files)[0].kind = 'tally';
      const [problem] = problemsOf(files);
      expect(formatSeedProblem(problem)).toBe(
        'indicators.json: indicators[0] (houses_built): kind: kind must be one of: count, ratio, measured, qualitative',
      );
    });

    it('a missing target of section II.2', () => {
      const files = sampleSeedFiles();
      delete indicators(files)[2].target;
      expectProblem(files, 'indicators.json: indicators[2] (unemployment_rate): target: TARGET_REQUIRED');
    });

    it('a null target in section II.2', () => {
      const files = sampleSeedFiles();
      indicators(files)[0].target = null;
      expectProblem(files, 'indicators.json: indicators[0] (houses_built): target: TARGET_REQUIRED');
    });

    it('a target left out of a section III indicator (write null on purpose)', () => {
      const files = sampleSeedFiles();
      delete indicators(files)[4].target;
      expectProblem(files, 'indicators.json: indicators[4] (jobs_placed): target: TARGET_REQUIRED');
    });

    it('an unknown agency in a responsibility', () => {
      const files = sampleSeedFiles();
      (indicators(files)[1].responsibility as Record<string, unknown>).support = ['LAB-D-1', 'NOBODY'];
      expectProblem(
        files,
        'indicators.json: indicators[1] (floor_area_per_person): responsibility.support[1]: AGENCY_UNKNOWN',
      );
    });

    it('a duplicate indicator key', () => {
      const files = sampleSeedFiles();
      indicators(files).push({ ...indicators(files)[0] });
      expectProblem(files, 'indicators.json: indicators[5] (houses_built): key: DUPLICATE_KEY');
    });

    it('a duplicate org unit code', () => {
      const files = sampleSeedFiles();
      const units = list(files, 'org-units.json', 'orgUnits');
      units.push({ ...units[2] });
      expectProblem(files, 'org-units.json: orgUnits[5] (C-1): code: DUPLICATE_KEY');
    });

    it('a misspelt field', () => {
      const files = sampleSeedFiles();
      const first = indicators(files)[0];
      first.leadAgency = first.responsibility;
      expectProblem(files, 'indicators.json: indicators[0] (houses_built): leadAgency: FIELD_UNKNOWN');
    });

    it('a target with the wrong shape', () => {
      const files = sampleSeedFiles();
      indicators(files)[0].target = {
        comparison: 'between',
        low: 50,
        high: 45,
        deadline: '2030-12-31',
        planText: 'x',
      };
      expectProblem(files, 'indicators.json: indicators[0] (houses_built): target.high: TARGET_RANGE_EMPTY');
    });

    it('a qualitative milestone with a numeric target', () => {
      const files = sampleSeedFiles();
      indicators(files)[3].target = { comparison: '=', value: 1, deadline: '2030-12-31', planText: 'x' };
      expectProblem(
        files,
        'indicators.json: indicators[3] (malaria_eliminated): target.comparison: TARGET_KIND_MISMATCH',
      );
    });

    it('a rule that sums a field the event does not have', () => {
      const files = sampleSeedFiles();
      (indicators(files)[1].contributions as Array<Record<string, unknown>>)[0].field = 'occupantz';
      expectProblem(
        files,
        'indicators.json: indicators[1] (floor_area_per_person): contributions[0].field: FIELD_NAME_UNKNOWN',
      );
    });

    it('a rule on an event type that does not exist', () => {
      const files = sampleSeedFiles();
      (indicators(files)[0].contributions as Array<Record<string, unknown>>)[0].event = 'HouseBuilt';
      expectProblem(
        files,
        'indicators.json: indicators[0] (houses_built): contributions[0].event: EVENT_TYPE_UNKNOWN',
      );
    });

    it('a filter on a field that cannot be filtered', () => {
      const files = sampleSeedFiles();
      (indicators(files)[4].contributions as Array<Record<string, unknown>>)[0].where = { workerRef: 'w-1' };
      expectProblem(
        files,
        'indicators.json: indicators[4] (jobs_placed): contributions[0].where.workerRef: FIELD_NAME_UNKNOWN',
      );
    });

    it('a measured indicator moved by events', () => {
      const files = sampleSeedFiles();
      indicators(files)[2].contributions = [{ event: 'JobPlaced', measure: 'count', part: 'value' }];
      expectProblem(
        files,
        'indicators.json: indicators[2] (unemployment_rate): contributions: MEASUREMENT_RULE_REQUIRED',
      );
    });

    it('a ratio without its denominator', () => {
      const files = sampleSeedFiles();
      delete indicators(files)[1].denominator;
      expectProblem(
        files,
        'indicators.json: indicators[1] (floor_area_per_person): denominator: FIELD_REQUIRED',
      );
    });

    it('a ratio whose baseline is not in baselines.json', () => {
      const files = sampleSeedFiles();
      (indicators(files)[1].denominator as Record<string, unknown>).baseline = 'households';
      expectProblem(
        files,
        'indicators.json: indicators[1] (floor_area_per_person): denominator.baseline: BASELINE_UNKNOWN',
      );
    });

    it('an official code that was not read in an official source', () => {
      const files = sampleSeedFiles();
      Object.assign(list(files, 'org-units.json', 'orgUnits')[4], {
        code: '22795',
        codeKind: 'official',
        officialCode: '22795',
      });
      expectProblem(files, 'org-units.json: orgUnits[4] (22795): codeKind: OFFICIAL_CODE_NOT_VERIFIED');
    });

    it('an unconfirmed code given as official', () => {
      const files = sampleSeedFiles();
      Object.assign(list(files, 'org-units.json', 'orgUnits')[4], { officialCode: '22795' });
      expectProblem(files, 'org-units.json: orgUnits[4] (N-1): officialCode: OFFICIAL_CODE_NOT_VERIFIED');
    });

    it('a parent that does not exist', () => {
      const files = sampleSeedFiles();
      list(files, 'org-units.json', 'orgUnits')[2].parent = 'D-9';
      expectProblem(files, 'org-units.json: orgUnits[2] (C-1): parent: ORG_UNIT_UNKNOWN');
    });

    it('a crosswalk to a unit that does not exist', () => {
      const files = sampleSeedFiles();
      const [change] = list(files, 'org-units.json', 'changes');
      (change.crosswalk as Array<Record<string, unknown>>)[1].to = 'N-9';
      expectProblem(files, 'org-units.json: changes[0] (CH-1): crosswalk[1].to: ORG_UNIT_UNKNOWN');
    });

    it('a crosswalk from a unit the change does not end', () => {
      const files = sampleSeedFiles();
      const [change] = list(files, 'org-units.json', 'changes');
      change.ends = ['D-1', 'C-1'];
      expectProblem(files, 'org-units.json: changes[0] (CH-1): crosswalk[1].from: CROSSWALK_FROM_NOT_ENDED');
    });

    it("a new unit whose first day is not the change's date", () => {
      const files = sampleSeedFiles();
      list(files, 'org-units.json', 'orgUnits')[4].validFrom = '2025-08-01';
      expectProblem(files, 'org-units.json: changes[0] (CH-1): starts[0]: UNIT_START_MISMATCH');
    });

    it('a successor agency that does not exist', () => {
      const files = sampleSeedFiles();
      const [succession] = list(files, 'agencies.json', 'successions');
      (succession.successors as Array<Record<string, unknown>>)[0].agency = 'SOC-N-9';
      expectProblem(files, 'agencies.json: successions[0] (LAB-D-1): successors[0].agency: AGENCY_UNKNOWN');
    });

    it('an illustrative baseline that does not say how it was made up', () => {
      const files = sampleSeedFiles();
      list(files, 'baselines.json', 'baselines')[0].note = null;
      expectProblem(files, 'baselines.json: baselines[0] (population): note: ILLUSTRATIVE_NOTE_REQUIRED');
    });

    it('an illustrative figure passed off as official', () => {
      const files = sampleSeedFiles();
      list(files, 'baselines.json', 'baselines')[0].illustrative = false;
      expectProblem(files, 'baselines.json: baselines[0] (population): illustrative: ILLUSTRATIVE_MISMATCH');
    });

    it('a negative baseline value of one org unit', () => {
      const files = sampleSeedFiles();
      list(files, 'baselines.json', 'baselines')[0].values = { 'C-1': -5, 'C-2': 2000 };
      expectProblem(files, 'baselines.json: baselines[0] (population): values.C-1: NUMBER_OUT_OF_RANGE');
    });

    it('a baseline for an org unit that does not exist', () => {
      const files = sampleSeedFiles();
      list(files, 'baselines.json', 'baselines')[0].values = { 'C-9': 5 };
      expectProblem(files, 'baselines.json: baselines[0] (population): values.C-9: ORG_UNIT_UNKNOWN');
    });

    it('an entry or a rule that is not an object', () => {
      const files = sampleSeedFiles();
      indicators(files).push(42 as never);
      indicators(files)[0].contributions = ['count'];
      const found = problemsOf(files).map(where);
      expect(found).toEqual([
        'indicators.json: indicators[0] (houses_built): contributions[0]: RECORD_REQUIRED',
        'indicators.json: indicators[5]: (entry): RECORD_REQUIRED',
      ]);
    });

    it('a missing file, an unknown file and a file that is not an object', () => {
      const files: Files = sampleSeedFiles();
      delete files['agencies.json'];
      files['indicator.json'] = {};
      (files as Record<string, unknown>)['baselines.json'] = [];
      const found = problemsOf(files).map(where);
      expect(found).toEqual(
        expect.arrayContaining([
          'agencies.json: (file): (file): SEED_FILE_MISSING',
          'indicator.json: (file): (file): SEED_FILE_UNKNOWN',
          'baselines.json: (file): (file): SEED_FILE_SHAPE',
        ]),
      );
    });
  });

  it('reports every problem at once, not only the first', () => {
    const files = sampleSeedFiles();
    indicators(files)[0].kind = 'tally';
    indicators(files)[2].unit = '';
    list(files, 'org-units.json', 'orgUnits')[3].level = 'village';
    const problems = problemsOf(files);
    expect(problems.map(where)).toEqual([
      'org-units.json: orgUnits[3] (C-2): level: VALUE_NOT_ALLOWED',
      'indicators.json: indicators[0] (houses_built): kind: VALUE_NOT_ALLOWED',
      'indicators.json: indicators[2] (unemployment_rate): unit: TEXT_REQUIRED',
    ]);
    const error = new PlanSeedInvalidError('seeds', problems);
    expect(error.message).toContain('3 problem(s)');
    expect(error.message).toContain('- indicators.json: indicators[2] (unemployment_rate): unit: ');
  });
});
