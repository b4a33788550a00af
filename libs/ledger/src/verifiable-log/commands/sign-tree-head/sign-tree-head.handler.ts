import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { StoredTreeHead, TreeHeads } from '../../tree-heads';
import { TREE_HEADS } from '../../verifiable-log.di-tokens';
import { SignTreeHeadCommand } from './sign-tree-head.command';

@CommandHandler(SignTreeHeadCommand)
export class SignTreeHeadHandler implements ICommandHandler<SignTreeHeadCommand> {
  constructor(@Inject(TREE_HEADS) private readonly heads: TreeHeads) {}

  execute(): Promise<StoredTreeHead> {
    return this.heads.sign();
  }
}
