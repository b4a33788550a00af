import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '@ledger/domain';

export class AccountResponse {
  @ApiProperty({ example: 'can-bo-01' }) officer!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() agency!: string;
  @ApiProperty({ type: [String] }) orgUnits!: string[];
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty() enabled!: boolean;
  @ApiPropertyOptional({ description: 'Why the account is disabled' }) disabledReason?: string;
}

export class AccountCommandResponse {
  @ApiProperty({ type: AccountResponse }) account!: AccountResponse;
  @ApiProperty({ example: 'account-can-bo-01' }) stream!: string;
  @ApiProperty({ type: [String] }) eventIds!: string[];
  @ApiProperty({ type: [Number] }) positions!: number[];
  @ApiProperty() revision!: number;
  @ApiProperty({ description: 'True when nothing new was recorded (the account already stood so)' })
  replayed!: boolean;
}

export class AccountListResponse {
  @ApiProperty({ type: [AccountResponse] }) accounts!: AccountResponse[];
}
