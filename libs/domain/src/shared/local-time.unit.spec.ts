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

  it('given the same instant read again and again, then every reading is the same and none can be changed', () => {
    const readings = Array.from({ length: 3 }, () => localCalendarOf('2026-09-30T17:30:00Z'));
    for (const reading of readings)
      expect(reading).toEqual({ day: '2026-10-01', month: '2026-10', year: '2026', quarter: '2026-Q4' });
    expect(Object.isFrozen(readings[0])).toBe(true);
    expect(readings[1]).toBe(readings[0]);
    // Many other instants in between do not change what an earlier one reads as.
    for (let i = 0; i < 20_000; i++) localDayOf(new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString());
    expect(localDayOf('2026-09-30T17:30:00Z')).toBe('2026-10-01');
    expect(localCalendarOf('not a date')).toBeNull();
    expect(localCalendarOf('not a date')).toBeNull();
  });

  it('a local day starts at 17:00 UTC the day before', () => {
    expect(startOfLocalDay('2026-01-01')).toBe('2025-12-31T17:00:00.000Z');
  });
});
