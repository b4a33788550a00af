import { validateDhis2Mapping } from './dhis2-mapping';

const known = { indicators: ['houses_built', 'unemployment_rate'], orgUnits: ['NT-BAC-AI', 'BA-PHUOC-DAI'] };

describe('the DHIS2 mapping file', () => {
  it('takes an empty mapping (the default): everything is unmapped, nothing is wrong', () => {
    const { mapping, problems } = validateDhis2Mapping(
      { about: ['...'], indicators: {}, orgUnits: {} },
      known,
    );
    expect(problems).toEqual([]);
    expect(mapping).toEqual({ dataSet: null, attributeOptionCombo: null, indicators: {}, orgUnits: {} });
  });

  it('reads indicator and org unit uids, the combo defaulting to null', () => {
    const { mapping, problems } = validateDhis2Mapping(
      {
        dataSet: 'pBOMPrpg1QX',
        indicators: { houses_built: { dataElement: 'f7n9E0hX8qk' } },
        orgUnits: { 'NT-BAC-AI': 'DiszpKrYNg8' },
      },
      known,
    );
    expect(problems).toEqual([]);
    expect(mapping.dataSet).toBe('pBOMPrpg1QX');
    expect(mapping.indicators).toEqual({
      houses_built: { dataElement: 'f7n9E0hX8qk', categoryOptionCombo: null },
    });
    expect(mapping.orgUnits).toEqual({ 'NT-BAC-AI': 'DiszpKrYNg8' });
  });

  it('names every problem: unknown keys and fields, bad uids, two entries on one DHIS2 target', () => {
    const { problems } = validateDhis2Mapping(
      {
        dataSett: 'x',
        indicators: {
          houses_biult: { dataElement: 'f7n9E0hX8qk' },
          houses_built: { dataElement: 'f7n9E0hX8qk', categoryOptionCombo: 'not-a-uid' },
          unemployment_rate: { dataElement: 'f7n9E0hX8qk', extra: 1 },
        },
        orgUnits: { 'NT-BAC-AI': 'DiszpKrYNg8', 'BA-PHUOC-DAI': 'DiszpKrYNg8', 'XA-KHAC': 'FNnj3jKGS7i' },
      },
      known,
    );
    const lines = problems.map((p) => `${p.entry}: ${p.field}: ${p.code}`);
    expect(lines).toEqual([
      '(file): dataSett: FIELD_UNKNOWN',
      'indicators.houses_biult: (key): INDICATOR_UNKNOWN',
      'indicators.houses_built: categoryOptionCombo: DHIS2_UID_INVALID',
      'indicators.unemployment_rate: extra: FIELD_UNKNOWN',
      'indicators.unemployment_rate: dataElement: DHIS2_TARGET_TAKEN',
      'orgUnits.BA-PHUOC-DAI: (value): DHIS2_TARGET_TAKEN',
      'orgUnits.XA-KHAC: (key): ORG_UNIT_UNKNOWN',
    ]);
    expect(problems.every((p) => p.file === 'dhis2-mapping.json')).toBe(true);
  });
});
