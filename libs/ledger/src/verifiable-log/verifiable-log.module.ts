// The verifiable log: signed tree heads, inclusion and consistency proofs, the public key.
import { Module } from '@nestjs/common';
import { SignTreeHeadHandler } from './commands/sign-tree-head/sign-tree-head.handler';
import { GetConsistencyProofHandler } from './queries/get-consistency-proof/get-consistency-proof.handler';
import { GetInclusionProofHandler } from './queries/get-inclusion-proof/get-inclusion-proof.handler';
import { GetLogPublicKeyHandler } from './queries/get-log-public-key/get-log-public-key.handler';
import {
  GetLatestTreeHeadHandler,
  ListTreeHeadsHandler,
} from './queries/get-tree-heads/get-tree-heads.handler';
import { TreeHeadSigningModule } from './tree-head-signing.module';
import { MERKLE_LOG_READER } from './verifiable-log.di-tokens';
import { merkleLogReaderProvider } from './verifiable-log.providers';

@Module({
  imports: [TreeHeadSigningModule],
  providers: [
    merkleLogReaderProvider,
    SignTreeHeadHandler,
    GetInclusionProofHandler,
    GetConsistencyProofHandler,
    ListTreeHeadsHandler,
    GetLatestTreeHeadHandler,
    GetLogPublicKeyHandler,
  ],
  exports: [TreeHeadSigningModule, MERKLE_LOG_READER],
})
export class VerifiableLogModule {}
