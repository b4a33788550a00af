// The application core shared by the api, the projector and the cli: configuration, the ports bound to
// their adapters, and the CQRS command and query handlers.
import { loadTokenSecret, TOKEN_SECRET } from './auth/token';
import { WRITE_ACCESS, writeAccessProvider } from './auth/write-access';
import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EVENT_STORE } from '@ledger/event-store';
import { READ_STORE } from '@ledger/read-store';
import * as commands from './commands';
import { LEDGER_CONFIG, type LedgerConfig } from './config/ledger-config';
import { eventStoreProvider } from './infrastructure/event-store.provider';
import { pseudonymizerProvider } from './infrastructure/pseudonymizer.provider';
import { readStoreProvider } from './infrastructure/read-store.provider';
import { RUN_PROJECTIONS, StoresLifecycle } from './infrastructure/stores-lifecycle';
import {
  PLAN_MODEL,
  PLAN_SEED,
  planSeedProvider,
  planModelProvider,
  PROJECTION_RUNNER,
  projectionRunnerProvider,
} from './read/projections.providers';
import { PlanSeeder } from './plan/plan-seeder';
import { PSEUDONYMIZER } from './pseudonym/pseudonymizer';
import { FindDocumentsHandler } from './queries/find-documents/find-documents.handler';
import { GetDocumentHandler } from './queries/get-document/get-document.handler';
import { GetEventHandler } from './queries/get-event/get-event.handler';
import { GetAgencyTrailHandler } from './queries/get-agency-trail/get-agency-trail.handler';
import { GetOpenCaseStepsHandler } from './queries/get-open-case-steps/get-open-case-steps.handler';
import { GetIndicatorProgressHandler } from './queries/get-indicator-progress/get-indicator-progress.handler';
import { GetReportHandler } from './queries/get-report/get-report.handler';
import { GetSummaryHandler } from './queries/get-summary/get-summary.handler';
import { GetHealthHandler } from './queries/get-health/get-health.handler';
import { GetStreamHandler } from './queries/get-stream/get-stream.handler';
import { GetConsistencyProofHandler } from './queries/get-consistency-proof/get-consistency-proof.handler';
import { GetInclusionProofHandler } from './queries/get-inclusion-proof/get-inclusion-proof.handler';
import { GetLogPublicKeyHandler } from './queries/get-log-public-key/get-log-public-key.handler';
import {
  GetLatestTreeHeadHandler,
  ListTreeHeadsHandler,
} from './queries/get-tree-heads/get-tree-heads.handler';
import { LOG_SIGNING_KEY } from './verifiable-log/log-signing-key';
import { TREE_HEADS } from './verifiable-log/tree-heads';
import {
  logSigningKeyProvider,
  MERKLE_LOG_READER,
  merkleLogReaderProvider,
  TreeHeadSchedule,
  treeHeadsProvider,
} from './verifiable-log/verifiable-log.providers';
import { AggregateCommandExecutor } from './write/aggregate-command-executor';
import { ErasePersonHandler } from './personal-data/erase-person/erase-person.handler';
import { PERSONAL_KEYS } from './personal-data/personal-key-store.port';
import { personalKeyStoreProvider } from './personal-data/personal-key-store.provider';
import { FigureReader } from './four-eyes/figure-reader';
import { GetReportApprovalHandler } from './queries/get-report-approval/get-report-approval.handler';
import { ListReportApprovalsHandler } from './queries/list-report-approvals/list-report-approvals.handler';
import { GetRestatementHandler } from './queries/get-restatement/get-restatement.handler';
import { ListDoubleClaimsHandler } from './queries/list-double-claims/list-double-claims.handler';
import { checkUpcasters } from './write/upcasting';
import { RecordActionHandler } from './actions/record-action.handler';

const commandHandlers = Object.values(commands).filter(
  (value) => typeof value === 'function' && value.name.endsWith('Handler'),
) as Type<unknown>[];
const queryHandlers = [
  GetEventHandler,
  GetStreamHandler,
  GetHealthHandler,
  FindDocumentsHandler,
  GetDocumentHandler,
  GetIndicatorProgressHandler,
  GetAgencyTrailHandler,
  GetOpenCaseStepsHandler,
  GetReportHandler,
  GetSummaryHandler,
  GetInclusionProofHandler,
  GetConsistencyProofHandler,
  ListTreeHeadsHandler,
  GetLatestTreeHeadHandler,
  GetLogPublicKeyHandler,
  GetReportApprovalHandler,
  ListReportApprovalsHandler,
  GetRestatementHandler,
  ListDoubleClaimsHandler,
];

@Module({})
export class LedgerModule {
  /** `runProjections`: this process applies the projections (the api in embedded mode, the projector). */
  static forRoot(config: LedgerConfig, options: { runProjections: boolean }): DynamicModule {
    checkUpcasters();
    return {
      module: LedgerModule,
      global: true,
      imports: [CqrsModule.forRoot()],
      providers: [
        { provide: LEDGER_CONFIG, useValue: config },
        { provide: RUN_PROJECTIONS, useValue: options.runProjections },
        eventStoreProvider,
        readStoreProvider,
        planSeedProvider,
        planModelProvider,
        writeAccessProvider,
        {
          provide: TOKEN_SECRET,
          useFactory: () => loadTokenSecret(config.tokenSecret, config.dataDir),
        },
        projectionRunnerProvider,
        pseudonymizerProvider,
        personalKeyStoreProvider,
        ErasePersonHandler,
        logSigningKeyProvider,
        merkleLogReaderProvider,
        treeHeadsProvider,
        TreeHeadSchedule,
        AggregateCommandExecutor,
        FigureReader,
        PlanSeeder,
        StoresLifecycle,
        RecordActionHandler,
        ...commandHandlers,
        ...queryHandlers,
      ],
      exports: [
        LEDGER_CONFIG,
        EVENT_STORE,
        READ_STORE,
        PLAN_SEED,
        PLAN_MODEL,
        WRITE_ACCESS,
        TOKEN_SECRET,
        PROJECTION_RUNNER,
        PSEUDONYMIZER,
        PERSONAL_KEYS,
        LOG_SIGNING_KEY,
        MERKLE_LOG_READER,
        TREE_HEADS,
        AggregateCommandExecutor,
        PlanSeeder,
        CqrsModule,
      ],
    };
  }
}
