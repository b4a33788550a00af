import { Command } from '@nestjs/cqrs';
import type { StoredTreeHead } from '../../tree-heads';

/** Signs a head of the Merkle tree as projected now (on demand; the schedule signs the others). */
export class SignTreeHeadCommand extends Command<StoredTreeHead> {}
