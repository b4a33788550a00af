import { CsvSyntaxError, parseCsv, toCsvLine } from './csv';

describe('parseCsv', () => {
  it('reads a BOM, CRLF and LF, quoted commas, quotes and line breaks, and empty fields', () => {
    const text = '\uFEFFa,b,c\r\n1,"x, y","say ""hi"""\n2,,"two\nlines"\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x, y', 'say "hi"'] },
      { line: 3, fields: ['2', '', 'two\nlines'] },
    ]);
  });

  it('reads a last record without a line break and skips blank lines', () => {
    expect(parseCsv('a\n\nb')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 3, fields: ['b'] },
    ]);
  });

  it('names the line of a broken quote', () => {
    expect(() => parseCsv('a\n"open')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a\nx"y')).toThrow('line 2');
  });

  it('writes cells that round-trip', () => {
    const line = toCsvLine(['a,b', 'q"', 3, null]);
    expect(parseCsv(line)[0].fields).toEqual(['a,b', 'q"', '3', '']);
  });
});
