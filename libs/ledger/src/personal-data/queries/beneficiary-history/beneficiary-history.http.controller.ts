import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { actorOf, type Principal } from '@ledger/domain';
import {
  BENEFICIARIES,
  BENEFICIARY_HOUSING,
  withHousingCases,
  type BeneficiaryDoc,
  type HousingCaseSupportDoc,
} from '@ledger/projections';
import {
  AccessDeniedError,
  FindDocumentsQuery,
  GetDocumentQuery,
  type DocumentPage,
  PSEUDONYMIZER,
  RecordBeneficiaryReadCommand,
  referenceOf,
  type Pseudonymizer,
  ValidationFailedError,
} from '../../..';
import {
  Allow,
  Caller,
  ReadScope,
  ApiJsonResponse,
  ApiProblems,
  arrayOf,
  int,
  nullable,
  object,
  str,
} from '../../../http';

const REF = /^([a-z]-[0-9a-f]{16,64}|\d{12})$/;

class BeneficiaryReadRequest {
  @ApiProperty({
    description:
      'Why you read this history (a case file, a complaint, a planned inspection); kept on the record',
    example: 'Thanh tra chuyên đề trợ cấp xã hội năm 2026, hồ sơ số 12/TTr',
  })
  @IsString({ message: 'reason must be a text' })
  @Length(10, 500, { message: 'say why you read this history (10 to 500 characters)' })
  reason!: string;
}

interface HistoryDoc {
  supports?: Array<{ orgUnit?: string }>;
  communes?: string[];
}

@ApiTags('inspection')
@Controller('beneficiaries')
export class BeneficiariesHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
    private readonly scope: ReadScope,
    @Inject(PSEUDONYMIZER) private readonly pseudonyms: Pseudonymizer,
  ) {}

  @Allow(
    ['inspector'],
    'an inspector in whose scope the support was given, with a reason; every read is itself recorded',
  )
  @Get(':ref/history')
  @ApiOperation({
    operationId: 'getBeneficiaryHistory',
    summary:
      'Support received by one pseudonymous beneficiary (its reference, or its 12-digit citizen id), with flags for likely abuse; the read is recorded (who, whom, when, why)',
  })
  @ApiJsonResponse(
    object(
      {
        ref: str('The pseudonymous reference'),
        supports: arrayOf(
          object({}, { open: true, description: 'One support given, with its status and corrections' }),
        ),
        totals: object({}, { open: true }),
        communes: arrayOf(str(), 'Communes of the effective supports, on the latest boundaries'),
        firstOccurredAt: nullable(str()),
        lastOccurredAt: nullable(str()),
        lastPosition: int(),
      },
      { open: true, description: 'The support history, with flags for likely abuse and the housing cases' },
    ),
  )
  @ApiProblems(400, 404, 503)
  async history(
    @Param('ref') refOrCitizenId: string,
    @Query() q: BeneficiaryReadRequest,
    @Caller() principal: Principal,
  ): Promise<Record<string, unknown>> {
    if (!REF.test(refOrCitizenId)) {
      throw new ValidationFailedError([
        {
          field: 'ref',
          message: 'a beneficiary is named by its pseudonymous reference or a 12-digit citizen id',
        },
      ]);
    }
    // A citizen id is hashed here and goes no further: the query, the errors and the recorded read name the
    // reference only.
    const ref = referenceOf(refOrCitizenId, this.pseudonyms);
    const doc = await this.queries.execute<GetDocumentQuery, Record<string, unknown>>(
      new GetDocumentQuery(BENEFICIARIES, ref, 'BENEFICIARY_NOT_FOUND', 'support recorded for'),
    );
    const units = [
      ...((doc as HistoryDoc).supports ?? []).map((s) => s.orgUnit),
      ...((doc as HistoryDoc).communes ?? []),
    ].filter((u): u is string => typeof u === 'string');
    if (!units.some((unit) => this.scope.covers(principal, unit)))
      throw new AccessDeniedError(
        `no support to ${ref} was given in your org units (${principal.orgUnits.join(', ')})`,
      );
    // On the record before the history leaves the ledger: a read that cannot be recorded is not served.
    await this.commands.execute(
      new RecordBeneficiaryReadCommand(
        { beneficiaryRef: ref, reason: q.reason, orgUnit: principal.orgUnits[0] ?? 'unknown' },
        {
          actor: actorOf(principal),
          authority: { principal },
          correlationId: randomUUID(),
          evidence: [],
          receivedAt: new Date(),
        },
      ),
    );
    // The household's housing cases (their steps and funding name the case, not the household).
    const cases = await this.queries.execute<FindDocumentsQuery, DocumentPage>(
      new FindDocumentsQuery(BENEFICIARY_HOUSING, { householdRef: ref }, [{ field: 'caseId' }], 100),
    );
    return withHousingCases(
      doc as unknown as BeneficiaryDoc,
      cases.items as unknown as HousingCaseSupportDoc[],
    ) as unknown as Record<string, unknown>;
  }
}
