import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { RecordJobPlacementCommand } from '@ledger/ledger';
import {
  Allow,
  commandContext,
  CommandResponse,
  type RequestContext,
  respond,
  WriteContext,
} from '@ledger/ledger/http';
import { RecordJobPlacementRequest } from './record-job-placement.request.dto';

@ApiTags('employment')
@Allow(
  ['officer', 'supervisor'],
  'records only the actions its agency carries out (seeds/recording-rights.json), in its own org units',
)
@Controller('job-placements')
export class RecordJobPlacementHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record a worker placed in a job at home or on an overseas contract (once per placement)',
  })
  @ApiCreatedResponse({ type: CommandResponse })
  async record(
    @Body() body: RecordJobPlacementRequest,
    @WriteContext() request: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const context = commandContext(request, body);
    const placementId = body.placementId ?? context.eventId ?? randomUUID();
    const result = await this.commands.execute(
      new RecordJobPlacementCommand(
        {
          placementId,
          workerCitizenId: body.workerCitizenId,
          commune: body.commune,
          employer: body.employer,
          kind: body.kind,
          occurredAt: body.occurredAt,
        },
        context,
      ),
    );
    return respond(response, result);
  }
}
