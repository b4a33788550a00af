import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DisputeActionCommand } from '../../..';
import {
  ApiCommandResponse,
  ApiProblems,
  Allow,
  commandContext,
  CommandResponse,
  type RequestContext,
  respond,
  UuidParamPipe,
  WriteContext,
} from '../../../http';
import { DisputeActionRequest } from './dispute-action.request.dto';

@ApiTags('four eyes')
@Allow(
  ['inspector', 'supervisor'],
  'an inspector, or a supervisor of another agency than the one that recorded the action, in their own org units; never the officer who recorded it',
)
@Controller('events')
export class DisputeActionHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/disputes')
  @ApiOperation({
    operationId: 'disputeAction',
    summary:
      'Dispute a recorded action with a reason (it leaves the verified figure); resolved by a correction or a second verification',
  })
  @ApiCommandResponse()
  @ApiProblems(404)
  async record(
    @Param('id', UuidParamPipe) eventId: string,
    @Body() body: DisputeActionRequest,
    @WriteContext() request: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const context = commandContext(request, body);
    const result = await this.commands.execute(
      new DisputeActionCommand({ eventId, reason: body.reason, occurredAt: body.occurredAt }, context),
    );
    return respond(response, result);
  }
}
