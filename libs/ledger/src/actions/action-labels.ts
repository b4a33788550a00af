// GET /actions/labels: only the words of the catalogue (each action's and each of its events' labels), for a
// client that shows recorded events by name (the dashboard) and needs neither routes nor field names.
import { ApiProperty } from '@nestjs/swagger';
import { ACTION_CATALOGUE, type Label } from '@ledger/domain';
import { LabelDto } from './action-catalogue.response.dto';

export interface ActionLabels {
  actions: { name: string; label: Label; eventTypes: { type: string; label: Label }[] }[];
}

export const ACTION_LABELS: ActionLabels = {
  actions: ACTION_CATALOGUE.actions.map((action) => ({
    name: action.name,
    label: action.label,
    eventTypes: action.eventTypes.map((event) => ({ type: event.type, label: event.label })),
  })),
};

class EventLabelDto {
  @ApiProperty({ example: 'HousingFundingApproved' }) type!: string;
  @ApiProperty({ type: LabelDto }) label!: LabelDto;
}

class ActionLabelDto {
  @ApiProperty({ example: 'housing' }) name!: string;
  @ApiProperty({ type: LabelDto }) label!: LabelDto;
  @ApiProperty({ type: [EventLabelDto] }) eventTypes!: EventLabelDto[];
}

export class ActionLabelsDto {
  @ApiProperty({ type: [ActionLabelDto] }) actions!: ActionLabelDto[];
}
