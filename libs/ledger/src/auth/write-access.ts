// The write rules of the plan folder in force in this process: org-unit scope from the org units, recording
// rights from recording-rights.json, lead agencies from the indicators. The executor asks it about every
// decided command before appending.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FactoryProvider } from '@nestjs/common';
import {
  accountWriteRule,
  fourEyesWriteRules,
  levelLookup,
  ORG_UNIT_LEVELS,
  OrgScope,
  planLeadOn,
  planAggregates,
  personalDataWriteRule,
  PlanSeedInvalidError,
  RECORDING_RIGHTS_FILE,
  RECORDING_TASKS,
  RecordingRights,
  validateRecordingRights,
  type PlanSeed,
  type WritePolicyContext,
} from '@ledger/domain';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config';
import { PLAN_SEED } from '../read/projections.providers';

export const WRITE_ACCESS = Symbol('WRITE_ACCESS');

export function writeAccessFromSeed(seed: PlanSeed, rightsJson: unknown, folder: string): WritePolicyContext {
  const { rights, problems } = validateRecordingRights(rightsJson, {
    agencies: seed.agencies,
    levels: ORG_UNIT_LEVELS,
    actions: RECORDING_TASKS,
  });
  if (problems.length > 0) {
    throw new PlanSeedInvalidError(
      folder,
      problems.map((message) => ({
        file: RECORDING_RIGHTS_FILE,
        entry: '',
        field: '',
        code: 'RECORDING_RIGHTS_INVALID',
        message,
      })),
    );
  }
  const leads = new Map(seed.indicators.map((i) => [i.definition.key, i.responsibility.lead]));
  return {
    rights: new RecordingRights(rights, seed.agencies, levelLookup(seed.orgUnits), seed.agencySuccessions),
    scope: new OrgScope(seed.orgUnits, seed.orgUnitChanges),
    actionAggregates: new Set(RECORDING_TASKS),
    planAggregates: new Set(planAggregates.map((a) => a.name)),
    leadAgencyOf: (key) => leads.get(key),
    levelOf: levelLookup(seed.orgUnits),
    rules: [
      personalDataWriteRule,
      accountWriteRule,
      ...fourEyesWriteRules({
        peoplesCommittees: new Set(
          seed.agencies.filter((a) => a.kind === 'peoples_committee').map((a) => a.code),
        ),
      }),
    ],
    planLeadOn: (day) => planLeadOn(seed.plan, day),
    successions: seed.agencySuccessions,
    inForce: {
      orgUnits: { units: seed.orgUnits, changes: seed.orgUnitChanges },
      agencies: seed.agencies,
      successions: seed.agencySuccessions,
    },
  };
}

function readRightsFile(folder: string): unknown {
  try {
    return JSON.parse(readFileSync(join(folder, RECORDING_RIGHTS_FILE), 'utf8')) as unknown;
  } catch (error) {
    // Missing or unreadable: no agency may record anything, and the validator says why.
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

export const writeAccessProvider: FactoryProvider<WritePolicyContext> = {
  provide: WRITE_ACCESS,
  inject: [LEDGER_CONFIG, PLAN_SEED],
  useFactory: (config: LedgerConfig, seed: PlanSeed) =>
    writeAccessFromSeed(seed, readRightsFile(config.seedDir), config.seedDir),
};
