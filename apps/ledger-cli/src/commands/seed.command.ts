// seed [dir]: puts a plan folder on the record through the PlanSeeder; a second load appends nothing.
import { resolve } from 'node:path';
import { PlanModule, PlanSeeder } from '@ledger/ledger';
import { parseArgs, type CliCommand } from '../args';
import { progressPrinter, withLedger } from '../ledger-context';

export const seedCommand: CliCommand = {
  name: 'seed',
  summary: 'Load a plan folder (default seeds/) onto the record; loading it again appends nothing.',
  help: `Usage: npm run cli -- seed [DIR]

Loads the plan folder DIR (default: LEDGER_SEED_DIR, else seeds/): the plan, its indicators, targets,
org units, agencies and baselines, each fact appended as an event with an id derived from its name, so a
second load appends nothing and a changed fact is refused (change a target with a revision instead).
Exits 1 when the folder is invalid, naming each problem.`,
  async run(args) {
    const { positionals } = parseArgs('seed', args, { maxPositionals: 1 });
    return withLedger({ runProjections: false, features: [PlanModule] }, async (app, config) => {
      const folder = positionals[0] ? resolve(positionals[0]) : config.seedDir;
      const progress = progressPrinter('seed', 50);
      const report = await app
        .get(PlanSeeder)
        .seedFolder(folder, { onProgress: (d, t) => progress.update(d, t) });
      progress.done();
      console.log(
        `seed: plan ${report.planId} from ${folder}: ${report.facts} facts, ${report.appended} appended, ${report.alreadyRecorded} already recorded`,
      );
      return 0;
    });
  },
};
