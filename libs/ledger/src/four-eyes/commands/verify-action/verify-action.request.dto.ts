import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { RecordActionRequest } from '../../../http';

export class VerifyActionRequest extends RecordActionRequest {
  @ApiProperty({
    enum: ['field_visit', 'document_check'],
    example: 'field_visit',
    description: 'How the action was checked',
  })
  @IsIn(['field_visit', 'document_check'])
  method!: 'field_visit' | 'document_check';

  @ApiPropertyOptional({ maxLength: 2000, example: 'Nhà đã hoàn thành, có biên bản nghiệm thu' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
