import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { OpenTrainingCourseCommand } from '@ledger/ledger';
import {
  Allow,
  commandContext,
  CommandResponse,
  type RequestContext,
  respond,
  WriteContext,
} from '@ledger/ledger/http';
import { OpenTrainingCourseRequest } from './open-training-course.request.dto';

@ApiTags('training')
@Allow(
  ['officer', 'supervisor'],
  'records only the actions its agency carries out (seeds/recording-rights.json), in its own org units',
)
@Controller('training-courses')
export class OpenTrainingCourseHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Open a vocational training course' })
  @ApiCreatedResponse({ type: CommandResponse })
  async record(
    @Body() body: OpenTrainingCourseRequest,
    @WriteContext() request: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const context = commandContext(request, body);
    const courseId = body.courseId ?? context.eventId ?? randomUUID();
    const result = await this.commands.execute(
      new OpenTrainingCourseCommand(
        {
          courseId,
          occupation: body.occupation,
          level: body.level,
          commune: body.commune,
          capacity: body.capacity,
          occurredAt: body.occurredAt,
        },
        context,
      ),
    );
    return respond(response, result, { caseId: courseId });
  }
}
