// The verifiable log over HTTP (DESIGN.md): signed tree heads, the log's public key, and RFC 6962 inclusion
// and consistency proofs that libs/verifiable-log's verifier checks offline.
import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  GetConsistencyProofQuery,
  GetInclusionProofQuery,
  GetLatestTreeHeadQuery,
  GetLogPublicKeyQuery,
  ListTreeHeadsQuery,
  SignTreeHeadCommand,
  type ConsistencyProofView,
  type InclusionProofView,
  type LogPublicKeyView,
  type StoredTreeHead,
} from '..';
import { ConsistencyProofRequest, InclusionProofRequest } from './verifiable-log.request.dto';
import { Allow, Public } from '../http';

@ApiTags('verifiable log')
@Controller('ledger')
export class VerifiableLogHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  @Public('signed tree heads are published for anyone to keep')
  @Get('heads')
  @ApiOperation({ summary: 'Every signed tree head, oldest first' })
  @ApiOkResponse({ description: '{ heads: [...] }' })
  async heads(): Promise<{ heads: StoredTreeHead[] }> {
    return { heads: await this.queries.execute(new ListTreeHeadsQuery()) };
  }

  @Public('signed tree heads are published for anyone to keep')
  @Get('heads/latest')
  @ApiOperation({ summary: 'The latest signed tree head' })
  latest(): Promise<StoredTreeHead> {
    return this.queries.execute(new GetLatestTreeHeadQuery());
  }

  @Allow(
    ['officer', 'supervisor', 'inspector', 'admin'],
    'anyone who works the ledger may sign a head of the log as it stands; a viewer may not',
  )
  @Post('heads')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Sign a tree head of the tree as projected now',
  })
  sign(): Promise<StoredTreeHead> {
    return this.commands.execute(new SignTreeHeadCommand());
  }

  @Public('the key that verifies the heads is public')
  @Get('public-key')
  @ApiOperation({ summary: "The log's Ed25519 public key (SPKI PEM) and its key id" })
  publicKey(): Promise<LogPublicKeyView> {
    return this.queries.execute(new GetLogPublicKeyQuery());
  }

  @Allow(['inspector'], 'an inspector asks for proofs about events')
  @Get('proofs/inclusion')
  @ApiOperation({ summary: "RFC 6962 inclusion proof of an event's leaf in the tree of `size` leaves" })
  inclusion(@Query() request: InclusionProofRequest): Promise<InclusionProofView> {
    return this.queries.execute(new GetInclusionProofQuery(request.event.toLowerCase(), request.size));
  }

  @Public('a consistency proof holds only tree hashes')
  @Get('proofs/consistency')
  @ApiOperation({ summary: 'RFC 6962 consistency proof between the trees of `from` and `to` leaves' })
  consistency(@Query() request: ConsistencyProofRequest): Promise<ConsistencyProofView> {
    return this.queries.execute(new GetConsistencyProofQuery(request.from, request.to));
  }
}
