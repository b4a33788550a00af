// The benchmark suite: append, HTTP, rebuild and dashboard reads, each beside its limit (and a
// peer where there is one) measured in the same run; medians of several runs. Prints a table, writes
// bench/results/<date>-<profile>.json and the summary block of docs/benchmarks.md.
//
//   npm run bench                        quick profile (under 3 minutes on 2 cores)
//   npm run bench -- --profile full      1M events, longer runs
//   npm run bench -- --only append,http  some scenarios (append, http, stores, backup, upload)
//   npm run bench -- --sizes 10000,50000 event counts of the rebuild, dashboard and backup scenarios
//   npm run bench -- --rebuild-sizes none  of those sizes, those whose rebuild is measured (default: all;
//                                        the others are rebuilt once, unmeasured, before their reads)
//   npm run bench -- --no-save           print only
//   npm run bench -- --only upload --upload-rows 2000   rows of the upload scenario (default 10000)
import { resolve } from 'node:path';
import { progress, seconds, stringOption } from './bench-support';
import { machine, printTable, save, type Results, type Row } from './report';
import { appendScenario } from './scenario-append';
import { backupScenario } from './scenario-backup';
import { httpScenario } from './scenario-http';
import { storeScenarios, type StoreFigures } from './scenario-stores';
import { uploadScenario } from './scenario-upload';

const PROFILES = {
  quick: {
    append: { seconds: 1, runs: 2 },
    http: { seconds: 2, runs: 2, connections: 64 },
    stores: { sizes: [10_000, 100_000], rebuildSizes: [10_000, 100_000], rebuildRuns: 2, readRequests: 200 },
    backup: { sizes: [100_000] },
  },
  full: {
    append: { seconds: 5, runs: 5 },
    http: { seconds: 15, runs: 5, connections: 64 },
    stores: {
      sizes: [10_000, 100_000, 1_000_000],
      rebuildSizes: [10_000, 100_000, 1_000_000],
      rebuildRuns: 3,
      readRequests: 1000,
    },
    backup: { sizes: [100_000, 1_000_000] },
  },
};

/** Assumptions of the scale note; stated with it in the results. */
const SCALE = {
  eventsPerBeneficiaryPerYear: 6,
  working: { days: 250, hours: 8 },
  peakToAverage: 10,
  populations: [
    { name: 'one district (Bác Ái, ~35,000 residents)', people: 35_000 },
    { name: 'one province (Ninh Thuận, ~600,000)', people: 600_000 },
    { name: 'the whole country (~101 million)', people: 101_000_000 },
  ],
};

function scaleNote(rows: readonly Row[], stores: StoreFigures | undefined): string[] {
  const http = rows.find((r) => r.scenario === 'http' && r.unit === 'commands/s');
  const append64 = rows.find((r) => r.scenario === 'append' && r.case.includes('64 writers'));
  const perYearSeconds = SCALE.working.days * SCALE.working.hours * 3600;
  const e = SCALE.eventsPerBeneficiaryPerYear;
  const lines = [
    `Assumptions: every resident is a beneficiary with ${e} recorded actions a year (a health insurance card, ` +
      'four allowance or subsidy payments, one other action); actions are recorded on ' +
      `${SCALE.working.days} working days of ${SCALE.working.hours} hours, with peak hours ${SCALE.peakToAverage}x the average.`,
  ];
  for (const { name, people } of SCALE.populations) {
    const perYear = people * e;
    const peak = (perYear / perYearSeconds) * SCALE.peakToAverage;
    const parts = [
      `${name}: ${(perYear / 1e6).toFixed(2)}M events a year, peak ${peak.toFixed(1)} commands/s`,
    ];
    if (http) parts.push(`${(http.value / peak).toFixed(1)}x headroom on one node's HTTP rate`);
    if (stores) {
      const gib = (perYear * (stores.bytesPerEvent.events + stores.bytesPerEvent.readStore)) / 2 ** 30;
      parts.push(`${gib.toFixed(1)} GiB a year on disk (event log + read store)`);
      if (stores.rebuildRate > 0) {
        const hours = (perYear * 5) / stores.rebuildRate / 3600;
        parts.push(
          `a full rebuild of 5 years takes ${hours < 1 ? `${(hours * 60).toFixed(0)} min` : `${hours.toFixed(1)} h`}`,
        );
      }
    }
    lines.push(parts.join('; '));
  }
  if (http && append64) {
    const districts = Math.floor(http.value / ((35_000 * e * SCALE.peakToAverage) / perYearSeconds));
    lines.push(
      `One embedded node carries about ${districts.toLocaleString('en-US')} districts of Bác Ái's size by write rate ` +
        '(HTTP, the narrower of the two write limits), so a province and even the whole country fit its write rate. ' +
        'What does not fit one node is the rest: the file sizes, the time to rebuild the projections from position 0 ' +
        '(hours to days at country scale), and a single machine without failover. The production stores ' +
        '(EventStoreDB cluster, MongoDB replica set, stateless API instances, projector apart) take over from the ' +
        'size of a province on, or as soon as the ledger must survive the loss of a machine.',
    );
  }
  return lines;
}

async function main(): Promise<void> {
  const profileName = stringOption('profile', 'quick');
  if (profileName !== 'quick' && profileName !== 'full') throw new Error('--profile is quick or full');
  const profile = PROFILES[profileName];
  const sizes = stringOption('sizes', '');
  if (sizes) {
    const list = sizes.split(',').map(Number);
    profile.stores = { ...profile.stores, sizes: list, rebuildSizes: list };
    profile.backup = { sizes: list };
  }
  const rebuildSizes = stringOption('rebuild-sizes', '');
  if (rebuildSizes) {
    const list = rebuildSizes === 'none' ? [] : rebuildSizes.split(',').map(Number);
    profile.stores = { ...profile.stores, rebuildSizes: list };
  }
  const only = new Set(stringOption('only', 'append,http,stores,backup').split(','));
  const save_ = !process.argv.includes('--no-save');
  const started = process.hrtime.bigint();
  const date = new Date().toISOString();
  console.log(`bench, profile ${profileName}: ${[...only].join(', ')}`);
  const rows: Row[] = [];
  let stores: StoreFigures | undefined;
  if (only.has('append')) rows.push(...(await appendScenario(profile.append)));
  if (only.has('http')) rows.push(...(await httpScenario(profile.http)));
  if (only.has('stores') || only.has('rebuild') || only.has('dashboard')) {
    stores = await storeScenarios(profile.stores);
    rows.push(...stores.rows);
  }
  if (only.has('backup')) rows.push(...(await backupScenario(profile.backup)));
  if (only.has('upload'))
    rows.push(...(await uploadScenario({ rows: Number(stringOption('upload-rows', '10000')) })));
  const results: Results = {
    date,
    profile: profileName,
    durationSeconds: seconds(started),
    machine: machine(),
    rows,
    scale: scaleNote(rows, stores),
  };
  console.log('');
  printTable(rows);
  console.log('');
  for (const line of results.scale ?? []) console.log(`scale: ${line}`);
  if (save_) {
    const root = resolve(__dirname, '..', '..');
    const written = save(results, root);
    progress(`wrote ${written.json} and the summary in ${written.doc}`);
  }
  console.log(`\ndone in ${results.durationSeconds.toFixed(0)} s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
