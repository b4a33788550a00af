// import FILE.csv|FILE.xlsx: registers of actions, one per row, read as a stream (the file is never held
// whole in memory). Each row is checked with the api's request classes and recorded through the CommandBus
// with the api's commands, so every domain rule applies; its row id (else its own cells) gives the event id,
// so importing the same file again appends nothing twice. `import --template ACTION` writes a register's
// template.
import { createReadStream, existsSync, rmSync, writeFileSync } from 'node:fs';
import {
  ActionCommandsModule,
  CsvSyntaxError,
  formatOfName,
  IMPORTABLE_COMMANDS,
  PLAN_SEED,
  planCodesOn,
  rejectedRowsCsv,
  sheetRows,
  templateCsv,
  templateXlsx,
  UploadHeaderError,
  UploadModule,
  UploadService,
  WRITE_ACCESS,
  type UploadFormat,
} from '@ledger/ledger';
import { todayInLedgerZone, type PlanSeed, type WritePolicyContext } from '@ledger/domain';
import { parseArgs, UsageError, type CliCommand } from '../args';
import { progressPrinter, withLedger } from '../ledger-context';

const ACTION_NAMES = [...IMPORTABLE_COMMANDS.keys()];

/** The data rows of the file (one streamed pass), for the progress line's total. */
async function countRows(file: string, format: UploadFormat): Promise<number> {
  let rows = -1;
  for await (const _row of sheetRows(createReadStream(file), format)) rows++;
  return Math.max(0, rows);
}

async function writeTemplate(action: string, lang: string, out: string | undefined): Promise<number> {
  const importable = IMPORTABLE_COMMANDS.get(action);
  if (!importable) throw new UsageError(`import: no action ${action}; one of ${ACTION_NAMES.join(', ')}`);
  if (lang !== 'vi' && lang !== 'en') throw new UsageError('import: --lang must be vi or en');
  const file = out ?? `${action}.xlsx`;
  const format = formatOfName(file);
  if (!format) throw new UsageError('import: --out must end in .xlsx or .csv');
  await withLedger({ runProjections: false }, async (app) => {
    const codes = planCodesOn(
      app.get<PlanSeed>(PLAN_SEED),
      app.get<WritePolicyContext>(WRITE_ACCESS),
      todayInLedgerZone(),
    );
    // The operator's template has officer and agency columns: he imports the registers of several agencies.
    const data =
      format === 'csv'
        ? templateCsv(importable, lang, codes, true)
        : await templateXlsx(importable, lang, codes, true);
    writeFileSync(file, data);
  });
  console.log(`import: template of ${action} written to ${file}`);
  return 0;
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Import a register of actions (CSV or xlsx), one per row; re-importing appends nothing twice.',
  help: `Usage: npm run cli -- import FILE.csv|FILE.xlsx [--action ACTION] [--dry-run]
       npm run cli -- import --template ACTION [--lang vi|en] [--out FILE.xlsx|FILE.csv]

Records actions, one per row of a register: CSV (RFC 4180, UTF-8, optional BOM) or xlsx (its first
worksheet), a header row first, read as a stream. Columns: row_id (optional), officer, agency, occurred_at,
then what the action needs, and action unless --action names it for every row; see seeds/examples/README.md
and seeds/examples/past-actions.csv. Headers may be the column keys or a template's headers.
Actions: ${ACTION_NAMES.join(', ')}.
Each row is checked like an api request and recorded through the same commands, so every rule applies.
A row's event id comes from its row_id (else from its cells): importing the same file again appends nothing.
--dry-run checks every row and records nothing. Progress goes to stderr (one updating line on a terminal).
Rejected rows go to FILE.rejected.csv beside it (row, line, row_id, column, reason in Vietnamese); exits 1
when any row was rejected.
--template writes the template of an action's register (drop-down lists of the plan's codes, an example
row, a notes sheet); default ACTION.xlsx.`,
  async run(args) {
    const { positionals, options, flags } = parseArgs('import', args, {
      options: ['--action', '--template', '--lang', '--out'],
      flags: ['--dry-run'],
      maxPositionals: 1,
    });
    if (options['--template'] !== undefined)
      return writeTemplate(options['--template'], options['--lang'] ?? 'vi', options['--out']);
    const file = positionals[0];
    if (!file) throw new UsageError('import: FILE.csv or FILE.xlsx is required');
    if (!existsSync(file)) throw new UsageError(`import: no file ${file}`);
    const format = formatOfName(file);
    if (!format) throw new UsageError('import: the file must end in .csv or .xlsx');
    if (options['--action'] !== undefined && !IMPORTABLE_COMMANDS.has(options['--action']))
      throw new UsageError(`import: no action ${options['--action']}; one of ${ACTION_NAMES.join(', ')}`);
    const commit = !flags.has('--dry-run');
    const rejectedFile = `${file}.rejected.csv`;
    let summary;
    try {
      const total = await countRows(file, format);
      summary = await withLedger(
        { runProjections: false, features: [ActionCommandsModule, UploadModule] },
        async (app) => {
          const progress = progressPrinter('import', 500);
          try {
            return await app.get(UploadService).run(sheetRows(createReadStream(file), format), {
              command: options['--action'],
              // The operator imports the agencies' registers with access to the data directory.
              authority: { operator: 'ledger-cli import' },
              commit,
              total,
              onProgress: (done) => progress.update(done, total),
            });
          } finally {
            progress.done();
          }
        },
      );
    } catch (error) {
      if (error instanceof CsvSyntaxError) {
        console.error(`import: ${file} is not valid CSV: ${error.message}`);
        return 1;
      }
      if (error instanceof UploadHeaderError) {
        const hint = error.missing.includes('action')
          ? ' (or name the action of every row with --action)'
          : '';
        console.error(`import: ${file} lacks the column(s) ${error.missing.join(', ')}${hint}`);
        return 1;
      }
      throw error;
    }
    if (summary.problems.length > 0) writeFileSync(rejectedFile, rejectedRowsCsv(summary.problems));
    else if (existsSync(rejectedFile)) rmSync(rejectedFile);
    const done = commit
      ? `${summary.recorded} appended, ${summary.alreadyRecorded} already recorded`
      : `${summary.valid} valid (dry run: nothing recorded)`;
    console.log(
      `import: ${summary.rows} rows: ${done}, ${summary.rejected} rejected` +
        (summary.rejected > 0 ? ` (reasons in ${rejectedFile})` : ''),
    );
    return summary.rejected > 0 ? 1 : 0;
  },
};
