import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CorrectEventCommand } from '@ledger/ledger';
import { commandContext, WriteContext, type RequestContext } from '../../command-context.decorator';
import { CommandResponse, respond } from '../../command-response';
import { CorrectEventRequest } from './correct-event.request.dto';
import { Allow } from '../../auth/access-rule.decorator';

@ApiTags('corrections')
@Allow(['supervisor'], 'a supervisor corrects the records of their own agency, in their own org units')
@Controller('corrections')
export class CorrectEventHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Correct an earlier event (retraction or amendment) with a reason; the original stays',
  })
  @ApiCreatedResponse({ type: CommandResponse })
  async record(
    @Body() body: CorrectEventRequest,
    @WriteContext() request: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const context = commandContext(request, body);
    const { correctsEventId, kind, reason, changes, occurredAt } = body;
    const result = await this.commands.execute(
      new CorrectEventCommand(
        { correctsEventId: correctsEventId.toLowerCase(), kind, reason, changes, occurredAt },
        context,
      ),
    );
    return respond(response, result);
  }
}
