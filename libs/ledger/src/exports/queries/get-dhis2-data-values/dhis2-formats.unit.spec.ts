import { parseDhis2Period } from '@ledger/domain';
import { dataValueSetAdx, dataValueSetCsv, dataValueSetJson } from './dhis2-formats';
import type { Dhis2DataValues } from './get-dhis2-data-values.query';

const set = (over: Partial<Dhis2DataValues> = {}): Dhis2DataValues => ({
  period: parseDhis2Period('2026Q1')!,
  orgUnit: 'NT-BAC-AI',
  orgUnitUid: 'DiszpKrYNg8',
  dataSet: null,
  attributeOptionCombo: 'HllvX50cXC0',
  asOf: '2026-03-31',
  dataValues: [
    { indicatorKey: 'houses_built', dataElement: 'f7n9E0hX8qk', categoryOptionCombo: null, value: '12' },
  ],
  unmapped: { indicators: ['a"b<c>'], orgUnits: [] },
  withoutFigure: [],
  ...over,
});

describe('DHIS2 renderings', () => {
  it('JSON leaves out what is not mapped rather than writing null', () => {
    const json = dataValueSetJson(set());
    expect(json).not.toHaveProperty('dataSet');
    expect(json.dataValues).toEqual([
      {
        dataElement: 'f7n9E0hX8qk',
        period: '2026Q1',
        orgUnit: 'DiszpKrYNg8',
        attributeOptionCombo: 'HllvX50cXC0',
        value: '12',
        comment: 'ledger indicator houses_built',
      },
    ]);
  });

  it('CSV has one row a value under the header, empty cells where DHIS2 takes its default', () => {
    expect(dataValueSetCsv(set()).split('\n')).toEqual([
      'dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted',
      'f7n9E0hX8qk,2026Q1,DiszpKrYNg8,,HllvX50cXC0,12,,,ledger indicator houses_built,,',
      '',
    ]);
  });

  it('ADX escapes what it writes and keeps "--" out of its comment', () => {
    const xml = dataValueSetAdx(
      set({ unmapped: { indicators: ['a"b<c>--d'], orgUnits: [] } }),
      new Date('2026-04-01T00:00:00Z'),
    );
    expect(xml).toContain('<adx xmlns="urn:ihe:qrph:adx:2015" exported="2026-04-01T00:00:00.000Z">');
    expect(xml).toContain(
      '<group orgUnit="DiszpKrYNg8" period="2026-01-01/P3M" attributeOptionCombo="HllvX50cXC0">',
    );
    expect(xml).toContain('a&quot;b&lt;c&gt;- -d');
    expect(xml).not.toMatch(/<!--[\s\S]*--[^>][\s\S]*-->/);
  });
});
