// How a register's headers and cells are read: a template's header in either language, a hand-made file's
// keys, a day written the Vietnamese way, a spreadsheet date as the day the officer typed.
import { IMPORTABLE_COMMANDS } from '../actions/action-import';
import { headerOf, keyOfHeader, uploadColumns } from './upload-columns';
import { cellText, dateCellText } from './upload-reader';
import { occurredAtOf } from './upload-row';

describe('register columns', () => {
  const registered = IMPORTABLE_COMMANDS.get('housing_registered')!;
  const columns = uploadColumns(registered);

  it('reads back every header a template writes, in Vietnamese or English, as its column key', () => {
    for (const lang of ['vi', 'en'] as const)
      for (const column of columns) expect(keyOfHeader(headerOf(column, lang), columns)).toBe(column.key);
  });

  it('reads a bare label, a key, or a key in other case and spacing', () => {
    expect(keyOfHeader('Xã', columns)).toBe('commune');
    expect(keyOfHeader('  Commune ', columns)).toBe('commune');
    expect(keyOfHeader('occurred_at', columns)).toBe('occurred_at');
    expect(keyOfHeader('Row Id', columns)).toBe('row_id');
  });

  it('a step on a case asks for the case; every command has occurred_at and the evidence', () => {
    for (const importable of IMPORTABLE_COMMANDS.values()) {
      const keys = uploadColumns(importable).map((c) => c.key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys).toEqual(
        expect.arrayContaining(['row_id', 'occurred_at', 'evidence_ref', 'evidence_sha256']),
      );
      if (importable.needsCase) expect(keys).toContain('case_id');
      for (const c of uploadColumns(importable)) expect(c.rule.vi).not.toBe('');
    }
  });
});

describe('register cells', () => {
  it('a day alone is that day in Vietnam; 20/07/2026 is the 20th of July', () => {
    expect(occurredAtOf('2026-07-20')).toBe('2026-07-20T00:00:00+07:00');
    expect(occurredAtOf('20/07/2026')).toBe('2026-07-20T00:00:00+07:00');
    expect(occurredAtOf('5/7/2026')).toBe('2026-07-05T00:00:00+07:00');
    expect(occurredAtOf('2026-07-20T09:30:00+07:00')).toBe('2026-07-20T09:30:00+07:00');
    expect(occurredAtOf('hôm qua')).toBe('hôm qua');
  });

  it('a spreadsheet date is the wall-clock day and time typed, in Vietnam, never shifted', () => {
    expect(dateCellText(new Date(Date.UTC(2026, 6, 20)))).toBe('2026-07-20');
    expect(dateCellText(new Date(Date.UTC(2026, 6, 20, 23, 30)))).toBe('2026-07-20T23:30:00+07:00');
    expect(cellText({ formula: 'A1', result: 42 })).toBe('42');
    expect(cellText({ richText: [{ text: 'Phước ' }, { text: 'Bình' }] })).toBe('Phước Bình');
    expect(cellText(' 058 ')).toBe('058');
    expect(cellText(null)).toBe('');
  });
});
