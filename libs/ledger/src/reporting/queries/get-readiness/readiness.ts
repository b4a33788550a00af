// What keeps an instance from being ready, read from its health report: a store that does not answer, a
// projection that has failed, one more events behind the log than allowed, or projections whose state could
// not be read at all.
import type { HealthReport } from '../get-health/get-health.query';
import type { NotReadyPart } from './not-ready.error';

export function notReadyParts(health: HealthReport, maxLag: number): NotReadyPart[] {
  const parts: NotReadyPart[] = [];
  if (health.eventStore.status !== 'ok')
    parts.push({ part: 'eventStore', reason: `the ${health.eventStore.kind} event store does not answer` });
  if (health.readStore.status !== 'ok')
    parts.push({ part: 'readStore', reason: `the ${health.readStore.kind} read store does not answer` });
  if (health.projections.length === 0 && parts.length === 0)
    parts.push({ part: 'projections', name: 'all', reason: 'their state could not be read' });
  for (const projection of health.projections) {
    if (projection.state === 'failed')
      parts.push({ part: 'projections', name: projection.name, reason: 'failed; restart or rebuild it' });
    else if (projection.lag > maxLag)
      parts.push({
        part: 'projections',
        name: projection.name,
        reason: `${projection.lag} events behind the log (LEDGER_READY_MAX_LAG is ${maxLag})`,
      });
  }
  return parts;
}
