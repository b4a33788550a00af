import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CompleteHousingConstructionCommand } from '@ledger/ledger';
import {
  Allow,
  commandContext,
  CommandResponse,
  type RequestContext,
  respond,
  UuidParamPipe,
  WriteContext,
} from '@ledger/ledger/http';
import { CompleteHousingConstructionRequest } from './complete-housing-construction.request.dto';

@ApiTags('housing')
@Allow(
  ['officer', 'supervisor'],
  'records only the actions its agency carries out (seeds/recording-rights.json), in its own org units',
)
@Controller('housing-cases')
export class CompleteHousingConstructionHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/completions')
  @ApiOperation({ summary: 'Record a house completed' })
  @ApiCreatedResponse({ type: CommandResponse })
  async record(
    @Param('id', UuidParamPipe) caseId: string,
    @Body() body: CompleteHousingConstructionRequest,
    @WriteContext() request: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const context = commandContext(request, body);
    const result = await this.commands.execute(
      new CompleteHousingConstructionCommand(
        { caseId, floorAreaM2: body.floorAreaM2, occupants: body.occupants, occurredAt: body.occurredAt },
        context,
      ),
    );
    return respond(response, result);
  }
}
