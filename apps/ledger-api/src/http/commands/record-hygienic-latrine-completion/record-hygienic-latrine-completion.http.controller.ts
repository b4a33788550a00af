import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import {
  RecordHygienicLatrineCompletionCommand,
  ValidationFailedError,
  type LatrineFacility,
} from '@ledger/ledger';
import {
  Allow,
  commandContext,
  CommandResponse,
  type RequestContext,
  respond,
  WriteContext,
} from '@ledger/ledger/http';
import { RecordHygienicLatrineCompletionRequest } from './record-hygienic-latrine-completion.request.dto';

@ApiTags('sanitation')
@Allow(
  ['officer', 'supervisor'],
  'records only the actions its agency carries out (seeds/recording-rights.json), in its own org units',
)
@Controller('hygienic-latrines')
export class RecordHygienicLatrineCompletionHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary:
      'Record a hygienic latrine completed for a household, school or health station (once per facility)',
  })
  @ApiCreatedResponse({ type: CommandResponse })
  async record(
    @Body() body: RecordHygienicLatrineCompletionRequest,
    @WriteContext() request: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const context = commandContext(request, body);
    const latrineId = body.latrineId ?? context.eventId ?? randomUUID();
    const result = await this.commands.execute(
      new RecordHygienicLatrineCompletionCommand(
        { latrineId, facility: facilityOf(body), commune: body.commune, occurredAt: body.occurredAt },
        context,
      ),
    );
    return respond(response, result);
  }
}

/** The DTO has already required the field that goes with the kind; this only narrows the type. */
function facilityOf(body: RecordHygienicLatrineCompletionRequest): LatrineFacility {
  if (body.facilityKind === 'household') {
    if (body.householdHeadCitizenId === undefined) throw missing('householdHeadCitizenId');
    return { facilityKind: 'household', householdHeadCitizenId: body.householdHeadCitizenId };
  }
  if (body.facilityCode === undefined) throw missing('facilityCode');
  return { facilityKind: body.facilityKind, facilityCode: body.facilityCode };
}

function missing(field: string): ValidationFailedError {
  return new ValidationFailedError([{ field, message: `${field} is required for this facilityKind` }]);
}
