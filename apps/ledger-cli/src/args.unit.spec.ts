import { parseArgs, UsageError } from './args';

describe('parseArgs', () => {
  const spec = { options: ['--period', '--out'], flags: ['--dry-run'], maxPositionals: 1 };

  it('reads positionals, --name value, --name=value and flags', () => {
    const parsed = parseArgs('x', ['file.csv', '--period', '2025', '--out=r.csv', '--dry-run'], spec);
    expect(parsed.positionals).toEqual(['file.csv']);
    expect(parsed.options).toEqual({ '--period': '2025', '--out': 'r.csv' });
    expect([...parsed.flags]).toEqual(['--dry-run']);
  });

  it('refuses unknown options, a missing value and extra arguments', () => {
    expect(() => parseArgs('x', ['--nope'], spec)).toThrow(UsageError);
    expect(() => parseArgs('x', ['--period'], spec)).toThrow('--period needs a value');
    expect(() => parseArgs('x', ['--period', '--out', 'a'], spec)).toThrow('--period needs a value');
    expect(() => parseArgs('x', ['a', 'b'], spec)).toThrow('unexpected argument b');
  });
});
