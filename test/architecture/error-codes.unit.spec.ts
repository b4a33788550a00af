// README's "Error codes" table lists exactly the codes the source can raise, each with the HTTP status its
// kind maps to. To print the table as derived from the source (meanings from the messages):
//   LEDGER_PRINT_ERROR_CODES=1 npx jest --selectProjects unit --testPathPatterns error-codes
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROBLEM_BY_KIND } from '../../apps/ledger-api/src/http/problem-details.filter';
import { collectErrorCodes, errorCodesTable } from './error-codes';

function readmeRows(): string[] {
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
  const start = readme.indexOf('\n## Error codes\n');
  expect(start).toBeGreaterThanOrEqual(0);
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/^\| `([A-Z0-9_]+)` \| ([0-9, ]+) \|/gm)].map((m) => `${m[1]} ${m[2].trim()}`);
}

describe('error codes', () => {
  const entries = collectErrorCodes((kind) => PROBLEM_BY_KIND[kind].status);

  it('are found in the source, each with one HTTP status', () => {
    if (process.env.LEDGER_PRINT_ERROR_CODES === '1') process.stdout.write(`${errorCodesTable(entries)}\n`);
    expect(entries.length).toBeGreaterThan(150);
    for (const code of [
      'HOUSE_CONSTRUCTION_NOT_STARTED',
      'WRONG_EXPECTED_REVISION',
      'VALIDATION_FAILED',
      'INVALID_QUERY',
    ])
      expect(entries.map((e) => e.code)).toContain(code);
    expect(
      entries.filter((e) => e.statuses.length !== 1).map((e) => `${e.code} ${e.statuses.join(', ')}`),
    ).toEqual([]);
  }, 60_000);

  it('are listed in README, exactly, with their HTTP status', () => {
    const derived = entries.map((e) => `${e.code} ${e.statuses.join(', ')}`);
    expect(readmeRows()).toEqual(derived);
  }, 60_000);
});
