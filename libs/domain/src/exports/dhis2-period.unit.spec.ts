import { parseDhis2Period } from './dhis2-period';

describe('DHIS2 periods', () => {
  it('reads a year, a quarter and a month, with their days and ADX form', () => {
    expect(parseDhis2Period('2026')).toEqual({
      id: '2026',
      type: 'Yearly',
      start: '2026-01-01',
      end: '2026-12-31',
      adx: '2026-01-01/P1Y',
    });
    expect(parseDhis2Period('2026Q1')).toEqual({
      id: '2026Q1',
      type: 'Quarterly',
      start: '2026-01-01',
      end: '2026-03-31',
      adx: '2026-01-01/P3M',
    });
    expect(parseDhis2Period('2026Q4')).toMatchObject({ start: '2026-10-01', end: '2026-12-31' });
    expect(parseDhis2Period('202603')).toEqual({
      id: '202603',
      type: 'Monthly',
      start: '2026-03-01',
      end: '2026-03-31',
      adx: '2026-03-01/P1M',
    });
  });

  it('knows the length of February in leap and common years', () => {
    expect(parseDhis2Period('202402')?.end).toBe('2024-02-29');
    expect(parseDhis2Period('202602')?.end).toBe('2026-02-28');
    expect(parseDhis2Period('2100')?.end).toBe('2100-12-31');
  });

  it.each([
    '',
    '26',
    '2026Q5',
    '2026Q0',
    '202613',
    '202600',
    '2026-03',
    '2026W10',
    '2026S1',
    'abcd',
    '2026 ',
  ])('refuses %j', (text) => expect(parseDhis2Period(text)).toBeNull());
});
