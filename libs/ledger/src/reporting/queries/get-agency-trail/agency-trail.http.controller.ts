import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import {
  GetAgencyTrailQuery,
  GetOpenCaseStepsQuery,
  type AgencyTrailView,
  type OpenStepsPage,
} from '../../..';
import {
  Allow,
  Caller,
  CodeParamPipe,
  PageRequest,
  ReadScope,
  ApiJsonResponse,
  ApiProblems,
} from '../../../http';
import type { Principal } from '@ledger/domain';
import { AGENCY_TRAIL_SCHEMA, OPEN_STEPS_SCHEMA } from '../../reporting.response.schemas';

class AgencyTrailRequest {
  @ApiPropertyOptional({
    example: '2027-12-31',
    description: 'Steps due before this day are past due; default today',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'asOf must be a date YYYY-MM-DD' })
  asOf?: string;
}

class OpenStepsRequest extends PageRequest {
  @ApiPropertyOptional({
    example: '2026-12-31',
    description: 'Only steps that were due before this day (the past-due list); default: every open step',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueBefore must be a date YYYY-MM-DD' })
  dueBefore?: string;
}

@ApiTags('inspection')
@Controller('agencies')
export class AgencyTrailHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly scope: ReadScope,
  ) {}

  @Allow(
    ['inspector', 'officer', 'supervisor'],
    "an inspector reads any agency's trail in their scope; an officer or supervisor reads their own agency's",
  )
  @ApiJsonResponse(AGENCY_TRAIL_SCHEMA)
  @ApiProblems(400, 404, 503)
  @Get(':code/trail')
  @ApiOperation({
    summary:
      'Accountability trail: actions recorded, corrections made and received, open steps past due, indicators led',
    operationId: 'getAgencyTrail',
  })
  get(
    @Param('code', CodeParamPipe) code: string,
    @Query() q: AgencyTrailRequest,
    @Caller() principal: Principal,
  ): Promise<AgencyTrailView> {
    this.scope.requireAgency(principal, code);
    return this.queries.execute(new GetAgencyTrailQuery(code, q.asOf));
  }

  @Allow(
    ['inspector', 'officer', 'supervisor'],
    "an inspector reads any agency's open steps in their scope; an officer or supervisor their own agency's",
  )
  @ApiJsonResponse(OPEN_STEPS_SCHEMA)
  @ApiProblems(400, 404, 503)
  @Get(':code/open-steps')
  @ApiOperation({
    summary:
      'Every open case step the agency answers for, soonest due first, paged (the agency trail shows the first 50)',
    operationId: 'listOpenSteps',
  })
  openSteps(
    @Param('code', CodeParamPipe) code: string,
    @Query() q: OpenStepsRequest,
    @Caller() principal: Principal,
  ): Promise<OpenStepsPage> {
    this.scope.requireAgency(principal, code);
    return this.queries.execute(new GetOpenCaseStepsQuery(code, q.dueBefore, q.limit ?? 50, q.cursor));
  }
}
