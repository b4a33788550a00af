import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { WithdrawHousingCaseCommand } from '@ledger/ledger';
import {
  Allow,
  commandContext,
  CommandResponse,
  type RequestContext,
  respond,
  UuidParamPipe,
  WriteContext,
} from '@ledger/ledger/http';
import { WithdrawHousingCaseRequest } from './withdraw-housing-case.request.dto';

@ApiTags('housing')
@Allow(
  ['officer', 'supervisor'],
  'records only the actions its agency carries out (seeds/recording-rights.json), in its own org units',
)
@Controller('housing-cases')
export class WithdrawHousingCaseHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/withdrawals')
  @ApiOperation({
    summary:
      'Withdraw a housing case before its house is built (ineligible, moved away, duplicate): its open steps close and it leaves every count',
  })
  @ApiCreatedResponse({ type: CommandResponse })
  async record(
    @Param('id', UuidParamPipe) caseId: string,
    @Body() body: WithdrawHousingCaseRequest,
    @WriteContext() request: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const context = commandContext(request, body);
    const result = await this.commands.execute(
      new WithdrawHousingCaseCommand(
        { caseId, grounds: body.grounds, reason: body.reason, occurredAt: body.occurredAt },
        context,
      ),
    );
    return respond(response, result);
  }
}
