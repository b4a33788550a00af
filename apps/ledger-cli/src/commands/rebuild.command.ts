// rebuild [projection]: rebuilds projections from position 0 into a new generation, switching over at the end.
import type { ProjectionRunner } from '@ledger/projections';
import { PROJECTION_RUNNER } from '@ledger/ledger';
import { parseArgs, UsageError, type CliCommand } from '../args';
import { withLedger } from '../ledger-context';

export const rebuildCommand: CliCommand = {
  name: 'rebuild',
  summary: 'Rebuild one projection (or all) from position 0, switching over at the end.',
  help: `Usage: npm run cli -- rebuild [PROJECTION]

Rebuilds PROJECTION (default: every projection) from the first event into a new generation, printing the
progress (events and events/s); readers keep the old generation until the new one has caught up with the
head, then it switches over. Stop the projector (or the api running projections) first.`,
  async run(args) {
    const { positionals } = parseArgs('rebuild', args, { maxPositionals: 1 });
    return withLedger({ runProjections: false, features: [] }, async (app) => {
      const runner = app.get<ProjectionRunner>(PROJECTION_RUNNER);
      const names = positionals[0] ? [positionals[0]] : runner.projectionNames;
      for (const name of names)
        if (!runner.projectionNames.includes(name))
          throw new UsageError(
            `rebuild: no projection ${name} (one of ${runner.projectionNames.join(', ')})`,
          );
      const tty = process.stderr.isTTY === true;
      for (const name of names) {
        const result = await runner.rebuild(name, {
          onProgress: (p) => {
            const line = `rebuild ${name}: ${p.position}/${p.targetPosition} events, ${p.eventsPerSecond.toFixed(0)} events/s`;
            if (tty) process.stderr.write(`\r${line} `);
            else console.log(line);
          },
        });
        if (tty) process.stderr.write('\n');
        console.log(
          `rebuild ${name}: generation ${result.generation}, ${result.eventsDone} events in ${(result.elapsedMs / 1000).toFixed(1)}s, switched over`,
        );
      }
      return 0;
    });
  },
};
