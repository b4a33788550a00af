import { Controller, Get, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../../http/access-rule.decorator';
import { GetIatiResultsQuery } from './get-iati-results.query';
import { iatiResultsXml } from './iati-results-xml';
import { ApiProblems } from '../../../http/api-problems.decorator';

/** Public, as GET /indicators/{key}: the plan's aggregate figures and its organisations, never a person. */
@ApiTags('exports')
@Controller('exports/iati')
export class IatiResultsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Public('aggregate figures only, as GET /indicators/{key}')
  @Get('results')
  @ApiProduces('application/xml')
  @ApiOkResponse({
    description: 'An iati-activities file (IATI 2.03) holding one iati-activity',
    headers: {
      'Ledger-Iati-Identifiers': {
        description: '"placeholder" until the operator has set the identifiers, else "set"',
        schema: { type: 'string', enum: ['placeholder', 'set'] },
      },
    },
    content: { 'application/xml': { schema: { type: 'string' } } },
  })
  @ApiOperation({
    operationId: 'exportIatiResults',
    summary: "The plan as an IATI 2.03 activity with each indicator's baseline, yearly targets and actuals",
    description:
      'Identifiers and organisations from seeds/iati-activity.json; while the operator has not set them ' +
      '(setByOperator false) the Ledger-Iati-Identifiers header says "placeholder".',
  })
  @ApiProblems(503)
  async results(@Res({ passthrough: true }) response: Response): Promise<string> {
    const results = await this.queries.execute(new GetIatiResultsQuery());
    response
      .type('application/xml; charset=utf-8')
      .setHeader('Content-Disposition', 'attachment; filename="iati-activities.xml"')
      .setHeader('Ledger-Iati-Identifiers', results.activity.setByOperator ? 'set' : 'placeholder');
    return iatiResultsXml(results, new Date());
  }
}
