import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ACTION_CATALOGUE, type ActionCatalogue } from '@ledger/domain';
import { Public } from '../http/access-rule.decorator';
import { ActionCatalogueDto } from './action-catalogue.response.dto';
import { ACTION_LABELS, ActionLabelsDto, type ActionLabels } from './action-labels';

/** Public: what can be recorded, in words, with the fields each route takes. */
@ApiTags('actions')
@Controller('actions')
export class ActionsHttpController {
  @Public('the catalogue of actions (labels, fields, routes) is public')
  @Get()
  @ApiOperation({
    operationId: 'listActions',
    summary: 'Every action: labels (vi, en), its commands with route and fields, its events',
  })
  @ApiOkResponse({ type: ActionCatalogueDto })
  catalogue(): ActionCatalogue {
    return ACTION_CATALOGUE;
  }

  @Public('the labels of the actions and their events are public')
  @Get('labels')
  @ApiOperation({
    operationId: 'getActionLabels',
    summary: 'Only the labels (vi, en) of every action and of the events it writes',
  })
  @ApiOkResponse({ type: ActionLabelsDto })
  labels(): ActionLabels {
    return ACTION_LABELS;
  }
}
