import { conflict } from '../shared/domain-error';
import { sameRecord } from './plan-values';

/**
 * A fact that is stated once: stating it again with the same content is nothing new (so loading the seeds
 * twice appends nothing), stating something else is a conflict (correct the first, or revise it).
 */
export function statedOnce<E>(
  current: unknown,
  next: unknown,
  event: E,
  conflictCode: string,
  conflictMessage: string,
): E[] {
  if (current === null || current === undefined) return [event];
  if (sameRecord(current, next)) return [];
  throw conflict(conflictCode, conflictMessage);
}
