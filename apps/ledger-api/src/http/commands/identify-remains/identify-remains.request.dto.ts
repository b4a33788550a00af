import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { IDENTIFICATION_METHODS, type IdentificationMethod } from '@ledger/domain';
import { RecordActionRequest } from '@ledger/ledger/http';

export class IdentifyRemainsRequest extends RecordActionRequest {
  @ApiProperty({ enum: IDENTIFICATION_METHODS })
  @IsIn(IDENTIFICATION_METHODS)
  method!: IdentificationMethod;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  martyrRecordRef!: string;
}
