// The reporter that lists every skipped test with its reason after jest's own summary.
import { skipReport, type RunResults } from './skip-reasons.reporter';

const test = (status: string, ancestorTitles: string[], title: string) => ({
  status,
  ancestorTitles,
  title,
  fullName: [...ancestorTitles, title].join(' '),
});

describe('skip reasons reporter', () => {
  it('lists each skipped test by file with the reason its name gives, and flags one that gives none', () => {
    const results: RunResults = {
      testResults: [
        {
          testFilePath: '/repo/test/contract/mongodb-read-store.int.spec.ts',
          testResults: [
            test(
              'pending',
              ['ReadStore contract: MongoReadStore (skipped: MONGO_URL is not set)'],
              'runs the contract',
            ),
          ],
        },
        {
          testFilePath: '/repo/test/e2e/figures.e2e-spec.ts',
          testResults: [test('passed', ['figures'], 'add up')],
        },
        {
          testFilePath: '/repo/test/reliability/other.int.spec.ts',
          testResults: [test('skipped', ['other'], 'one'), test('todo', ['other'], 'two')],
        },
      ],
    };
    expect(skipReport(results, '/repo')).toBe(
      [
        'Skipped tests (3), with the reason each gives:',
        '  test/contract/mongodb-read-store.int.spec.ts',
        '    - ReadStore contract: MongoReadStore runs the contract: MONGO_URL is not set',
        '  test/reliability/other.int.spec.ts',
        '    - other one: NO REASON GIVEN (name one in the skipped title)',
        '    - other two: NO REASON GIVEN (name one in the skipped title)',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing when nothing was skipped', () => {
    const results: RunResults = {
      testResults: [{ testFilePath: '/repo/a.unit.spec.ts', testResults: [test('passed', ['a'], 'b')] }],
    };
    expect(skipReport(results, '/repo')).toBe('');
  });
});
