import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RecordedEvent } from '@ledger/domain';
import { GetEventQuery } from '@ledger/ledger';
import { UuidParamPipe } from '../uuid-param.pipe';
import { Allow } from '../auth/access-rule.decorator';

@ApiTags('events')
@Controller('events')
export class EventsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Allow(
    ['inspector', 'officer', 'supervisor'],
    'an inspector reads any event in their org units; an officer or supervisor reads the events of their own org units',
  )
  @Get(':id')
  @ApiOperation({ summary: 'One recorded event with its envelope (actor, evidence, hash chain)' })
  @ApiOkResponse({ description: 'The event' })
  get(@Param('id', UuidParamPipe) id: string): Promise<RecordedEvent> {
    return this.queries.execute(new GetEventQuery(id));
  }
}
