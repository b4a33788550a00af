import type { Report } from './get-report.query';
import { formatDay, formatFigure, formatShare } from './report-figures';
import { reportToHtml } from './report-html';

const NBSP = '\u00a0';

describe('figures as people read them', () => {
  it('writes đồng, percentages and counts the Vietnamese way, and the English way on request', () => {
    expect(formatFigure('vi', 1_500_000, 'VND', 'count')).toBe(`1.500.000${NBSP}đ`);
    expect(formatFigure('en', 1_500_000, 'VND', 'count')).toBe('1,500,000 VND');
    expect(formatFigure('vi', 45.2831, '%', 'ratio')).toBe(`45,3${NBSP}%`);
    expect(formatFigure('en', 45.2831, '%', 'ratio')).toBe('45.3%');
    expect(formatShare('vi', 0.453)).toBe(`45,3${NBSP}%`);
    expect(formatFigure('vi', 1234, 'houses', 'count', true)).toBe('+1.234');
    expect(formatFigure('vi', 0, 'houses', 'count', true)).toBe('0');
    expect(formatFigure('vi', 2.06, 'children per woman', 'measured')).toBe('2,1');
    expect(formatFigure('vi', null, '%', 'ratio')).toBe('—');
  });

  it('writes days as dd/mm/yyyy in Asia/Ho_Chi_Minh', () => {
    expect(formatDay('2026-12-31')).toBe('31/12/2026');
    // 20:00 UTC on 31 December is already 1 January in Hanoi.
    expect(formatDay('2026-12-31T20:00:00Z')).toBe('01/01/2027');
  });
});

describe('the printable report', () => {
  const hostile = '<script>alert("x")</script> & co';
  const report: Report = {
    period: '2026',
    kind: 'annual',
    orgUnit: 'U-1',
    orgUnitNameVi: hostile,
    orgUnitNameEn: null,
    from: '2026-01-01',
    to: '2026-12-31',
    asOf: '2026-12-31',
    rows: [
      {
        indicatorKey: 'k',
        nameVi: hostile,
        nameEn: null,
        section: 'II.2',
        unit: 'VND',
        kind: 'count',
        lead: 'A',
        leadNameVi: `"><img src=x onerror=alert(1)>`,
        leadNameEn: null,
        target: null,
        targetPlanText: null,
        deadline: null,
        valueAtStart: 0,
        valueAtEnd: 1_500_000,
        change: 1_500_000,
        expectedByEnd: null,
        status: 'no_target',
        definitionVersion: 1,
      },
    ],
    communes: {
      boundary: 'current',
      asOf: '2026-12-31',
      indicators: [
        {
          indicatorKey: 'k',
          nameVi: hostile,
          nameEn: null,
          unit: 'VND',
          kind: 'count',
          communes: [
            {
              orgUnit: 'C"1',
              nameVi: hostile,
              nameEn: null,
              validFrom: null,
              validTo: null,
              value: 1_500_000,
              progress: null,
              status: 'no_target',
            },
          ],
        },
      ],
    },
  };

  it('escapes every name it writes, in the table and in the chart', () => {
    const html = reportToHtml(report, 'vi', '2027-01-02');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
    expect(html).toContain('data-org-unit="C&quot;1"');
    expect(html).toContain(`<td class="num">1.500.000${NBSP}đ</td>`);
    expect(html).toContain('lập ngày 02/01/2027');
  });
});
