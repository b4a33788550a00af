import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { BENEFICIARIES } from '@ledger/domain';
import { GetDocumentQuery, ValidationFailedError } from '@ledger/ledger';
import { Allow } from '../auth/access-rule.decorator';

const REF = /^[a-z]-[0-9a-f]{16,64}$/;

@ApiTags('inspection')
@Controller('beneficiaries')
export class BeneficiariesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Allow(
    ['inspector'],
    'an inspector in whose scope the support was given, with a reason; every read is itself recorded',
  )
  @Get(':ref/history')
  @ApiOperation({ summary: 'Support received by one pseudonymous beneficiary, with flags for likely abuse' })
  history(@Param('ref') ref: string): Promise<Record<string, unknown>> {
    if (!REF.test(ref)) {
      throw new ValidationFailedError([
        { field: 'ref', message: 'a beneficiary is named by its pseudonymous reference' },
      ]);
    }
    return this.queries.execute(
      new GetDocumentQuery(BENEFICIARIES, ref, 'BENEFICIARY_NOT_FOUND', 'support recorded for'),
    );
  }
}
