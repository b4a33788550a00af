import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { HOUSING_WITHDRAWAL_GROUNDS, type HousingWithdrawalGrounds } from '@ledger/domain';
import { RecordActionRequest } from '@ledger/ledger/http';

export class WithdrawHousingCaseRequest extends RecordActionRequest {
  @ApiProperty({ enum: HOUSING_WITHDRAWAL_GROUNDS, description: 'Why the case is withdrawn' })
  @IsIn(HOUSING_WITHDRAWAL_GROUNDS)
  grounds!: HousingWithdrawalGrounds;

  @ApiProperty({
    minLength: 1,
    maxLength: 500,
    example: 'Hộ đã được đăng ký trong hồ sơ khác của cùng xã',
    description: 'What was found, in the officer’s words',
  })
  @IsString({ message: 'reason must be a text' })
  @Length(1, 500, { message: 'reason must be 1 to 500 characters' })
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}
