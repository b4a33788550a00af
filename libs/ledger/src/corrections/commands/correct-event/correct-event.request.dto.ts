import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { RecordActionRequest } from '../../../http';

export class CorrectEventRequest extends RecordActionRequest {
  @ApiProperty({
    format: 'uuid',
    example: '0b6f8a52-1111-4111-8111-111111111111',
    description: 'Id of the event being corrected; it stays in the ledger',
  })
  @IsUUID('all')
  correctsEventId!: string;

  @ApiProperty({
    enum: ['retraction', 'amendment'],
    example: 'amendment',
    description: 'Retract the event, or amend some of its fields',
  })
  @IsIn(['retraction', 'amendment'])
  kind!: 'retraction' | 'amendment';

  @ApiProperty({
    minLength: 10,
    maxLength: 2000,
    example: 'Floor area was measured again by the commune: 38 m2',
  })
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  reason!: string;

  @ApiPropertyOptional({
    description: 'For an amendment: the corrected values of amendable fields',
    example: { floorAreaM2: 38 },
  })
  @IsOptional()
  @IsObject()
  changes?: Record<string, unknown>;
}
