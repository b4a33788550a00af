import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import type { Response } from 'express';
import { GetReportQuery, reportToCsv, reportToMarkdown, type Report } from '../../..';
import { Public, ApiProblems } from '../../../http';
import { REPORT_SCHEMA } from '../../reporting.response.schemas';

class ReportRequest {
  @ApiProperty({ example: '2025', description: '2025 (annual), 2024-2026 (3-year) or 2021-2025 (5-year)' })
  @Matches(/^\d{4}(-\d{4})?$/, { message: 'period must be a year or a span of years such as 2021-2025' })
  period!: string;

  @ApiPropertyOptional({ example: 'PLAN-BAC-AI' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/, { message: 'orgUnit must be an org unit code' })
  orgUnit?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv', 'md'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv', 'md'])
  format?: 'json' | 'csv' | 'md';
}

/** Public: aggregate figures only. */
@ApiTags('reports')
@Controller('reports')
export class ReportsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Public('aggregate figures only')
  @ApiOkResponse({
    description: 'The report as JSON (default), CSV or Markdown, as `format` asks',
    content: {
      'application/json': { schema: REPORT_SCHEMA },
      'text/csv': { schema: { type: 'string' } },
      'text/markdown': { schema: { type: 'string' } },
    },
  })
  @ApiProblems(400, 404, 503)
  @Get()
  @ApiOperation({
    summary: "The plan's periodic report (section IV.3): each indicator at the start and end of the period",
    operationId: 'getReport',
  })
  async get(
    @Query() q: ReportRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Report | string> {
    const report = await this.queries.execute(new GetReportQuery(q.period, q.orgUnit));
    const name = `bao-cao-${report.orgUnit}-${report.period}`;
    switch (q.format ?? 'json') {
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
