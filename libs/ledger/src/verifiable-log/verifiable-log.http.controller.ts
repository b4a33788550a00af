// The verifiable log over HTTP (DESIGN.md): signed tree heads, the log's public key, and RFC 6962 inclusion
// and consistency proofs that libs/verifiable-log's verifier checks offline.
import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal, RecordedEvent } from '@ledger/domain';
import {
  GetConsistencyProofQuery,
  GetEventQuery,
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
import { Allow, Caller, Public, ReadScope, ApiJsonResponse, ApiProblems } from '../http';
import {
  CONSISTENCY_PROOF_SCHEMA,
  INCLUSION_PROOF_SCHEMA,
  PUBLIC_KEY_SCHEMA,
  TREE_HEAD_SCHEMA,
  TREE_HEADS_SCHEMA,
} from './verifiable-log.response.schemas';

@ApiTags('verifiable log')
@Controller('ledger')
export class VerifiableLogHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
    private readonly scope: ReadScope,
  ) {}

  @Public('signed tree heads are published for anyone to keep')
  @Get('heads')
  @ApiOperation({ operationId: 'listTreeHeads', summary: 'Every signed tree head, oldest first' })
  @ApiJsonResponse(TREE_HEADS_SCHEMA)
  @ApiProblems(503)
  async heads(): Promise<{ heads: StoredTreeHead[] }> {
    return { heads: await this.queries.execute(new ListTreeHeadsQuery()) };
  }

  @Public('signed tree heads are published for anyone to keep')
  @Get('heads/latest')
  @ApiOperation({ operationId: 'getLatestTreeHead', summary: 'The latest signed tree head' })
  @ApiJsonResponse(TREE_HEAD_SCHEMA)
  @ApiProblems(404, 503)
  latest(): Promise<StoredTreeHead> {
    return this.queries.execute(new GetLatestTreeHeadQuery());
  }

  @Allow(
    ['officer', 'supervisor', 'inspector', 'admin'],
    'anyone who works the ledger may sign a head of the log as it stands; a viewer may not',
  )
  @Post('heads')
  @HttpCode(201)
  @ApiOperation({ operationId: 'signTreeHead', summary: 'Sign a tree head of the tree as projected now' })
  @ApiJsonResponse(TREE_HEAD_SCHEMA, { status: 201, description: 'The head signed and kept' })
  @ApiProblems(503)
  sign(): Promise<StoredTreeHead> {
    return this.commands.execute(new SignTreeHeadCommand());
  }

  @Public('the key that verifies the heads is public')
  @Get('public-key')
  @ApiOperation({
    operationId: 'getPublicKey',
    summary: "The log's Ed25519 public key (SPKI PEM) and its key id",
  })
  @ApiJsonResponse(PUBLIC_KEY_SCHEMA)
  publicKey(): Promise<LogPublicKeyView> {
    return this.queries.execute(new GetLogPublicKeyQuery());
  }

  @Allow(
    ['inspector'],
    "an inspector asks for proofs about the events they may read: a proof carries the event's hash and place in the log",
  )
  @Get('proofs/inclusion')
  @ApiOperation({
    operationId: 'proveInclusion',
    summary: "RFC 6962 inclusion proof of an event's leaf in the tree of `size` leaves",
  })
  @ApiJsonResponse(INCLUSION_PROOF_SCHEMA)
  @ApiProblems(400, 404, 503)
  async inclusion(
    @Query() request: InclusionProofRequest,
    @Caller() principal: Principal,
  ): Promise<InclusionProofView> {
    const id = request.event.toLowerCase();
    // The same scope as the event itself: its hash and leaf index say that it exists and where.
    const event = await this.queries.execute<GetEventQuery, RecordedEvent>(new GetEventQuery(id));
    this.scope.requireEvent(principal, event);
    return this.queries.execute(new GetInclusionProofQuery(id, request.size));
  }

  @Public('a consistency proof holds only tree hashes')
  @Get('proofs/consistency')
  @ApiOperation({
    operationId: 'proveConsistency',
    summary: 'RFC 6962 consistency proof between the trees of `from` and `to` leaves',
  })
  @ApiJsonResponse(CONSISTENCY_PROOF_SCHEMA)
  @ApiProblems(400, 503)
  consistency(@Query() request: ConsistencyProofRequest): Promise<ConsistencyProofView> {
    return this.queries.execute(new GetConsistencyProofQuery(request.from, request.to));
  }
}
