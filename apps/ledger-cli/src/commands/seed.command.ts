// seed [dir]: puts a plan folder on the record through the PlanSeeder; a second load appends nothing. Then,
// as the api does at start, it signs a tree head over the whole log unless the latest one covers it.
import { resolve } from 'node:path';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import type { ProjectionRunner } from '@ledger/projections';
import {
  PlanModule,
  PlanSeeder,
  PROJECTION_RUNNER,
  signHeadOverLog,
  TREE_HEADS,
  TreeHeadSigningModule,
  type TreeHeads,
} from '@ledger/ledger';
import { parseArgs, type CliCommand } from '../args';
import { progressPrinter, withLedger } from '../ledger-context';

export const seedCommand: CliCommand = {
  name: 'seed',
  summary:
    'Load a plan folder (default seeds/) onto the record and sign a tree head; loading it again appends nothing.',
  help: `Usage: npm run cli -- seed [DIR]

Loads the plan folder DIR (default: LEDGER_SEED_DIR, else seeds/): the plan, its indicators, targets,
org units, agencies and baselines, each fact appended as an event with an id derived from its name, so a
second load appends nothing and a changed fact is refused (change a target with a revision instead).
Then signs a tree head over the whole log, as the api does at start, unless the latest head already
covers it (nothing is signed when LEDGER_HEAD_SIGNING_INTERVAL_MINUTES is 0).
Exits 1 when the folder is invalid, naming each problem.`,
  async run(args) {
    const { positionals } = parseArgs('seed', args, { maxPositionals: 1 });
    return withLedger(
      { runProjections: true, features: [PlanModule, TreeHeadSigningModule] },
      async (app, config) => {
        const folder = positionals[0] ? resolve(positionals[0]) : config.seedDir;
        const progress = progressPrinter('seed', 50);
        const report = await app
          .get(PlanSeeder)
          .seedFolder(folder, { onProgress: (d, t) => progress.update(d, t) });
        progress.done();
        console.log(
          `seed: plan ${report.planId} from ${folder}: ${report.facts} facts, ${report.appended} appended, ${report.alreadyRecorded} already recorded`,
        );
        if (config.headSigningIntervalMinutes === 0) {
          console.log('seed: tree heads: not signed (LEDGER_HEAD_SIGNING_INTERVAL_MINUTES=0)');
          return 0;
        }
        const head = await signHeadOverLog(
          app.get<EventStore>(EVENT_STORE),
          app.get<ProjectionRunner>(PROJECTION_RUNNER),
          app.get<TreeHeads>(TREE_HEADS),
          120_000,
        );
        console.log(
          head
            ? `seed: signed tree head ${head.sequence}: size ${head.treeSize}`
            : 'seed: tree heads: the latest head already covers every event',
        );
        return 0;
      },
    );
  },
};
