import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { RecordActionRequest } from '@ledger/ledger/http';
import { REQUEST_EXAMPLES } from '@ledger/domain';

export class OpenRemainsCaseRequest extends RecordActionRequest {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Id of the new remains case; defaults to the event id',
  })
  @IsOptional()
  @IsUUID('all')
  caseId?: string;

  @ApiProperty({ maxLength: 500 })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  site!: string;

  @ApiProperty({ example: REQUEST_EXAMPLES.commune, description: 'Org unit code of the commune' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/, { message: 'commune must be an org unit code' })
  commune!: string;
}
