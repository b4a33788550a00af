import { Controller, Get, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import type { Request, Response } from 'express';
import { GetReportQuery, reportToCsv, reportToMarkdown, type Boundary, type Report } from '../../..';
import { ApiProblems, Public } from '../../../http';
import { REPORT_SCHEMA } from '../../reporting.response.schemas';
import { BOUNDARIES } from './get-report.query';
import { reportToHtml } from './report-html';
import { REPORT_LANGS, type ReportLang } from './report-words';
import { reportToXlsx } from './report-xlsx';

const REPORT_FORMATS = ['json', 'csv', 'md', 'xlsx', 'html'] as const;
type ReportFormat = (typeof REPORT_FORMATS)[number];

class ReportRequest {
  @ApiProperty({ example: '2025', description: '2025 (annual), 2024-2026 (3-year) or 2021-2025 (5-year)' })
  @Matches(/^\d{4}(-\d{4})?$/, { message: 'period must be a year or a span of years such as 2021-2025' })
  period!: string;

  @ApiPropertyOptional({ example: 'PLAN-BAC-AI' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/, { message: 'orgUnit must be an org unit code' })
  orgUnit?: string;

  @ApiPropertyOptional({
    enum: REPORT_FORMATS,
    description: 'Overrides the Accept header; xlsx and html are for people (names, words, rounded figures)',
  })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;

  @ApiPropertyOptional({ enum: REPORT_LANGS, default: 'vi', description: 'The language of xlsx and html' })
  @IsOptional()
  @IsIn(REPORT_LANGS)
  lang?: ReportLang;

  @ApiPropertyOptional({
    example: 'houses_built',
    description: 'Indicator keys (comma-separated, at most 10) whose figure is given for every commune',
  })
  @IsOptional()
  @Matches(/^[a-z0-9_]{1,64}(,[a-z0-9_]{1,64}){0,9}$/, {
    message: 'indicator must be one or more indicator keys separated by commas (at most 10)',
  })
  indicator?: string;

  @ApiPropertyOptional({
    enum: BOUNDARIES,
    description:
      'The communes before (former) or from (current) 1 July 2025; defaults to those in force on asOf',
  })
  @IsOptional()
  @IsIn(BOUNDARIES)
  boundary?: Boundary;
}

const REPORT_PAGE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MEDIA_TYPES: Record<ReportFormat, string> = {
  json: 'application/json',
  csv: 'text/csv',
  md: 'text/markdown',
  xlsx: XLSX,
  html: 'text/html',
};

/** The format asked for by `format=`, else by the Accept header; JSON when neither says. */
function formatOf(q: ReportRequest, request: Request): ReportFormat {
  if (q.format) return q.format;
  const best = request.accepts(Object.values(MEDIA_TYPES));
  const found = Object.entries(MEDIA_TYPES).find(([, type]) => type === best);
  return found ? (found[0] as ReportFormat) : 'json';
}

/** Public: aggregate figures only. */
@ApiTags('reports')
@Controller('reports')
export class ReportsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Public('aggregate figures only')
  @ApiOkResponse({
    description:
      'The report as JSON (default), CSV, Markdown, xlsx or printable HTML, as `format` (or Accept) asks',
    content: {
      'application/json': { schema: REPORT_SCHEMA },
      'text/csv': { schema: { type: 'string' } },
      'text/markdown': { schema: { type: 'string' } },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
        schema: { type: 'string', format: 'binary' },
      },
      'text/html': { schema: { type: 'string' } },
    },
  })
  @ApiProblems(400, 404, 503)
  @Get()
  @ApiProduces(...Object.values(MEDIA_TYPES))
  @ApiOperation({
    summary: "The plan's periodic report (section IV.3): each indicator at the start and end of the period",
    operationId: 'getReport',
  })
  async get(
    @Query() q: ReportRequest,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Report | string | StreamableFile> {
    const report = await this.queries.execute(
      new GetReportQuery(q.period, q.orgUnit, {
        indicators: q.indicator ? q.indicator.split(',') : [],
        boundary: q.boundary,
      }),
    );
    const name = `bao-cao-${report.orgUnit}-${report.period}`;
    const lang = q.lang ?? 'vi';
    response.vary('Accept');
    switch (formatOf(q, request)) {
      case 'xlsx':
        return new StreamableFile(await reportToXlsx(report, lang), {
          type: XLSX,
          disposition: `attachment; filename="${name}.xlsx"`,
        });
      case 'html':
        // Nothing in the page runs or loads: its style is inline and its chart an inline SVG.
        response.type('text/html; charset=utf-8').setHeader('Content-Security-Policy', REPORT_PAGE_POLICY);
        return reportToHtml(report, lang);
      case 'csv':
        response
          .type('text/csv; charset=utf-8')
          .setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
        return reportToCsv(report);
      case 'md':
        response.type('text/markdown; charset=utf-8');
        return reportToMarkdown(report);
      default:
        return report;
    }
  }
}
