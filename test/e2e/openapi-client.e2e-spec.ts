// A client can be generated from the OpenAPI document: openapi-typescript (a dev dependency, ES modules only, so
// run as its CLI in a child process) writes the types of the served document, and a small program typed with
// them compiles under strict TypeScript: a record-house-completion request, its answer, an indicator. The same
// program with a field the document does not have, or a value of the wrong type, does not compile.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as ts from 'typescript';
import { startTestLedger, type TestLedger } from './support/test-app';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');

/** The program a client author would write against the generated types; `body` is the request it sends. */
const program = (body: string) => `
import type { operations } from './ledger-api';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type RecordHouseCompletion = Json<NonNullable<operations['completeHousingConstruction']['requestBody']>>;
type Recorded = Json<operations['completeHousingConstruction']['responses'][201]>;
type Indicator = Json<operations['getIndicator']['responses'][200]>;
type Problem = operations['getIndicator']['responses'][404]['content']['application/problem+json'];

export const completion: RecordHouseCompletion = ${body};

export function nextIfMatch(recorded: Recorded): string {
  return '"' + recorded.revision + '"' + recorded.eventIds.join(',') + (recorded.caseId ?? '');
}

export function describe(indicator: Indicator): string {
  const { progress, indicator: about } = indicator;
  const value: number | null = progress.value;
  const status: 'achieved' | 'on_track' | 'at_risk' | 'off_track' | 'no_data' | 'no_target' = progress.status;
  return [about.key, about.nameVi ?? '', String(value), status, String(indicator.series?.length ?? 0)].join(' ');
}

export function explain(problem: Problem): string {
  return problem.code + ': ' + problem.detail + (problem.field ? ' (' + problem.field + ')' : '');
}
`;

function compile(dir: string, source: string): string[] {
  const file = join(dir, 'client.ts');
  writeFileSync(file, source);
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    noUnusedLocals: true,
    exactOptionalPropertyTypes: true,
    types: [],
    skipLibCheck: true,
  };
  const diagnostics = ts.getPreEmitDiagnostics(ts.createProgram([file], options));
  return diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('a typed client generated from the OpenAPI document', () => {
  let ledger: TestLedger;
  let dir: string;

  beforeAll(async () => {
    ledger = await startTestLedger();
    dir = mkdtempSync(join(tmpdir(), 'ledger-client-'));
    const doc = await ledger.anonymous().get('/docs-json').expect(200);
    writeFileSync(join(dir, 'openapi.json'), JSON.stringify(doc.body));
    await run(
      join(ROOT, 'node_modules', '.bin', 'openapi-typescript'),
      [join(dir, 'openapi.json'), '--output', join(dir, 'ledger-api.d.ts')],
      { cwd: dir, timeout: 60_000 },
    );
  });
  afterAll(async () => {
    await ledger.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('compiles a program that records a house completion and reads an indicator', () => {
    const errors = compile(
      dir,
      program(`{
        occurredAt: '2026-11-20T09:00:00+07:00',
        floorAreaM2: 42.5,
        occupants: 4,
        evidence: [{ ref: 'BB-NT-2026-041', sha256: '${'a'.repeat(64)}' }],
      }`),
    );
    expect(errors).toEqual([]);
  });

  it.each([
    [
      'a field the document does not have',
      `{ occurredAt: '2026-11-20T09:00:00+07:00', floorAreaM2: 42.5, occupants: 4, rooms: 3 }`,
      /rooms/,
    ],
    [
      'a number sent as text',
      `{ occurredAt: '2026-11-20T09:00:00+07:00', floorAreaM2: '42.5', occupants: 4 }`,
      /string.*number/,
    ],
    [
      'a required field left out',
      `{ occurredAt: '2026-11-20T09:00:00+07:00', floorAreaM2: 42.5 }`,
      /occupants/,
    ],
  ])('refuses to compile %s', (_, body, message) => {
    const errors = compile(dir, program(body));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(message);
  });
});
