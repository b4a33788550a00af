import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { RecordActionRequest } from '../../../http';

export class RejectCorrectionRequest extends RecordActionRequest {
  @ApiProperty({
    minLength: 10,
    maxLength: 2000,
    example: 'Biên bản kiểm tra lại không thấy sai sót trong diện tích sàn',
  })
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  reason!: string;
}
