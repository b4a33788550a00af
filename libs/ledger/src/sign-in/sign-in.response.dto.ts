import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@ledger/domain';

export class SignedInOfficerResponse {
  @ApiProperty({ example: 'can-bo-01' }) id!: string;
  @ApiProperty({ example: 'Pi Năng Thị Hoa' }) displayName!: string;
  @ApiProperty({ example: 'VHXH-XA-BAC-AI-DONG' }) agency!: string;
  @ApiProperty({ type: [String], example: ['KH-BAC-AI-DONG'] }) orgUnits!: string[];
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
}

export class SignedInResponse {
  @ApiProperty({ description: 'The access token (JWT): send it as Authorization: Bearer <token>' })
  accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({
    description: 'Seconds the access token lives (LEDGER_ACCESS_TOKEN_TTL, 15 minutes by default)',
  })
  expiresIn!: number;
  @ApiProperty({ type: SignedInOfficerResponse }) officer!: SignedInOfficerResponse;
}

export class WhoAmIResponse extends SignedInOfficerResponse {
  @ApiProperty({ enum: ['password', 'oidc', 'token'], description: 'token: a service token from the CLI' })
  method!: 'password' | 'oidc' | 'token';
}

class OidcOfferResponse {
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ example: 'Đăng nhập một lần (SSO)' }) label!: string;
}

export class SignInMethodsResponse {
  @ApiProperty({ enum: [true] }) password!: true;
  @ApiProperty({ type: OidcOfferResponse }) oidc!: OidcOfferResponse;
}
