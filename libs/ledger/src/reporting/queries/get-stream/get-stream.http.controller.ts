import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { GetStreamQuery, ValidationFailedError, type StreamView } from '../../..';
import { Allow, Caller, ReadScope } from '../../../http';
import type { Principal } from '@ledger/domain';
import { EventFormRequest } from '../../../http/event-form.request.dto';

const STREAM_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,299}$/;

@ApiTags('events')
@Controller('streams')
export class StreamsHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly scope: ReadScope,
  ) {}

  @Allow(
    ['inspector', 'officer', 'supervisor'],
    'an inspector reads any stream in their org units; an officer or supervisor reads the streams of their own org units',
  )
  @Get(':stream')
  @ApiOperation({
    summary:
      "A stream's events in order; the ETag is its current revision; ?form=sealed: as stored and hashed",
  })
  async get(
    @Param('stream') stream: string,
    @Query() q: EventFormRequest,
    @Res({ passthrough: true }) response: Response,
    @Caller() principal: Principal,
  ): Promise<StreamView> {
    if (!STREAM_NAME.test(stream)) {
      throw new ValidationFailedError([
        { field: 'stream', message: 'a stream name is letters, digits, dot, underscore and -' },
      ]);
    }
    const view = await this.queries.execute<GetStreamQuery, StreamView>(new GetStreamQuery(stream, q.form));
    const first = view.events[0];
    if (first) this.scope.requireUnit(principal, first.metadata.orgUnit, `stream ${stream}`);
    response.setHeader('ETag', `"${view.revision}"`);
    return view;
  }
}
