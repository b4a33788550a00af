import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApproveReportCommand } from '../../..';
import {
  ApiCommandResponse,
  Allow,
  commandContext,
  CommandResponse,
  type RequestContext,
  respond,
  WriteContext,
} from '../../../http';
import { ApproveReportRequest } from './approve-report.request.dto';

@ApiTags('four eyes')
@Allow(
  ['supervisor'],
  "a supervisor of the indicator's lead agency or of a People's Committee, whose org units cover the report's; a district report after its communes'",
)
@Controller('report-approvals')
export class ApproveReportHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    operationId: 'approveReport',
    summary:
      'Approve a period report (indicator x org unit x period) on the exact figures read (their digest); 409 if they changed since',
  })
  @ApiCommandResponse()
  async record(
    @Body() body: ApproveReportRequest,
    @WriteContext() request: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const context = commandContext(request, body);
    const { indicatorKey, orgUnit, period, figuresDigest, note, occurredAt } = body;
    const result = await this.commands.execute(
      new ApproveReportCommand(
        { indicatorKey, orgUnit, period, figuresDigest: figuresDigest.toLowerCase(), note, occurredAt },
        context,
      ),
    );
    return respond(response, result);
  }
}
