import { localCalendarOf, localDayOf, startOfLocalDay, todayInLedgerZone } from './local-time';

describe('the ledger calendar (Asia/Ho_Chi_Minh, UTC+7)', () => {
  it('given a payment at 18:00 UTC on 31 December, when its day is read, then it is 1 January in Hanoi', () => {
    expect(localCalendarOf('2025-12-31T18:00:00Z')).toEqual({
      day: '2026-01-01',
      month: '2026-01',
      year: '2026',
      quarter: '2026-Q1',
    });
  });

  it('given the same instant written with another offset, then the day is the same', () => {
    expect(localDayOf('2025-12-31T13:00:00-05:00')).toBe('2026-01-01');
    expect(localDayOf('2026-01-01T01:00:00+07:00')).toBe('2026-01-01');
    expect(localDayOf('2025-12-31T16:59:59.999Z')).toBe('2025-12-31');
    expect(localDayOf('2025-12-31T17:00:00Z')).toBe('2026-01-01');
  });

  it('given a plain calendar date, then it is that day; given a date-time without an offset, its own day', () => {
    expect(localCalendarOf('2026-06-30')?.quarter).toBe('2026-Q2');
    expect(localDayOf('2026-06-30')).toBe('2026-06-30');
    expect(localDayOf('2026-06-30T23:30:00')).toBe('2026-06-30');
    expect(localDayOf('not a date')).toBeNull();
    expect(localDayOf(undefined)).toBeNull();
  });

  it('given a server clock at 20:00 UTC, then today is already the next day in Hanoi', () => {
    expect(todayInLedgerZone(new Date('2026-03-31T20:00:00Z'))).toBe('2026-04-01');
    expect(todayInLedgerZone(new Date('2026-03-31T16:00:00Z'))).toBe('2026-03-31');
  });

  it('a local day starts at 17:00 UTC the day before', () => {
    expect(startOfLocalDay('2026-01-01')).toBe('2025-12-31T17:00:00.000Z');
  });
});
