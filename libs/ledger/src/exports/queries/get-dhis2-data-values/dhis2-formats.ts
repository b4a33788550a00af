// DHIS2's data value set in the three forms its import (POST /api/dataValueSets) takes: JSON, CSV (its
// column order, one value a row, header row first) and ADX (IHE QRPH ADX, namespace urn:ihe:qrph:adx:2015,
// with DHIS2's categoryOptionCombo and attributeOptionCombo attributes).
import { csvCell } from '../../../import/csv-cell';
import type { Dhis2DataValues } from './get-dhis2-data-values.query';

export const ADX_NAMESPACE = 'urn:ihe:qrph:adx:2015';

export const DHIS2_FORMATS = ['json', 'csv', 'adx'] as const;
export type Dhis2Format = (typeof DHIS2_FORMATS)[number];

export const DHIS2_MEDIA_TYPES: Record<Dhis2Format, string> = {
  json: 'application/json',
  csv: 'application/csv',
  adx: 'application/adx+xml',
};

const comment = (key: string) => `ledger indicator ${key}`;

/**
 * DHIS2's JSON data value set. Every value carries its period and org unit too, so that values can be
 * appended from several exports. `unmapped` and `withoutFigure` are ours (DHIS2's import ignores them).
 */
export function dataValueSetJson(set: Dhis2DataValues): Record<string, unknown> {
  const optional = (name: string, value: string | null) => (value === null ? {} : { [name]: value });
  return {
    ...optional('dataSet', set.dataSet),
    period: set.period.id,
    ...optional('orgUnit', set.orgUnitUid),
    ...optional('attributeOptionCombo', set.attributeOptionCombo),
    dataValues: set.dataValues.map((v) => ({
      dataElement: v.dataElement,
      period: set.period.id,
      orgUnit: set.orgUnitUid,
      ...optional('categoryOptionCombo', v.categoryOptionCombo),
      ...optional('attributeOptionCombo', set.attributeOptionCombo),
      value: v.value,
      comment: comment(v.indicatorKey),
    })),
    unmapped: set.unmapped,
    withoutFigure: set.withoutFigure,
  };
}

export const DHIS2_CSV_COLUMNS = [
  'dataelement',
  'period',
  'orgunit',
  'categoryoptioncombo',
  'attributeoptioncombo',
  'value',
  'storedby',
  'lastupdated',
  'comment',
  'followup',
  'deleted',
] as const;

// Through the ledger's one CSV cell writer: a text starting like a formula is made inert, while the value
// column's numbers, negative ones included, stay numbers as DHIS2 reads them (see csv-cell.ts).

/** DHIS2's CSV: its columns in its order, a header row (skipped by the import), no byte order mark. */
export function dataValueSetCsv(set: Dhis2DataValues): string {
  const rows = set.dataValues.map((v) =>
    [
      v.dataElement,
      set.period.id,
      set.orgUnitUid ?? '',
      v.categoryOptionCombo ?? '',
      set.attributeOptionCombo ?? '',
      v.value,
      '',
      '',
      comment(v.indicatorKey),
      '',
      '',
    ].map(csvCell),
  );
  return [DHIS2_CSV_COLUMNS.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n';
}

export function xmlEscape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const attrs = (pairs: Array<[string, string | null]>) =>
  pairs
    .filter((p): p is [string, string] => p[1] !== null)
    .map(([name, value]) => ` ${name}="${xmlEscape(value)}"`)
    .join('');

/** ADX: one group for the org unit and period (ADX's period: first day and duration). */
export function dataValueSetAdx(set: Dhis2DataValues, exported: Date): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<adx xmlns="${ADX_NAMESPACE}"${attrs([['exported', exported.toISOString()]])}>`,
  ];
  if (set.unmapped.indicators.length > 0 || set.unmapped.orgUnits.length > 0)
    lines.push(
      `  <!-- unmapped (no value sent): ${xmlEscape(
        [...set.unmapped.orgUnits.map((u) => `org unit ${u}`), ...set.unmapped.indicators].join(', '),
      ).replace(/--/g, '- -')} -->`,
    );
  if (set.orgUnitUid !== null) {
    lines.push(
      `  <group${attrs([
        ['orgUnit', set.orgUnitUid],
        ['period', set.period.adx],
        ['dataSet', set.dataSet],
        ['attributeOptionCombo', set.attributeOptionCombo],
      ])}>`,
    );
    for (const v of set.dataValues)
      lines.push(
        `    <dataValue${attrs([
          ['dataElement', v.dataElement],
          ['categoryOptionCombo', v.categoryOptionCombo],
          ['value', v.value],
        ])}/>`,
      );
    lines.push('  </group>');
  }
  lines.push('</adx>');
  return lines.join('\n') + '\n';
}
