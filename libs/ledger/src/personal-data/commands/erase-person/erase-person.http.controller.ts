import { Body, Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { PERSON_REF_PATTERN } from '@ledger/domain';
import { ErasePersonCommand, ValidationFailedError, type ErasePersonResult } from '../../..';
import { Allow, ApiProblems, type RequestContext, WriteContext } from '../../../http';

class ErasePersonalDataRequest {
  @ApiProperty({
    description:
      'The lawful request this erasure answers, and why; kept on the record (no personal data here)',
    example: 'Đơn yêu cầu xoá dữ liệu cá nhân ngày 02/03/2026, hồ sơ số 15/BVDL',
  })
  @IsString({ message: 'reason must be a text' })
  @Length(10, 500, { message: 'say which lawful request this erasure answers (10 to 500 characters)' })
  reason!: string;
}

class ErasePersonalDataResponse {
  @ApiProperty() personRef!: string;
  @ApiProperty({ description: 'false when the key was already gone: erasing again changes nothing' })
  keyErased!: boolean;
  @ApiProperty() stream!: string;
  @ApiProperty({ type: [String] }) eventIds!: string[];
  @ApiProperty({ type: [Number] }) positions!: number[];
  @ApiProperty() revision!: number;
  @ApiProperty({ description: 'true when the erasure was already on the record' }) replayed!: boolean;
}

@ApiTags('personal data')
@Controller('beneficiaries')
export class PersonalDataHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Allow(
    ['admin'],
    "the data protection officer erases a person's personal data on a lawful request; the ledger keeps its events",
  )
  @Delete(':ref/personal-data')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'erasePersonalData',
    summary:
      "Erase a person's personal data (Decree 13/2023/ND-CP): deletes the person's key, so their name and contact " +
      'read as { erased: true } everywhere; the events, hash chains and signed heads stay intact. Idempotent.',
  })
  @ApiOkResponse({ type: ErasePersonalDataResponse })
  @ApiProblems(404)
  async erase(
    @Param('ref') ref: string,
    @Body() body: ErasePersonalDataRequest,
    @WriteContext() request: RequestContext,
  ): Promise<ErasePersonResult> {
    if (!PERSON_REF_PATTERN.test(ref))
      throw new ValidationFailedError([
        { field: 'ref', message: 'a person is named by its pseudonymous reference (b-<32 hex digits>)' },
      ]);
    return this.commands.execute(
      new ErasePersonCommand({ personRef: ref, reason: body.reason }, { ...request, evidence: [] }),
    );
  }
}
