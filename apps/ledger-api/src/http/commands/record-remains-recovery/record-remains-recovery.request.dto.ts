import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { RecordActionRequest } from '@ledger/ledger/http';

export class RecordRemainsRecoveryRequest extends RecordActionRequest {
  @ApiProperty({ minimum: 1, maximum: 1000, example: 1 })
  @IsInt()
  @Min(1)
  @Max(1000)
  setsOfRemains!: number;
}
