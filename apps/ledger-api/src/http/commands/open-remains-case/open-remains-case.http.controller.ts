import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { OpenRemainsCaseCommand } from '@ledger/ledger';
import {
  Allow,
  commandContext,
  CommandResponse,
  type RequestContext,
  respond,
  WriteContext,
} from '@ledger/ledger/http';
import { OpenRemainsCaseRequest } from './open-remains-case.request.dto';

@ApiTags('martyrs-remains')
@Allow(
  ['officer', 'supervisor'],
  'records only the actions its agency carries out (seeds/recording-rights.json), in its own org units',
)
@Controller('remains-cases')
export class OpenRemainsCaseHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: "Open a martyrs' remains recovery case at a site" })
  @ApiCreatedResponse({ type: CommandResponse })
  async record(
    @Body() body: OpenRemainsCaseRequest,
    @WriteContext() request: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const context = commandContext(request, body);
    const caseId = body.caseId ?? context.eventId ?? randomUUID();
    const result = await this.commands.execute(
      new OpenRemainsCaseCommand(
        { caseId, site: body.site, commune: body.commune, occurredAt: body.occurredAt },
        context,
      ),
    );
    return respond(response, result, { caseId: caseId });
  }
}
