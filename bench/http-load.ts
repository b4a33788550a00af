// The load generator of scenario 2, in its own process (a second core): autocannon with N connections, each
// walking a realistic mix of commands (a housing case registered, funded and started; subsidy payments, a
// health insurance enrolment, an allowance grant, a job placement), every one for a new citizen id, so
// that each is a new fact (201), not a duplicate (409). Prints one JSON line with the result.
//
//   BENCH_LOAD='{"url":"http://127.0.0.1:3000","connections":64,"seconds":5,"offset":0,"headers":{...}}'
//     node dist-bench/bench/http-load.js

interface AutocannonRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
}

interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  statusCodeStats: Record<string, { count: number }>;
  latency: Record<string, number>;
  requests: { total: number; average: number };
}

type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;

export interface LoadSettings {
  url: string;
  connections: number;
  seconds: number;
  /** Start of this run's citizen-id counter: runs against one server must not reuse ids. */
  offset: number;
  /** Commands per second over all connections (paced); absent: as fast as the server answers. */
  rate?: number;
  /** Headers per agency: { officer: LDTBXH officer, insurer: BHXH officer }. */
  headers: { officer: Record<string, string>; insurer: Record<string, string> };
}

export interface LoadResult {
  seconds: number;
  commandsPerSecond: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** The first answers that were not 2xx, for the report. */
  rejected: string[];
  latencyMs: { p50: number; p90: number; p99: number; p99_9: number; max: number; mean: number };
}

const COMMUNES = [
  'BA-PHUOC-DAI',
  'BA-PHUOC-BINH',
  'BA-PHUOC-HOA',
  'BA-PHUOC-TAN',
  'BA-PHUOC-TIEN',
  'BA-PHUOC-THANG',
];
// Before the reorganisation of 1 July 2025, when these communes (and the district) were in force: a write
// dated later in one of them is refused (409, naming the unit that took its place).
const at = (date: string): string => `${date}T09:00:00+07:00`;

async function main(): Promise<void> {
  const settings = JSON.parse(process.env.BENCH_LOAD ?? '{}') as LoadSettings;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const autocannon = require('autocannon') as Autocannon;
  let counter = settings.offset;
  const citizen = (): string => '0582' + String(counter++ % 1e8).padStart(8, '0');
  const commune = (): string => COMMUNES[counter % COMMUNES.length];
  const json = { 'content-type': 'application/json' };
  const officer = { ...json, ...settings.headers.officer };
  const insurer = { ...json, ...settings.headers.insurer };
  const rejected: string[] = [];
  const keep = (path: string, status: number, body: string): void => {
    if ((status < 200 || status > 299) && rejected.length < 5)
      rejected.push(`${path} ${status} ${body.slice(0, 300)}`);
  };
  const post = (
    path: string | ((context: Record<string, unknown>) => string),
    headers: Record<string, string>,
    body: (context: Record<string, unknown>) => object,
    onResponse?: AutocannonRequest['onResponse'],
  ): AutocannonRequest => ({
    method: 'POST',
    path: typeof path === 'string' ? path : '/',
    headers,
    setupRequest: (request, context) => ({
      ...request,
      path: typeof path === 'string' ? path : path(context),
      headers,
      body: JSON.stringify(body(context)),
    }),
    onResponse: (status, body, context) => {
      keep(typeof path === 'string' ? path : path(context), status, body);
      onResponse?.(status, body, context);
    },
  });
  const payment = (): object => ({
    programme: 'tro-cap-xa-hoi',
    beneficiaryCitizenId: citizen(),
    period: '2025-05',
    amountVnd: 500_000,
    method: 'bank',
    commune: commune(),
    occurredAt: at('2025-05-05'),
  });
  const requests: AutocannonRequest[] = [
    post(
      '/housing-cases',
      officer,
      () => ({
        householdHeadCitizenId: citizen(),
        commune: commune(),
        category: 'poor',
        occurredAt: at('2025-03-02'),
      }),
      (status, body, context) => {
        context.caseId = undefined;
        if (status !== 201) return;
        try {
          context.caseId = (JSON.parse(body) as { caseId?: string }).caseId;
        } catch {
          // not JSON (the bare endpoint): the lifecycle steps below go to /housing-cases/undefined/...
        }
      },
    ),
    post('/subsidy-payments', officer, () => payment()),
    post(
      (context) => `/housing-cases/${String(context.caseId)}/funding-approvals`,
      officer,
      () => ({ amountVnd: 60_000_000, source: 'central_budget', occurredAt: at('2025-03-10') }),
    ),
    post('/health-insurance-enrolments', insurer, () => ({
      beneficiaryCitizenId: citizen(),
      commune: commune(),
      scheme: 'ethnic_minority_area',
      year: 2025,
      occurredAt: at('2025-01-05'),
    })),
    post('/allowance-grants', officer, () => ({
      beneficiaryCitizenId: citizen(),
      programme: 'tro-cap-xa-hoi',
      monthlyAmountVnd: 500_000,
      commune: commune(),
      occurredAt: at('2025-02-01'),
    })),
    post('/job-placements', officer, () => ({
      placementId: `GQVL-BENCH-${counter}`,
      workerCitizenId: citizen(),
      commune: commune(),
      employer: 'Công ty May Ninh Thuận',
      kind: 'domestic',
      occurredAt: at('2025-04-15'),
    })),
    post(
      (context) => `/housing-cases/${String(context.caseId)}/construction-starts`,
      officer,
      () => ({ occurredAt: at('2025-04-01') }),
    ),
    post('/subsidy-payments', officer, () => payment()),
  ];

  const result = await autocannon({
    url: settings.url,
    connections: settings.connections,
    duration: settings.seconds,
    requests,
    timeout: 30,
    ...(settings.rate ? { overallRate: settings.rate } : {}),
  });
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, count]),
  );
  const out: LoadResult = {
    seconds: result.duration,
    commandsPerSecond: result['2xx'] / result.duration,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    rejected,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      p99_9: result.latency.p99_9,
      max: result.latency.max,
      mean: result.latency.mean,
    },
  };
  console.log(JSON.stringify(out));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
