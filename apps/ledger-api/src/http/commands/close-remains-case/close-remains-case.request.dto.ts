import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { REMAINS_CASE_OUTCOMES, type RemainsCaseOutcome } from '@ledger/domain';
import { RecordActionRequest } from '@ledger/ledger/http';

export class CloseRemainsCaseRequest extends RecordActionRequest {
  @ApiProperty({ enum: REMAINS_CASE_OUTCOMES })
  @IsIn(REMAINS_CASE_OUTCOMES)
  outcome!: RemainsCaseOutcome;
}
