import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApproveCorrectionCommand } from '../../..';
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
import { ApproveCorrectionRequest } from './approve-correction.request.dto';

@ApiTags('four eyes')
@Allow(
  ['inspector', 'supervisor'],
  'a second person: an inspector, or another supervisor of the agency that recorded the action; never the proposer or the recorder',
)
@Controller('corrections')
export class ApproveCorrectionHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/approvals')
  @ApiOperation({
    operationId: 'approveCorrection',
    summary:
      'Approve a proposed correction of a verified action: the EventCorrected is appended and takes effect',
  })
  @ApiCommandResponse()
  @ApiProblems(404)
  async record(
    @Param('id', UuidParamPipe) proposalId: string,
    @Body() body: ApproveCorrectionRequest,
    @WriteContext() request: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse & { proposalId: string }> {
    const context = commandContext(request, body);
    const result = await this.commands.execute(
      new ApproveCorrectionCommand({ proposalId, note: body.note, occurredAt: body.occurredAt }, context),
    );
    return { ...respond(response, result), proposalId };
  }
}
