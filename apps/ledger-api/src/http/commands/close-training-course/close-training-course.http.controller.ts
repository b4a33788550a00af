import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CloseTrainingCourseCommand } from '@ledger/ledger';
import {
  Allow,
  commandContext,
  CommandResponse,
  type RequestContext,
  respond,
  UuidParamPipe,
  WriteContext,
} from '@ledger/ledger/http';
import { CloseTrainingCourseRequest } from './close-training-course.request.dto';

@ApiTags('training')
@Allow(
  ['officer', 'supervisor'],
  'records only the actions its agency carries out (seeds/recording-rights.json), in its own org units',
)
@Controller('training-courses')
export class CloseTrainingCourseHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/closures')
  @ApiOperation({ summary: 'Close a training course' })
  @ApiCreatedResponse({ type: CommandResponse })
  async record(
    @Param('id', UuidParamPipe) courseId: string,
    @Body() body: CloseTrainingCourseRequest,
    @WriteContext() request: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const context = commandContext(request, body);
    const result = await this.commands.execute(
      new CloseTrainingCourseCommand({ courseId, occurredAt: body.occurredAt }, context),
    );
    return respond(response, result);
  }
}
