import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RejectCorrectionCommand } from '../../..';
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
import { RejectCorrectionRequest } from './reject-correction.request.dto';

@ApiTags('four eyes')
@Allow(
  ['inspector', 'supervisor'],
  'a second person: an inspector, or another supervisor of the agency that recorded the action; never the proposer or the recorder',
)
@Controller('corrections')
export class RejectCorrectionHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/rejections')
  @ApiOperation({
    operationId: 'rejectCorrection',
    summary: 'Reject a proposed correction of a verified action, with a reason: nothing changes',
  })
  @ApiCommandResponse()
  @ApiProblems(404)
  async record(
    @Param('id', UuidParamPipe) proposalId: string,
    @Body() body: RejectCorrectionRequest,
    @WriteContext() request: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const context = commandContext(request, body);
    const result = await this.commands.execute(
      new RejectCorrectionCommand({ proposalId, reason: body.reason, occurredAt: body.occurredAt }, context),
    );
    return respond(response, result);
  }
}
