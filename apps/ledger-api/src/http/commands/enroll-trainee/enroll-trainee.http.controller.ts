import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { EnrollTraineeCommand } from '@ledger/ledger';
import {
  Allow,
  commandContext,
  CommandResponse,
  type RequestContext,
  respond,
  UuidParamPipe,
  WriteContext,
} from '@ledger/ledger/http';
import { EnrollTraineeRequest } from './enroll-trainee.request.dto';

@ApiTags('training')
@Allow(
  ['officer', 'supervisor'],
  'records only the actions its agency carries out (seeds/recording-rights.json), in its own org units',
)
@Controller('training-courses')
export class EnrollTraineeHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/enrolments')
  @ApiOperation({ summary: 'Enrol a trainee in a course' })
  @ApiCreatedResponse({ type: CommandResponse })
  async record(
    @Param('id', UuidParamPipe) courseId: string,
    @Body() body: EnrollTraineeRequest,
    @WriteContext() request: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const context = commandContext(request, body);
    const result = await this.commands.execute(
      new EnrollTraineeCommand(
        { courseId, traineeCitizenId: body.traineeCitizenId, occurredAt: body.occurredAt },
        context,
      ),
    );
    return respond(response, result);
  }
}
