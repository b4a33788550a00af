// The log's signing key, the kept tree heads, and the schedule that signs a head every N minutes in the
// process that runs the projections: what the projector needs of the verifiable log.
import { Module } from '@nestjs/common';
import { LOG_SIGNING_KEY, TREE_HEADS } from './verifiable-log.di-tokens';
import { logSigningKeyProvider, TreeHeadSchedule, treeHeadsProvider } from './verifiable-log.providers';

@Module({
  providers: [logSigningKeyProvider, treeHeadsProvider, TreeHeadSchedule],
  exports: [LOG_SIGNING_KEY, TREE_HEADS],
})
export class TreeHeadSigningModule {}
