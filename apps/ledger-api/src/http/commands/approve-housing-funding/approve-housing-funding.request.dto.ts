import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { HOUSING_FUNDING_SOURCES, type HousingFundingSource } from '@ledger/domain';
import { RecordActionRequest } from '@ledger/ledger/http';

export class ApproveHousingFundingRequest extends RecordActionRequest {
  @ApiProperty({ example: 40000000, description: 'Amount in VND (whole dong)' })
  @IsInt()
  @Min(1)
  @Max(100_000_000_000)
  amountVnd!: number;

  @ApiProperty({ enum: HOUSING_FUNDING_SOURCES })
  @IsIn(HOUSING_FUNDING_SOURCES)
  source!: HousingFundingSource;
}
