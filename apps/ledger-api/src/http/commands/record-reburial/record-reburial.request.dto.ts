import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { RecordActionRequest } from '@ledger/ledger/http';

export class RecordReburialRequest extends RecordActionRequest {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  cemetery!: string;
}
