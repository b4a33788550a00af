// The report's CSV goes through the shared CSV cell: a text a spreadsheet would run as a formula is written
// inert, a negative figure stays a number, and a comma or quote is quoted.
import type { Report, ReportRow } from './get-report.query';
import { reportToCsv } from './report-formats';

const row = (overrides: Partial<ReportRow>): ReportRow => ({
  indicatorKey: 'houses_built',
  nameVi: 'Nhà ở',
  nameEn: 'Houses',
  section: 'III.1',
  unit: 'house',
  kind: 'count',
  lead: 'SXD',
  leadNameVi: null,
  leadNameEn: null,
  target: '100',
  targetPlanText: null,
  deadline: '2025-12-31',
  valueAtStart: 1,
  valueAtEnd: 2,
  change: 1,
  expectedByEnd: null,
  status: 'on_track',
  definitionVersion: 1,
  ...overrides,
});

const report = (rows: ReportRow[]): Report => ({
  period: '2025',
  kind: 'annual',
  orgUnit: 'PLAN-BAC-AI',
  orgUnitNameVi: null,
  orgUnitNameEn: null,
  from: '2025-01-01',
  to: '2025-12-31',
  asOf: '2025-12-31',
  rows,
});

describe('reportToCsv', () => {
  it('writes a formula-like text inert, a negative figure as a number, and quotes a comma', () => {
    const formula = '=HYPERLINK("http://x.example","click")';
    const csv = reportToCsv(
      report([row({ nameVi: formula, nameEn: '@SUM(A1)', unit: 'a, b', change: -3, valueAtEnd: -2.5 })]),
    );
    const line = csv.replace(/^\uFEFF/, '').split('\r\n')[1];
    expect(line).toContain(`"'${formula.replace(/"/g, '""')}"`);
    expect(line).toContain(",'@SUM(A1),");
    expect(line).toContain(',"a, b",');
    expect(line.split(',')).toEqual(expect.arrayContaining(['-3', '-2.5']));
    expect(line).not.toMatch(/(^|,)[=@]/);
  });
});
