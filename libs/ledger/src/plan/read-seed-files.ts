// The only I/O of the plan seeds: read the JSON files of a seed folder and hand them to the pure validator.
// Returns a typed PlanSeed, or throws PlanSeedInvalidError listing every problem as `file: entry: field: message`.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PlanSeedInvalidError, validatePlanSeed, type PlanSeed, type SeedProblem } from '@ledger/domain';

/** The default plan folder: seeds/ at the repository root (the process's working directory). */
export const DEFAULT_SEED_FOLDER = 'seeds';

export function readSeedFiles(folder: string = DEFAULT_SEED_FOLDER): PlanSeed {
  const path = resolve(folder);
  let names: string[];
  try {
    names = readdirSync(path).filter((name) => name.endsWith('.json'));
  } catch (error) {
    throw new PlanSeedInvalidError(path, [
      {
        file: path,
        entry: '(folder)',
        field: '(folder)',
        code: 'SEED_FOLDER_UNREADABLE',
        message: messageOf(error),
      },
    ]);
  }
  const files: Record<string, unknown> = {};
  const problems: SeedProblem[] = [];
  for (const name of names.sort()) {
    try {
      files[name] = JSON.parse(readFileSync(join(path, name), 'utf8')) as unknown;
    } catch (error) {
      problems.push({
        file: name,
        entry: '(file)',
        field: '(json)',
        code: 'SEED_FILE_UNREADABLE',
        message: messageOf(error),
      });
    }
  }
  const result = validatePlanSeed(files);
  // A file that does not parse is also reported missing by the validator; keep the parse error only.
  const unreadable = new Set(problems.map((p) => p.file));
  if (!result.ok) {
    problems.push(
      ...result.problems.filter((p) => !(unreadable.has(p.file) && p.code === 'SEED_FILE_MISSING')),
    );
  }
  if (problems.length > 0 || !result.ok) throw new PlanSeedInvalidError(path, problems);
  return result.seed;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
