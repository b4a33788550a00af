import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CorrectEventCommand } from '../../..';
import { CORRECTION_PROPOSAL_STREAM_PREFIX } from '@ledger/domain';
import {
  ApiCommandResponse,
  Allow,
  commandContext,
  CommandResponse,
  type RequestContext,
  respond,
  WriteContext,
} from '../../../http';
import { CorrectEventRequest } from './correct-event.request.dto';

@ApiTags('corrections')
@Allow(['supervisor'], 'a supervisor corrects the records of their own agency, in their own org units')
@Controller('corrections')
export class CorrectEventHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    operationId: 'correctEvent',
    summary: 'Correct an earlier event (retraction or amendment) with a reason; the original stays',
  })
  @ApiCommandResponse()
  @ApiCommandResponse({
    status: 202,
    description:
      'the corrected action was verified: the correction is proposed (proposalId) and takes effect once a second person approves it (POST /corrections/{proposalId}/approvals)',
  })
  async record(
    @Body() body: CorrectEventRequest,
    @WriteContext() request: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse & { proposalId?: string; pendingApproval?: boolean }> {
    const context = commandContext(request, body);
    const { correctsEventId, kind, reason, changes, occurredAt } = body;
    const result = await this.commands.execute(
      new CorrectEventCommand(
        { correctsEventId: correctsEventId.toLowerCase(), kind, reason, changes, occurredAt },
        context,
      ),
    );
    // Four eyes: the action was verified, so the correction waits for a second person's approval.
    if (result.stream.startsWith(CORRECTION_PROPOSAL_STREAM_PREFIX)) {
      response.status(202);
      const proposalId = result.stream.slice(CORRECTION_PROPOSAL_STREAM_PREFIX.length);
      return { ...respond(response, result), proposalId, pendingApproval: true };
    }
    return respond(response, result);
  }
}
