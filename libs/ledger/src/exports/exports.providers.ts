// The exports' companion seed files (dhis2-mapping.json, iati-activity.json), read from the plan folder and
// validated once per process at start, like the other seed files: a wrong file stops the start with every
// problem named.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FactoryProvider } from '@nestjs/common';
import {
  DHIS2_MAPPING_FILE,
  EMPTY_DHIS2_MAPPING,
  IATI_ACTIVITY_FILE,
  PlanSeedInvalidError,
  validateDhis2Mapping,
  validateIatiActivitySeed,
  type Dhis2Mapping,
  type IatiActivitySeed,
  type PlanSeed,
  type SeedProblem,
} from '@ledger/domain';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config';
import { PLAN_SEED } from '../read/projections.providers';

export const DHIS2_MAPPING = Symbol('DHIS2_MAPPING');
export const IATI_ACTIVITY = Symbol('IATI_ACTIVITY');

type Read = { ok: true; json: unknown } | { ok: false; missing: boolean; problem: SeedProblem };

function readJson(folder: string, file: string): Read {
  let text: string;
  try {
    text = readFileSync(join(folder, file), 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return { ok: false, missing, problem: problem(file, 'SEED_FILE_UNREADABLE', messageOf(error)) };
  }
  try {
    return { ok: true, json: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, missing: false, problem: problem(file, 'SEED_FILE_UNREADABLE', messageOf(error)) };
  }
}

const problem = (file: string, code: string, message: string): SeedProblem => ({
  file,
  entry: '(file)',
  field: '(json)',
  code,
  message,
});
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A folder without dhis2-mapping.json maps nothing: every indicator and unit is reported unmapped. */
export function dhis2MappingFromFolder(folder: string, seed: PlanSeed): Dhis2Mapping {
  const read = readJson(folder, DHIS2_MAPPING_FILE);
  if (!read.ok) {
    if (read.missing) return EMPTY_DHIS2_MAPPING;
    throw new PlanSeedInvalidError(folder, [read.problem]);
  }
  const { mapping, problems } = validateDhis2Mapping(read.json, {
    indicators: seed.indicators.map((i) => i.definition.key),
    orgUnits: seed.orgUnits.map((u) => u.code),
  });
  if (problems.length > 0) throw new PlanSeedInvalidError(folder, problems);
  return mapping;
}

/** null when the folder has no iati-activity.json: the IATI export then answers 404 saying so. */
export function iatiActivityFromFolder(folder: string, seed: PlanSeed): IatiActivitySeed | null {
  const read = readJson(folder, IATI_ACTIVITY_FILE);
  if (!read.ok) {
    if (read.missing) return null;
    throw new PlanSeedInvalidError(folder, [read.problem]);
  }
  const { seed: activity, problems } = validateIatiActivitySeed(read.json, seed.agencies);
  if (problems.length > 0 || activity === null) throw new PlanSeedInvalidError(folder, problems);
  return activity;
}

export const dhis2MappingProvider: FactoryProvider<Dhis2Mapping> = {
  provide: DHIS2_MAPPING,
  inject: [LEDGER_CONFIG, PLAN_SEED],
  useFactory: (config: LedgerConfig, seed: PlanSeed) => dhis2MappingFromFolder(config.seedDir, seed),
};

export const iatiActivityProvider: FactoryProvider<IatiActivitySeed | null> = {
  provide: IATI_ACTIVITY,
  inject: [LEDGER_CONFIG, PLAN_SEED],
  useFactory: (config: LedgerConfig, seed: PlanSeed) => iatiActivityFromFolder(config.seedDir, seed),
};
