import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { RegisterHousingCaseCommand } from '@ledger/ledger';
import {
  Allow,
  commandContext,
  CommandResponse,
  type RequestContext,
  respond,
  WriteContext,
} from '@ledger/ledger/http';
import { RegisterHousingCaseRequest } from './register-housing-case.request.dto';

@ApiTags('housing')
@Allow(
  ['officer', 'supervisor'],
  'records only the actions its agency carries out (seeds/recording-rights.json), in its own org units',
)
@Controller('housing-cases')
export class RegisterHousingCaseHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Register a household for housing support' })
  @ApiCreatedResponse({ type: CommandResponse })
  async record(
    @Body() body: RegisterHousingCaseRequest,
    @WriteContext() request: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const context = commandContext(request, body);
    const caseId = body.caseId ?? context.eventId ?? randomUUID();
    const result = await this.commands.execute(
      new RegisterHousingCaseCommand(
        {
          caseId,
          householdHeadCitizenId: body.householdHeadCitizenId,
          commune: body.commune,
          category: body.category,
          occurredAt: body.occurredAt,
          ...(body.householdHeadName !== undefined
            ? { householdHeadName: body.householdHeadName.trim() }
            : {}),
          ...(body.contactPhone !== undefined ? { contactPhone: body.contactPhone } : {}),
        },
        context,
      ),
    );
    return respond(response, result, { caseId: caseId });
  }
}
