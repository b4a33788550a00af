// Signs a tree head over the whole log as it stands: waits until the Merkle projection has every event, then
// signs unless the latest head already covers it. The api's start and the cli's seed both end with it, so a
// fresh ledger always has a head over the whole plan.
import type { EventStore } from '@ledger/event-store';
import type { ProjectionsHandle } from '../read/projections-handle';
import { MERKLE_LOG_PROJECTION } from './merkle-log.projection';
import type { StoredTreeHead, TreeHeads } from './tree-heads';

/** The new head, or null when the latest one already covers every event. */
export async function signHeadOverLog(
  eventStore: EventStore,
  runner: Pick<ProjectionsHandle, 'waitFor'>,
  heads: TreeHeads,
  timeoutMs = 30_000,
): Promise<StoredTreeHead | null> {
  const position = await eventStore.headPosition();
  await runner.waitFor(position, { projections: [MERKLE_LOG_PROJECTION], timeoutMs });
  return (await heads.latest()) === null ? heads.sign() : heads.signIfGrown();
}
