import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, Length, Matches } from 'class-validator';
import { OFFICER_ID, ROLES, type Role } from '@ledger/domain';

export class CreateAccountRequest {
  @ApiProperty({ example: 'can-bo-01', description: "The officer id (the token's subject)" })
  @Matches(OFFICER_ID, { message: "officer must be 2-64 letters, digits, '.', '_' or '-'" })
  officer!: string;

  @ApiProperty({ example: 'Pi Năng Thị Hoa' })
  @IsString({ message: 'displayName must be a text' })
  @Length(1, 200, { message: 'displayName must be 1-200 characters' })
  displayName!: string;

  @ApiProperty({ example: 'VHXH-XA-BAC-AI-DONG', description: 'An agency of the plan' })
  @IsString({ message: 'agency must be an agency code' })
  @Length(2, 64, { message: 'agency must be an agency code' })
  agency!: string;

  @ApiProperty({ type: [String], example: ['KH-BAC-AI-DONG'], description: 'Org units of the plan' })
  @IsArray({ message: 'orgUnits must be a list of org unit codes' })
  @ArrayMinSize(1, { message: 'orgUnits must list at least one org unit' })
  @ArrayMaxSize(50, { message: 'orgUnits must list at most 50 org units' })
  @IsString({ each: true, message: 'orgUnits must be a list of org unit codes' })
  orgUnits!: string[];

  @ApiProperty({
    enum: ROLES,
    isArray: true,
    example: ['officer'],
    description: 'Roles that four eyes keep apart are refused together',
  })
  @IsArray({ message: 'roles must be a list of roles' })
  @ArrayMinSize(1, { message: 'roles must list at least one role' })
  @IsIn(ROLES, { each: true, message: `roles must each be one of ${ROLES.join(', ')}` })
  roles!: Role[];

  @ApiProperty({
    example: 'a long passphrase',
    description: 'The first password (10-256 characters); stored as a scrypt hash only',
  })
  @IsString({ message: 'password must be a text' })
  @Length(10, 256, { message: 'password must be 10-256 characters' })
  password!: string;
}

export class DisableAccountRequest {
  @ApiProperty({ example: 'chuyển công tác sang huyện khác', description: 'Why; kept on the record' })
  @IsString({ message: 'reason must be a text' })
  @Length(5, 500, { message: 'reason must say why (5-500 characters)' })
  reason!: string;
}

export class GrantRoleRequest {
  @ApiProperty({ enum: ROLES, example: 'viewer' })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role!: Role;
}

export class SetPasswordRequest {
  @ApiProperty({
    example: 'another long passphrase',
    description: 'The new password (10-256 characters); the account’s sessions end',
  })
  @IsString({ message: 'password must be a text' })
  @Length(10, 256, { message: 'password must be 10-256 characters' })
  password!: string;
}
