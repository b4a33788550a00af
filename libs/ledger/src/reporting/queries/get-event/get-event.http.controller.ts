import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RecordedEvent } from '@ledger/domain';
import { GetEventQuery } from '../../..';
import { Allow, Caller, ReadScope, UuidParamPipe, ApiJsonResponse, ApiProblems } from '../../../http';
import { EventFormRequest } from '../../../http/event-form.request.dto';
import type { Principal } from '@ledger/domain';
import { RECORDED_EVENT_SCHEMA } from '../../reporting.response.schemas';

@ApiTags('events')
@Controller('events')
export class EventsHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly scope: ReadScope,
  ) {}

  @Allow(
    ['inspector', 'officer', 'supervisor'],
    "an inspector reads any event in their org units; an officer or supervisor reads the events of their own org units, never one of a person's read log or erasure record",
  )
  @ApiProblems(400, 404, 503)
  @Get(':id')
  @ApiOperation({
    summary:
      'One recorded event with its envelope (actor, evidence, hash chain); ?form=sealed: as stored and hashed',
    operationId: 'getEvent',
  })
  @ApiJsonResponse(RECORDED_EVENT_SCHEMA, { description: 'The event' })
  async get(
    @Param('id', UuidParamPipe) id: string,
    @Query() q: EventFormRequest,
    @Caller() principal: Principal,
  ): Promise<RecordedEvent> {
    const event = await this.queries.execute<GetEventQuery, RecordedEvent>(new GetEventQuery(id, q.form));
    this.scope.requireEvent(principal, event);
    return event;
  }
}
