// report: the periodic reports of the plan's section IV.3, as CSV, JSON or Markdown, to a file or stdout.
import { writeFileSync } from 'node:fs';
import { QueryBus } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import type { ProjectionRunner } from '@ledger/projections';
import {
  GetReportQuery,
  PROJECTION_RUNNER,
  ReportingModule,
  reportToCsv,
  reportToMarkdown,
} from '@ledger/ledger';
import { parseArgs, UsageError, type CliCommand } from '../args';
import { withLedger } from '../ledger-context';

const FORMATS = ['csv', 'json', 'md'];

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'Write a periodic report (annual, 3-year, 5-year) as csv, json or md.',
  help: `Usage: npm run cli -- report --period 2025|2024-2026|2021-2025 [--org-unit CODE] [--format csv|json|md] [--out FILE]

The periodic reports of the plan's section IV.3: each indicator's value at the start and end of the
period, the change, the figure expected by the end and its status, for the whole district or one org unit.
Brings the projections up to the head of the event store first.
  --format  csv (UTF-8 with BOM, for spreadsheets), json or md (default csv)
  --out     write to FILE instead of stdout`,
  async run(args) {
    const { options } = parseArgs('report', args, {
      options: ['--period', '--org-unit', '--format', '--out'],
    });
    const period = options['--period'];
    const format = options['--format'] ?? 'csv';
    if (!period) throw new UsageError('report: --period is required (e.g. 2025, 2024-2026, 2021-2025)');
    if (!FORMATS.includes(format))
      throw new UsageError(`report: --format must be one of ${FORMATS.join(', ')}`);
    return withLedger({ runProjections: true, features: [ReportingModule] }, async (app) => {
      const head = await app.get<EventStore>(EVENT_STORE).headPosition();
      await app.get<ProjectionRunner>(PROJECTION_RUNNER).waitFor(head, { timeoutMs: 120_000 });
      const report = await app.get(QueryBus).execute(new GetReportQuery(period, options['--org-unit']));
      const text =
        format === 'csv'
          ? reportToCsv(report)
          : format === 'md'
            ? reportToMarkdown(report)
            : JSON.stringify(report, null, 2) + '\n';
      const out = options['--out'];
      if (out) {
        writeFileSync(out, text);
        console.log(
          `report: ${report.kind} ${report.period} of ${report.orgUnit}, ${report.rows.length} indicators -> ${out}`,
        );
      } else process.stdout.write(text);
      return 0;
    });
  },
};
