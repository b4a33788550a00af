import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Target } from '@ledger/domain';
import { ReviseTargetCommand } from '../../..';
import {
  ApiCommandResponse,
  ApiProblems,
  Allow,
  commandContext,
  CommandResponse,
  IndicatorKeyPipe,
  type RequestContext,
  respond,
  WriteContext,
} from '../../../http';
import { ReviseTargetRequest } from './revise-target.request.dto';

@ApiTags('plan')
@Allow(
  ['supervisor'],
  'a supervisor of the agency that leads the indicator revises its target, with a reason',
)
@Controller('indicators')
export class ReviseTargetHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':key/target-revisions')
  @ApiOperation({
    operationId: 'reviseTarget',
    summary: "Revise an indicator's target, with the reason; the previous target stays on the record",
  })
  @ApiCommandResponse()
  @ApiProblems(404)
  async record(
    @Param('key', IndicatorKeyPipe) indicatorKey: string,
    @Body() body: ReviseTargetRequest,
    @WriteContext() request: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const context = commandContext(request, body);
    const { planId, reason, occurredAt } = body;
    // The target's shape is checked by the domain (parseTarget), which names the field at fault.
    const target = body.target as unknown as Target;
    const result = await this.commands.execute(
      new ReviseTargetCommand({ planId, indicatorKey, target, reason, occurredAt }, context),
    );
    return respond(response, result);
  }
}
