// Validated records of the sample seed, for decider specs.
import { formatSeedProblem, validatePlanSeed, type PlanSeed } from '../plan-seed';
import { sampleSeedFiles } from './sample-seed';

export function sampleSeed(): PlanSeed {
  const result = validatePlanSeed(sampleSeedFiles());
  if (!result.ok) throw new Error(result.problems.map(formatSeedProblem).join('\n'));
  return result.seed;
}

export const NOW = '2025-01-15T10:00:00+07:00';
export const timed = { occurredAt: '2025-01-15', now: NOW };
