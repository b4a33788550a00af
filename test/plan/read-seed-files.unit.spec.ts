// The loader on disk: a malformed seed folder gets one error that lists every problem by file, entry
// and field, so a reviewer can fix it in one pass.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PlanSeedInvalidError } from '@ledger/domain';
import { readSeedFiles } from '@ledger/ledger/plan/read-seed-files';

const SEEDS = join(__dirname, '..', '..', 'seeds');

describe('readSeedFiles', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'plan-seeds-'));
    cpSync(SEEDS, folder, { recursive: true });
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const edit = (file: string, change: (json: Record<string, unknown>) => void) => {
    const path = join(folder, file);
    const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    change(json);
    writeFileSync(path, JSON.stringify(json, null, 2));
  };
  const errorOf = (): PlanSeedInvalidError => {
    try {
      readSeedFiles(folder);
    } catch (error) {
      if (error instanceof PlanSeedInvalidError) return error;
      throw error;
    }
    throw new Error('expected the seed folder to be refused');
  };

  it('reads a copy of the plan seeds', () => expect(readSeedFiles(folder).plan.planId).toBe('bac-ai-nq42'));

  it('lists every problem of a malformed folder as file: entry: field: message', () => {
    edit('indicators.json', (json) => {
      const [first, second] = json.indicators as Array<Record<string, unknown>>;
      first.kind = 'tally';
      (second.responsibility as Record<string, unknown>).lead = 'NO-SUCH-AGENCY';
      delete second.target;
    });
    edit('baselines.json', (json) => {
      (json.baselines as Array<Record<string, unknown>>)[0].illustrative = 'yes';
    });
    const error = errorOf();
    expect(error.problems.map((p) => `${p.file}: ${p.entry}: ${p.field}`)).toEqual([
      'indicators.json: indicators[0] (merit_families_living_standard): kind',
      'indicators.json: indicators[1] (unemployment_rate): target',
      'baselines.json: baselines[0] (population): illustrative',
    ]);
    expect(error.message).toContain(
      '- indicators.json: indicators[0] (merit_families_living_standard): kind: kind must be one of: count, ratio, measured, qualitative',
    );
  });

  it('checks references once every record is sound: an unknown agency in a responsibility', () => {
    edit('indicators.json', (json) => {
      const second = (json.indicators as Array<Record<string, unknown>>)[1];
      (second.responsibility as Record<string, unknown>).lead = 'NO-SUCH-AGENCY';
    });
    expect(errorOf().message).toContain(
      'indicators.json: indicators[1] (unemployment_rate): responsibility.lead: no agency NO-SUCH-AGENCY in agencies.json',
    );
  });

  it('names a file that is not JSON, and one that is missing', () => {
    writeFileSync(join(folder, 'plan.json'), '{ "plan": ');
    rmSync(join(folder, 'agencies.json'));
    const lines = errorOf().problems.map((p) => `${p.file}: ${p.entry}: ${p.field}: ${p.code}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        'plan.json: (file): (json): SEED_FILE_UNREADABLE',
        'agencies.json: (file): (file): SEED_FILE_MISSING',
      ]),
    );
    expect(lines.filter((l) => l.startsWith('plan.json'))).toHaveLength(1);
  });

  it('names a folder that does not exist', () => {
    expect(() => readSeedFiles(join(folder, 'nope'))).toThrow(/SEED_FOLDER_UNREADABLE|no such file/);
  });
});
