import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApproveHousingFundingCommand } from '@ledger/ledger';
import {
  Allow,
  commandContext,
  CommandResponse,
  type RequestContext,
  respond,
  UuidParamPipe,
  WriteContext,
} from '@ledger/ledger/http';
import { ApproveHousingFundingRequest } from './approve-housing-funding.request.dto';

@ApiTags('housing')
@Allow(
  ['officer', 'supervisor'],
  'records only the actions its agency carries out (seeds/recording-rights.json), in its own org units',
)
@Controller('housing-cases')
export class ApproveHousingFundingHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/funding-approvals')
  @ApiOperation({ summary: 'Record funding approved for a housing case' })
  @ApiCreatedResponse({ type: CommandResponse })
  async record(
    @Param('id', UuidParamPipe) caseId: string,
    @Body() body: ApproveHousingFundingRequest,
    @WriteContext() request: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const context = commandContext(request, body);
    const result = await this.commands.execute(
      new ApproveHousingFundingCommand(
        { caseId, amountVnd: body.amountVnd, source: body.source, occurredAt: body.occurredAt },
        context,
      ),
    );
    return respond(response, result);
  }
}
