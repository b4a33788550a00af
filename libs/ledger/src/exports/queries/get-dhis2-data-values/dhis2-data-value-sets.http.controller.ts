import { Controller, Get, Query, Req, Res } from '@nestjs/common';
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
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { Request, Response } from 'express';
import { Public } from '../../../http/access-rule.decorator';
import {
  dataValueSetAdx,
  dataValueSetCsv,
  dataValueSetJson,
  DHIS2_FORMATS,
  DHIS2_MEDIA_TYPES,
  type Dhis2Format,
} from './dhis2-formats';
import { GetDhis2DataValuesQuery, type Dhis2DataValues } from './get-dhis2-data-values.query';
import { ApiProblems } from '../../../http/api-problems.decorator';

class Dhis2ExportRequest {
  @ApiProperty({
    example: '2026Q1',
    description: 'A DHIS2 period: 2026 (year), 2026Q1 (quarter), 202603 (month)',
  })
  @Matches(/^\d{4}(Q[1-4]|0[1-9]|1[0-2])?$/, {
    message: 'period must be a DHIS2 period: a year (2026), a quarter (2026Q1) or a month (202603)',
  })
  period!: string;

  @ApiPropertyOptional({
    example: 'NT-BAC-AI',
    description: "Our org unit code; default the plan's district",
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/, { message: 'orgUnit must be an org unit code' })
  orgUnit?: string;

  @ApiPropertyOptional({
    enum: DHIS2_FORMATS,
    description:
      'Overrides the Accept header (application/json, application/csv or text/csv, application/adx+xml)',
  })
  @IsOptional()
  @IsIn(DHIS2_FORMATS)
  format?: Dhis2Format;
}

const UNMAPPED_HEADERS = {
  'Ledger-Unmapped-Indicators': {
    description: 'Indicators without a DHIS2 data element: no value sent',
    schema: { type: 'string' },
  },
  'Ledger-Unmapped-Org-Units': {
    description: 'The org unit, when it has no DHIS2 uid: no value sent',
    schema: { type: 'string' },
  },
  'Ledger-Without-Figure': {
    description: 'Mapped indicators without a figure on that day',
    schema: { type: 'string' },
  },
  'Ledger-Figures-As-Of': {
    description: 'The day the figures are read on',
    schema: { type: 'string', format: 'date' },
  },
} as const;

const DATA_VALUE_SET_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['period', 'dataValues', 'unmapped', 'withoutFigure'],
  properties: {
    dataSet: { type: 'string', example: 'pBOMPrpg1QX' },
    period: { type: 'string', example: '2026Q1' },
    orgUnit: { type: 'string', example: 'DiszpKrYNg8' },
    attributeOptionCombo: { type: 'string' },
    dataValues: {
      type: 'array',
      items: {
        type: 'object',
        required: ['dataElement', 'period', 'orgUnit', 'value'],
        properties: {
          dataElement: { type: 'string', example: 'f7n9E0hX8qk' },
          period: { type: 'string', example: '2026Q1' },
          orgUnit: { type: 'string', example: 'DiszpKrYNg8' },
          categoryOptionCombo: { type: 'string' },
          attributeOptionCombo: { type: 'string' },
          value: { type: 'string', example: '12' },
          comment: { type: 'string', example: 'ledger indicator houses_built' },
        },
      },
    },
    unmapped: {
      type: 'object',
      properties: {
        indicators: { type: 'array', items: { type: 'string' } },
        orgUnits: { type: 'array', items: { type: 'string' } },
      },
    },
    withoutFigure: { type: 'array', items: { type: 'string' } },
  },
};

/** The format asked for by `format=`, else by the Accept header; JSON when neither says. */
function formatOf(q: Dhis2ExportRequest, request: Request): Dhis2Format {
  if (q.format) return q.format;
  const best = request.accepts(['application/json', 'application/csv', 'text/csv', 'application/adx+xml']);
  if (best === 'application/csv' || best === 'text/csv') return 'csv';
  if (best === 'application/adx+xml') return 'adx';
  return 'json';
}

/** Public, as GET /indicators/{key}: the same aggregate figures per org unit, never an event or a person. */
@ApiTags('exports')
@Controller('exports/dhis2')
export class Dhis2DataValueSetsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Public('aggregate figures only, as GET /indicators/{key}')
  @Get('data-value-sets')
  @ApiProduces('application/json', 'application/csv', 'application/adx+xml')
  @ApiOkResponse({
    description: "DHIS2's data value set; CSV and ADX as text",
    headers: UNMAPPED_HEADERS,
    content: {
      'application/json': { schema: DATA_VALUE_SET_SCHEMA },
      'application/csv': { schema: { type: 'string' } },
      'application/adx+xml': { schema: { type: 'string' } },
    },
  })
  @ApiOperation({
    operationId: 'exportDhis2DataValueSets',
    summary:
      "The indicators' figures for a DHIS2 period as a data value set (JSON, CSV or ADX) for DHIS2's import",
    description:
      'Values are the figures of GET /indicators/{key} on the last day of the period (today while it runs), in the ' +
      'ids of seeds/dhis2-mapping.json. Unmapped indicators and org units are listed (JSON: `unmapped`; every ' +
      'format: the Ledger-Unmapped-Indicators and Ledger-Unmapped-Org-Units headers), never guessed.',
  })
  @ApiProblems(400, 503)
  async dataValueSets(
    @Query() q: Dhis2ExportRequest,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Record<string, unknown> | string> {
    return this.render(await this.read(q), formatOf(q, request), response);
  }

  @Public('aggregate figures only, as GET /indicators/{key}')
  @Get('adx')
  @ApiProduces('application/adx+xml')
  @ApiOkResponse({
    description: 'ADX XML',
    headers: UNMAPPED_HEADERS,
    content: { 'application/adx+xml': { schema: { type: 'string' } } },
  })
  @ApiOperation({
    operationId: 'exportDhis2Adx',
    summary: 'The same data value set as ADX XML (urn:ihe:qrph:adx:2015)',
  })
  @ApiProblems(400, 503)
  async adx(
    @Query() q: Dhis2ExportRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Record<string, unknown> | string> {
    return this.render(await this.read(q), 'adx', response);
  }

  private read(q: Dhis2ExportRequest): Promise<Dhis2DataValues> {
    return this.queries.execute(new GetDhis2DataValuesQuery(q.period, q.orgUnit));
  }

  private render(
    set: Dhis2DataValues,
    format: Dhis2Format,
    response: Response,
  ): Record<string, unknown> | string {
    response.setHeader('Ledger-Unmapped-Indicators', set.unmapped.indicators.join(', '));
    response.setHeader('Ledger-Unmapped-Org-Units', set.unmapped.orgUnits.join(', '));
    response.setHeader('Ledger-Without-Figure', set.withoutFigure.join(', '));
    response.setHeader('Ledger-Figures-As-Of', set.asOf);
    const name = `dhis2-${set.orgUnit}-${set.period.id}`;
    switch (format) {
      case 'csv':
        response
          .type(`${DHIS2_MEDIA_TYPES.csv}; charset=utf-8`)
          .setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
        return dataValueSetCsv(set);
      case 'adx':
        response
          .type(`${DHIS2_MEDIA_TYPES.adx}; charset=utf-8`)
          .setHeader('Content-Disposition', `attachment; filename="${name}.adx.xml"`);
        return dataValueSetAdx(set, new Date());
      default:
        return dataValueSetJson(set);
    }
  }
}
