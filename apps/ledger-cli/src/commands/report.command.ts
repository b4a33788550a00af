// report: the periodic reports of the plan's section IV.3, as CSV, JSON, Markdown, xlsx or printable HTML, to a
// file or stdout.
import { writeFileSync } from 'node:fs';
import { QueryBus } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import type { ProjectionRunner } from '@ledger/projections';
import {
  BOUNDARIES,
  GetReportQuery,
  PROJECTION_RUNNER,
  REPORT_LANGS,
  ReportingModule,
  reportToCsv,
  reportToHtml,
  reportToMarkdown,
  reportToXlsx,
  type Boundary,
  type Report,
  type ReportLang,
} from '@ledger/ledger';
import { parseArgs, UsageError, type CliCommand } from '../args';
import { withLedger } from '../ledger-context';

const FORMATS = ['csv', 'json', 'md', 'xlsx', 'html'];

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'Write a periodic report (annual, 3-year, 5-year) as csv, json, md, xlsx or printable html.',
  help: `Usage: npm run cli -- report --period 2025|2024-2026|2021-2025 [--org-unit CODE]
         [--format csv|json|md|xlsx|html] [--lang vi|en] [--indicator KEY[,KEY...]]
         [--boundary former|current] [--out FILE]

The periodic reports of the plan's section IV.3: each indicator's value at the start and end of the
period, the change, the figure expected by the end and its status, for the whole district or one org unit.
Brings the projections up to the head of the event store first.
  --format     csv (UTF-8 with BOM, for spreadsheets), json, md, xlsx (a workbook for a meeting; needs
               --out) or html (a page to print on A4) (default csv)
  --lang       the language of xlsx and html: vi (default) or en
  --indicator  indicator keys whose figure is given for every commune (a chart in html, a sheet in xlsx)
  --boundary   the communes before (former) or from (current) 1 July 2025; default: those in force then
  --out        write to FILE instead of stdout`,
  async run(args) {
    const { options } = parseArgs('report', args, {
      options: ['--period', '--org-unit', '--format', '--out', '--lang', '--indicator', '--boundary'],
    });
    const lang = (options['--lang'] ?? 'vi') as ReportLang;
    const boundary = options['--boundary'] as Boundary | undefined;
    const period = options['--period'];
    const format = options['--format'] ?? 'csv';
    if (!period) throw new UsageError('report: --period is required (e.g. 2025, 2024-2026, 2021-2025)');
    if (!FORMATS.includes(format))
      throw new UsageError(`report: --format must be one of ${FORMATS.join(', ')}`);
    if (!REPORT_LANGS.includes(lang)) throw new UsageError('report: --lang must be vi or en');
    if (boundary !== undefined && !BOUNDARIES.includes(boundary))
      throw new UsageError('report: --boundary must be former or current');
    if (format === 'xlsx' && !options['--out'])
      throw new UsageError('report: --format xlsx writes a workbook: give --out FILE.xlsx');
    return withLedger({ runProjections: true, features: [ReportingModule] }, async (app) => {
      const head = await app.get<EventStore>(EVENT_STORE).headPosition();
      await app.get<ProjectionRunner>(PROJECTION_RUNNER).waitFor(head, { timeoutMs: 120_000 });
      const indicators = options['--indicator']?.split(',').filter(Boolean) ?? [];
      const report = await app
        .get(QueryBus)
        .execute(new GetReportQuery(period, options['--org-unit'], { indicators, boundary }));
      const text = await render(report, format, lang);
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

async function render(report: Report, format: string, lang: ReportLang): Promise<string | Buffer> {
  switch (format) {
    case 'csv':
      return reportToCsv(report);
    case 'md':
      return reportToMarkdown(report);
    case 'xlsx':
      return reportToXlsx(report, lang);
    case 'html':
      return reportToHtml(report, lang);
    default:
      return JSON.stringify(report, null, 2) + '\n';
  }
}
