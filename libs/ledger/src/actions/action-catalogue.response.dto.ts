// The OpenAPI schema of GET /actions (the shape is ActionCatalogue in libs/domain).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FIELD_TYPES } from '@ledger/domain';

export class LabelDto {
  @ApiProperty({ example: 'Hỗ trợ nhà ở' }) vi!: string;
  @ApiProperty({ example: 'Housing support' }) en!: string;
}

class FieldConditionDto {
  @ApiProperty({ example: 'facilityKind' }) field!: string;
  @ApiProperty({ type: [String] }) values!: string[];
}

export class CatalogueFieldDto {
  @ApiProperty({ example: 'amountVnd' }) name!: string;
  @ApiProperty({ enum: FIELD_TYPES }) type!: string;
  @ApiProperty() required!: boolean;
  @ApiProperty({ type: LabelDto }) label!: LabelDto;
  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'number' }],
    description: 'A value that passes validation',
  })
  example!: string | number;
  @ApiPropertyOptional() help?: string;
  @ApiPropertyOptional({ type: [String], description: 'The allowed values of an enum' }) values?: string[];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/LabelDto' },
    description: 'The allowed values in words (vi, en), by value',
  })
  valueLabels?: Record<string, LabelDto>;
  @ApiPropertyOptional() min?: number;
  @ApiPropertyOptional() max?: number;
  @ApiPropertyOptional() maxLength?: number;
  @ApiPropertyOptional({ description: 'The pattern the whole value must match (RegExp source, no flags)' })
  pattern?: string;
  @ApiPropertyOptional({ type: FieldConditionDto, description: 'Only sent when field holds one of values' })
  onlyWhen?: FieldConditionDto;
}

export class CatalogueCommandDto {
  @ApiProperty({ example: 'ApproveHousingFunding' }) type!: string;
  @ApiProperty({ type: LabelDto }) label!: LabelDto;
  @ApiProperty() summary!: string;
  @ApiProperty({ enum: ['POST'] }) method!: 'POST';
  @ApiProperty({ example: '/housing-cases/{id}/funding-approvals' }) path!: string;
  @ApiProperty({ type: [CatalogueFieldDto] }) fields!: CatalogueFieldDto[];
}

class EventFieldDto {
  @ApiProperty({ example: 'amountVnd' }) name!: string;
  @ApiProperty({ type: LabelDto }) label!: LabelDto;
}

export class CatalogueEventDto {
  @ApiProperty({ example: 'HousingFundingApproved' }) type!: string;
  @ApiProperty({ type: LabelDto }) label!: LabelDto;
  @ApiProperty({ type: [EventFieldDto] }) fields!: EventFieldDto[];
}

export class CatalogueActionDto {
  @ApiProperty({ example: 'housing' }) name!: string;
  @ApiProperty({ type: LabelDto }) label!: LabelDto;
  @ApiProperty({ example: 'housing-case', description: 'The task recording-rights.json names' })
  recordingTask!: string;
  @ApiProperty({ type: [CatalogueCommandDto] }) commands!: CatalogueCommandDto[];
  @ApiProperty({ type: [CatalogueEventDto] }) eventTypes!: CatalogueEventDto[];
}

export class ActionCatalogueDto {
  @ApiProperty({ type: [CatalogueFieldDto], description: 'Fields every command takes besides its own' })
  commonFields!: CatalogueFieldDto[];
  @ApiProperty({ type: [CatalogueActionDto] }) actions!: CatalogueActionDto[];
}
