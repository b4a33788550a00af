import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { VerifyActionCommand } from '../../..';
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
import { VerifyActionRequest } from './verify-action.request.dto';

@ApiTags('four eyes')
@Allow(
  ['inspector', 'supervisor'],
  'an inspector, or a supervisor of another agency than the one that recorded the action, in their own org units; never the officer who recorded it',
)
@Controller('events')
export class VerifyActionHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/verifications')
  @ApiOperation({
    operationId: 'verifyAction',
    summary:
      'Verify a recorded action (field visit or document check, with evidence): it enters the verified figure',
  })
  @ApiCommandResponse()
  @ApiProblems(404)
  async record(
    @Param('id', UuidParamPipe) eventId: string,
    @Body() body: VerifyActionRequest,
    @WriteContext() request: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const context = commandContext(request, body);
    const result = await this.commands.execute(
      new VerifyActionCommand(
        { eventId, method: body.method, note: body.note, occurredAt: body.occurredAt },
        context,
      ),
    );
    return respond(response, result);
  }
}
