// The admin's routes on accounts. Each maps HTTP to one command or read and back; the rules are the
// decider's, the credential store holds the passwords.
import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { isRole, OFFICER_ID, type AccountView } from '@ledger/domain';
import { ResourceNotFoundError, ValidationFailedError } from '../errors/ledger-errors';
import { Allow, ApiProblems, type RequestContext, WriteContext } from '../http';
import { AccountReader } from './account-reader';
import type { AccountResult } from './account-result';
import { AccountCommandResponse, AccountListResponse, AccountResponse } from './account.response.dto';
import {
  CreateAccountRequest,
  DisableAccountRequest,
  GrantRoleRequest,
  SetPasswordRequest,
} from './accounts.request.dto';
import { ChangeAccountCommand, type AccountChange } from './commands/change-account/change-account.command';
import { CreateAccountCommand } from './commands/create-account/create-account.command';
import { SetPasswordCommand } from './commands/set-password/set-password.command';
import { CREDENTIALS, type CredentialStore } from './credential-store.port';

const RULE = 'an admin manages accounts; each change is an event on the record with the admin as actor';

function officerParam(officer: string): string {
  if (!OFFICER_ID.test(officer))
    throw new ValidationFailedError([{ field: 'officer', message: 'officer must be an officer id' }]);
  return officer;
}

@ApiTags('accounts')
@Allow(['admin'], RULE)
@Controller('accounts')
export class AccountsHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: AccountReader,
    @Inject(CREDENTIALS) private readonly credentials: CredentialStore,
  ) {}

  @Post()
  @ApiOperation({
    operationId: 'createAccount',
    summary: 'Create an account with its first password (never echoed, never on the record)',
  })
  @ApiCreatedResponse({ type: AccountCommandResponse })
  async create(
    @Body() body: CreateAccountRequest,
    @WriteContext() request: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AccountResult> {
    const result = await this.commands.execute(
      new CreateAccountCommand(
        {
          officer: body.officer,
          displayName: body.displayName,
          agency: body.agency,
          orgUnits: body.orgUnits,
          roles: body.roles,
          password: body.password,
        },
        { ...request, evidence: [] },
      ),
    );
    response.setHeader('Location', `/accounts/${body.officer}`);
    return result;
  }

  @Get()
  @ApiOperation({ operationId: 'listAccounts', summary: 'Every account, as its stream says it is now' })
  @ApiOkResponse({ type: AccountListResponse })
  @ApiProblems(503)
  async list(): Promise<{ accounts: AccountView[] }> {
    const accounts = await Promise.all((await this.credentials.officers()).map((o) => this.reader.read(o)));
    return { accounts: accounts.filter((a): a is AccountView => a !== null) };
  }

  @Get(':officer')
  @ApiOperation({ operationId: 'getAccount', summary: 'One account' })
  @ApiOkResponse({ type: AccountResponse })
  @ApiProblems(400, 404, 503)
  async get(@Param('officer') officer: string): Promise<AccountView> {
    const account = await this.reader.read(officerParam(officer));
    if (!account) throw new ResourceNotFoundError('ACCOUNT_NOT_FOUND', `no account ${officer} is recorded`);
    return account;
  }

  @Post(':officer/disable')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'disableAccount',
    summary: 'Disable an account, with the reason; its sessions end and its next write is refused',
  })
  @ApiOkResponse({ type: AccountCommandResponse })
  @ApiProblems(404)
  disable(
    @Param('officer') officer: string,
    @Body() body: DisableAccountRequest,
    @WriteContext() request: RequestContext,
  ): Promise<AccountResult> {
    return this.change(
      { type: 'DisableAccount', officer: officerParam(officer), reason: body.reason },
      request,
    );
  }

  @Post(':officer/enable')
  @HttpCode(200)
  @ApiOperation({ operationId: 'enableAccount', summary: 'Enable a disabled account again' })
  @ApiOkResponse({ type: AccountCommandResponse })
  @ApiProblems(404)
  enable(@Param('officer') officer: string, @WriteContext() request: RequestContext): Promise<AccountResult> {
    return this.change({ type: 'EnableAccount', officer: officerParam(officer) }, request);
  }

  @Post(':officer/roles')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'grantRole',
    summary: 'Grant a role (refused when four eyes keep it apart from one the account holds)',
  })
  @ApiOkResponse({ type: AccountCommandResponse })
  @ApiProblems(404)
  grant(
    @Param('officer') officer: string,
    @Body() body: GrantRoleRequest,
    @WriteContext() request: RequestContext,
  ): Promise<AccountResult> {
    return this.change({ type: 'GrantRole', officer: officerParam(officer), role: body.role }, request);
  }

  @Delete(':officer/roles/:role')
  @ApiOperation({ operationId: 'revokeRole', summary: 'Revoke a role; the sessions of the account end' })
  @ApiOkResponse({ type: AccountCommandResponse })
  @ApiProblems(404)
  revoke(
    @Param('officer') officer: string,
    @Param('role') role: string,
    @WriteContext() request: RequestContext,
  ): Promise<AccountResult> {
    if (!isRole(role)) throw new ValidationFailedError([{ field: 'role', message: 'role must be a role' }]);
    return this.change({ type: 'RevokeRole', officer: officerParam(officer), role }, request);
  }

  @Post(':officer/password')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'setPassword',
    summary: 'Set a new password for the account; its sessions end',
  })
  @ApiOkResponse({ type: AccountCommandResponse })
  @ApiProblems(404)
  password(
    @Param('officer') officer: string,
    @Body() body: SetPasswordRequest,
    @WriteContext() request: RequestContext,
  ): Promise<AccountResult> {
    return this.commands.execute(
      new SetPasswordCommand(officerParam(officer), body.password, { ...request, evidence: [] }),
    );
  }

  private change(change: AccountChange, request: RequestContext): Promise<AccountResult> {
    return this.commands.execute(new ChangeAccountCommand(change, { ...request, evidence: [] }));
  }
}
