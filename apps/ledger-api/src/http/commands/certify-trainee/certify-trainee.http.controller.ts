import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CertifyTraineeCommand } from '@ledger/ledger';
import {
  Allow,
  commandContext,
  CommandResponse,
  type RequestContext,
  respond,
  UuidParamPipe,
  WriteContext,
} from '@ledger/ledger/http';
import { CertifyTraineeRequest } from './certify-trainee.request.dto';

@ApiTags('training')
@Allow(
  ['officer', 'supervisor'],
  'records only the actions its agency carries out (seeds/recording-rights.json), in its own org units',
)
@Controller('training-courses')
export class CertifyTraineeHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/certifications')
  @ApiOperation({ summary: 'Record a trainee certified' })
  @ApiCreatedResponse({ type: CommandResponse })
  async record(
    @Param('id', UuidParamPipe) courseId: string,
    @Body() body: CertifyTraineeRequest,
    @WriteContext() request: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const context = commandContext(request, body);
    const result = await this.commands.execute(
      new CertifyTraineeCommand(
        {
          courseId,
          traineeCitizenId: body.traineeCitizenId,
          certificateNo: body.certificateNo,
          occurredAt: body.occurredAt,
        },
        context,
      ),
    );
    return respond(response, result);
  }
}
