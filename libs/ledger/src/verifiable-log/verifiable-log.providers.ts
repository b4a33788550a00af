// Nest wiring of the verifiable log: the signing key, the tree reader, the kept heads, and the schedule that
// signs a head every N minutes when the tree grew (in the process that runs the projections).
import {
  Inject,
  Injectable,
  Logger,
  type FactoryProvider,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import {
  READ_STORE_READER,
  READ_STORE_WRITER,
  type ReadStoreReader,
  type ReadStoreWriter,
} from '@ledger/read-store';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config';
import { RUN_PROJECTIONS } from '../infrastructure/stores-lifecycle';
import { loadLogSigningKey, type LogSigningKey } from './log-signing-key';
import { MerkleLogReader } from './merkle-log.reader';
import { TreeHeads } from './tree-heads';
import { LOG_SIGNING_KEY, MERKLE_LOG_READER, TREE_HEADS } from './verifiable-log.di-tokens';

export const logSigningKeyProvider: FactoryProvider<LogSigningKey> = {
  provide: LOG_SIGNING_KEY,
  inject: [LEDGER_CONFIG],
  useFactory: (config: LedgerConfig) => loadLogSigningKey(config.signingKey, config.dataDir),
};

export const merkleLogReaderProvider: FactoryProvider<MerkleLogReader> = {
  provide: MERKLE_LOG_READER,
  inject: [READ_STORE_READER],
  useFactory: (reader: ReadStoreReader) => new MerkleLogReader(reader),
};

export const treeHeadsProvider: FactoryProvider<TreeHeads> = {
  provide: TREE_HEADS,
  inject: [READ_STORE_READER, READ_STORE_WRITER, LOG_SIGNING_KEY],
  useFactory: (reader: ReadStoreReader, writer: ReadStoreWriter, key: LogSigningKey) =>
    new TreeHeads(reader, writer, key),
};

@Injectable()
export class TreeHeadSchedule implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('TreeHeads');
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<unknown> | undefined;

  constructor(
    @Inject(TREE_HEADS) private readonly heads: TreeHeads,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    @Inject(RUN_PROJECTIONS) private readonly runProjections: boolean,
  ) {}

  onApplicationBootstrap(): void {
    const minutes = this.config.headSigningIntervalMinutes;
    if (!this.runProjections || minutes === 0) return;
    this.timer = setInterval(() => this.tick(), minutes * 60_000);
    this.timer.unref();
  }

  // onModuleDestroy runs before StoresLifecycle closes the stores (onApplicationShutdown).
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.inFlight;
  }

  private tick(): void {
    if (this.inFlight) return;
    this.inFlight = this.heads
      .signIfGrown()
      .then((head) => {
        if (head) this.logger.log(`signed tree head ${head.sequence}: size ${head.treeSize}`);
      })
      .catch((error: unknown) => this.logger.warn(`could not sign a tree head: ${String(error)}`))
      .finally(() => {
        this.inFlight = undefined;
      });
  }
}
