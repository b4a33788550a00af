import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { REQUEST_EXAMPLES } from '@ledger/domain';

/** Where and when to read a figure: an org unit (default the plan's district) and a day (default today). */
export class OrgUnitAsOfRequest {
  @ApiPropertyOptional({
    example: REQUEST_EXAMPLES.orgUnit,
    description: "Org unit; default the plan's district",
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/, { message: 'orgUnit must be an org unit code' })
  orgUnit?: string;

  @ApiPropertyOptional({ example: '2027-12-31', description: 'The state as of this date; default today' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'asOf must be a date YYYY-MM-DD' })
  asOf?: string;
}
