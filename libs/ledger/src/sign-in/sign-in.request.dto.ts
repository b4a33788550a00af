import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class LoginRequest {
  @ApiProperty({ example: 'can-bo-01', description: 'The officer id of the account' })
  @IsString({ message: 'officer must be a text' })
  @Length(2, 64, { message: 'officer must be an officer id (2-64 characters)' })
  officer!: string;

  @ApiProperty({ example: 'a long passphrase', description: 'The password; never logged or stored' })
  @IsString({ message: 'password must be a text' })
  @Length(1, 256, { message: 'password must be 1-256 characters' })
  password!: string;
}
