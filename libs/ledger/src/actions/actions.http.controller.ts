import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ACTION_CATALOGUE, type ActionCatalogue } from '@ledger/domain';
import { Public } from '../http/access-rule.decorator';
import { ActionCatalogueDto } from './action-catalogue.response.dto';

/** Public: what can be recorded, in words, with the fields each route takes. */
@ApiTags('actions')
@Controller('actions')
export class ActionsHttpController {
  @Public('the catalogue of actions (labels, fields, routes) is public')
  @Get()
  @ApiOperation({ summary: 'Every action: labels (vi, en), its commands with route and fields, its events' })
  @ApiOkResponse({ type: ActionCatalogueDto })
  catalogue(): ActionCatalogue {
    return ACTION_CATALOGUE;
  }
}
