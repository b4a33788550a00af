import { latestOf, parseIsoInstant } from './rules';

describe('parseIsoInstant', () => {
  it.each([
    ['2024-05-01', Date.UTC(2024, 4, 1)],
    ['2024-05-01T10:00Z', Date.UTC(2024, 4, 1, 10)],
    ['2024-05-01T10:00:00+07:00', Date.UTC(2024, 4, 1, 3)],
    ['2024-05-01T10:00:00.123456Z', Date.UTC(2024, 4, 1, 10, 0, 0, 123)],
    ['2024-02-29T00:00:00-01:30', Date.UTC(2024, 1, 29, 1, 30)],
  ])('reads %p', (text, expected) => expect(parseIsoInstant(text)).toBe(expected));

  it.each([
    '2023-02-29',
    '2024-04-31',
    '2024-13-01',
    '2024-05-01T24:00Z',
    '2024-05-01T10:00',
    '2024-05-01 10:00Z',
    20240501,
  ])('refuses %p', (text) => expect(parseIsoInstant(text)).toBeNull());
});

describe('latestOf', () => {
  it('compares instants, not text', () =>
    expect(latestOf(['2024-05-01T06:00:00+07:00', undefined, '2024-05-01T00:30:00Z'])).toBe(
      '2024-05-01T00:30:00Z',
    ));
});
