import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import type { Response } from 'express';
import { AccessDeniedError, GetStreamQuery, ValidationFailedError, type StreamView } from '../../..';
import { Allow, Caller, ReadScope, RecordedReads, ApiJsonResponse, ApiProblems } from '../../../http';
import { hasRole, personNamingStream, type Principal } from '@ledger/domain';
import { EventFormRequest } from '../../../http/event-form.request.dto';
import { STREAM_SCHEMA } from '../../reporting.response.schemas';

/** The form of the events, and the reason for reading a stream named by a person. */
class StreamReadRequest extends EventFormRequest {
  @ApiPropertyOptional({
    description:
      "Why you read this person's events (10-500 characters); needed for a stream named by a person, kept on the record",
  })
  @IsOptional()
  @IsString({ message: 'reason must be a text' })
  reason?: string;
}

const STREAM_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,299}$/;

@ApiTags('events')
@Controller('streams')
export class StreamsHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly scope: ReadScope,
    private readonly reads: RecordedReads,
  ) {}

  @Allow(
    ['inspector', 'officer', 'supervisor'],
    "an inspector reads any stream whose events lie in their org units; an officer or supervisor reads the streams of their own org units, never a person's read log or erasure record",
  )
  @ApiJsonResponse(STREAM_SCHEMA, {
    headers: {
      ETag: {
        description: 'The stream revision, quoted ("3"): send it as If-Match with the next write',
        schema: { type: 'string' },
      },
    },
  })
  @ApiProblems(400, 404, 503)
  @Get(':stream')
  @ApiOperation({
    summary:
      "A stream's events in order; the ETag is its current revision; ?form=sealed: as stored and hashed. A stream named by a person's reference is one person's events: inspectors only, with a reason, and the read is recorded",
    operationId: 'getStream',
  })
  async get(
    @Param('stream') stream: string,
    @Query() q: StreamReadRequest,
    @Res({ passthrough: true }) response: Response,
    @Caller() principal: Principal,
  ): Promise<StreamView> {
    if (!STREAM_NAME.test(stream)) {
      throw new ValidationFailedError([
        { field: 'stream', message: 'a stream name is letters, digits, dot, underscore and -' },
      ]);
    }
    const person = personNamingStream(stream);
    if (person && !hasRole(principal, 'inspector'))
      throw new AccessDeniedError(
        `${stream} holds one person's events: an inspector reads them, with a reason, and the read is recorded`,
      );
    const view = await this.queries.execute<GetStreamQuery, StreamView>(new GetStreamQuery(stream, q.form));
    // Every event, by what the stream is: never the first event's org unit alone.
    for (const event of view.events) this.scope.requireEvent(principal, event);
    if (person) await this.reads.record(principal, person, q.reason);
    response.setHeader('ETag', `"${view.revision}"`);
    return view;
  }
}
