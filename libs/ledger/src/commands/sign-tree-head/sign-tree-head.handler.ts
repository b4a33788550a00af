import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TREE_HEADS, type StoredTreeHead, type TreeHeads } from '../../verifiable-log/tree-heads';
import { SignTreeHeadCommand } from './sign-tree-head.command';

@CommandHandler(SignTreeHeadCommand)
export class SignTreeHeadHandler implements ICommandHandler<SignTreeHeadCommand> {
  constructor(@Inject(TREE_HEADS) private readonly heads: TreeHeads) {}

  execute(): Promise<StoredTreeHead> {
    return this.heads.sign();
  }
}
