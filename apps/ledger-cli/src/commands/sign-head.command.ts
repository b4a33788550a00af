// sign-head: signs a tree head over the whole log with the api stopped, as POST /ledger/heads does while it
// runs, so that `evidence` can prove every event, the newest included, without a server.
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import type { ProjectionRunner } from '@ledger/projections';
import {
  PROJECTION_RUNNER,
  signHeadOverLog,
  TREE_HEADS,
  TreeHeadSigningModule,
  type StoredTreeHead,
  type TreeHeads,
} from '@ledger/ledger';
import { parseArgs, type CliCommand } from '../args';
import { withLedger } from '../ledger-context';

const describe = (head: StoredTreeHead) =>
  `tree head ${head.sequence}: size ${head.treeSize}, root ${head.rootHash}, at ${head.timestamp}` +
  (head.logId ? `, key ${head.logId}` : '');

export const signHeadCommand: CliCommand = {
  name: 'sign-head',
  summary: 'Sign a tree head over the whole log with the api stopped (so evidence covers every event).',
  help: `Usage: npm run cli -- sign-head [--force]

Brings the Merkle log up to the last recorded event (running the projections, as the api does), then
signs a tree head with the log's key (LEDGER_SIGNING_KEY, else <dataDir>/secrets/log-signing-key.pem)
and keeps it with the others, unless the latest head already covers every event: then it says so and
signs nothing. --force signs a new head all the same (a fresh time on the same tree).
Stop the api and the projector first: only one process may run the projections on a read store. While
the api runs, an admin signs a head with POST /ledger/heads instead.
Prints the head: sequence, size, root, time and key id. Exits 1 when a store cannot be used.`,
  async run(args) {
    const { flags } = parseArgs('sign-head', args, { flags: ['--force'] });
    return withLedger({ runProjections: true, features: [TreeHeadSigningModule] }, async (app) => {
      const heads = app.get<TreeHeads>(TREE_HEADS);
      const head = await signHeadOverLog(
        app.get<EventStore>(EVENT_STORE),
        app.get<ProjectionRunner>(PROJECTION_RUNNER),
        heads,
        120_000,
      );
      if (head) {
        console.log(`sign-head: signed ${describe(head)}`);
        return 0;
      }
      if (flags.has('--force')) {
        console.log(`sign-head: signed ${describe(await heads.sign())}`);
        return 0;
      }
      const latest = await heads.latest();
      console.log(
        `sign-head: the latest head already covers every event (${latest ? describe(latest) : 'none'}); nothing signed (--force signs one anyway)`,
      );
      return 0;
    });
  },
};
