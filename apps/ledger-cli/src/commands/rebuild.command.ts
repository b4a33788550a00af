// rebuild [projection]: rebuilds projections from position 0 into new generations, switching over at the end.
// Every projection at once reads the log once for all of them (the restore does the same); one projection
// reads it for itself alone.
import type { ProjectionRunner, RebuildProgress } from '@ledger/projections';
import { PROJECTION_RUNNER } from '@ledger/ledger';
import { parseArgs, UsageError, type CliCommand } from '../args';
import { rebuildWithProgress, withLedger } from '../ledger-context';

/** A plain progress line every this many events when stderr is not a terminal. */
const PROGRESS_EVERY = 100_000;

function summary(result: RebuildProgress): string {
  return `rebuild ${result.projection}: generation ${result.generation}, ${result.eventsDone} events in ${(result.elapsedMs / 1000).toFixed(1)}s, switched over`;
}

export const rebuildCommand: CliCommand = {
  name: 'rebuild',
  summary: 'Rebuild one projection (or all) from position 0, switching over at the end.',
  help: `Usage: npm run cli -- rebuild [PROJECTION]

Rebuilds PROJECTION (default: every projection, in one pass over the log) from the first event into a new
generation, printing the progress (events, events/s and the time left); readers keep the old generation
until the new one has caught up with the head, then it switches over. Stop the projector (or the api
running projections) first.`,
  async run(args) {
    const { positionals } = parseArgs('rebuild', args, { maxPositionals: 1 });
    return withLedger({ runProjections: false, features: [] }, async (app) => {
      const runner = app.get<ProjectionRunner>(PROJECTION_RUNNER);
      const name = positionals[0];
      if (name !== undefined && !runner.projectionNames.includes(name))
        throw new UsageError(`rebuild: no projection ${name} (one of ${runner.projectionNames.join(', ')})`);
      const label = `rebuild ${name ?? `${runner.projectionNames.length} projections`} (events)`;
      const results = await rebuildWithProgress(runner, label, PROGRESS_EVERY, name);
      for (const result of results) console.log(summary(result));
      return 0;
    });
  },
};
