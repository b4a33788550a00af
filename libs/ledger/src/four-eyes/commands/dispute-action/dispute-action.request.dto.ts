import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { RecordActionRequest } from '../../../http';

export class DisputeActionRequest extends RecordActionRequest {
  @ApiProperty({ minLength: 10, maxLength: 2000, example: 'Kiểm tra thực địa: nhà chưa hoàn thành mái' })
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  reason!: string;
}
