import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { RecordCleanWaterConnectionCommand } from '@ledger/ledger';
import {
  Allow,
  commandContext,
  CommandResponse,
  type RequestContext,
  respond,
  WriteContext,
} from '@ledger/ledger/http';
import { RecordCleanWaterConnectionRequest } from './record-clean-water-connection.request.dto';

@ApiTags('clean-water')
@Allow(
  ['officer', 'supervisor'],
  'records only the actions its agency carries out (seeds/recording-rights.json), in its own org units',
)
@Controller('clean-water-connections')
export class RecordCleanWaterConnectionHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Record a household connected to clean water (once per household)' })
  @ApiCreatedResponse({ type: CommandResponse })
  async record(
    @Body() body: RecordCleanWaterConnectionRequest,
    @WriteContext() request: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const context = commandContext(request, body);
    const connectionId = body.connectionId ?? context.eventId ?? randomUUID();
    const result = await this.commands.execute(
      new RecordCleanWaterConnectionCommand(
        {
          connectionId,
          householdHeadCitizenId: body.householdHeadCitizenId,
          commune: body.commune,
          source: body.source,
          occurredAt: body.occurredAt,
        },
        context,
      ),
    );
    return respond(response, result);
  }
}
