// A periodic report as an Excel workbook for a meeting: a title, the area, period, as-of date and source
// lines, then the table with its header row frozen; figures stay numbers, shown through number formats.
// With a commune breakdown, a second sheet gives every commune's figure.
import ExcelJS from 'exceljs';
import { todayInLedgerZone } from '@ledger/domain';
import type { Report } from './get-report.query';
import { cellFormatFor, formatDay, SHARE_CELL_FORMAT } from './report-figures';
import { reportColumns, reportHeading } from './report-table';
import { nameIn, reportTitle, statusWord, unitWord, word, type ReportLang } from './report-words';

/** Rows above the table of the report sheet: title, subtitle, area, period, as-of, source, blank. */
export const XLSX_HEADER_ROW = 8;

export async function reportToXlsx(
  report: Report,
  lang: ReportLang,
  today = todayInLedgerZone(),
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'policy ledger';
  book.title = reportTitle(lang, report);
  const columns = reportColumns(lang);
  const sheet = book.addWorksheet(word(lang, 'sheetReport'), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: XLSX_HEADER_ROW }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.pageSetup.printTitlesRow = `${XLSX_HEADER_ROW}:${XLSX_HEADER_ROW}`;
  sheet.headerFooter.oddFooter = `&R${word(lang, 'page')} &P / &N`;
  const heading = reportHeading(lang, report);
  const lines: Array<[string, boolean]> = [
    [reportTitle(lang, report), true],
    [word(lang, 'subtitle'), false],
    [`${word(lang, 'area')}: ${heading.area}`, false],
    [`${word(lang, 'period')}: ${heading.period}`, false],
    [`${word(lang, 'asOf')}: ${heading.asOf}`, false],
    [word(lang, 'source', { asOf: heading.asOf, made: formatDay(today) }), false],
  ];
  lines.forEach(([text, bold], i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = text;
    cell.font = bold ? { bold: true, size: 14 } : { italic: i === lines.length - 1, size: 11 };
  });
  columns.forEach((c, i) => (sheet.getColumn(i + 1).width = c.width));
  // The code column at the end lets a reader match a row with the CSV and JSON renderings.
  sheet.getColumn(columns.length + 1).width = 28;
  const header = sheet.getRow(XLSX_HEADER_ROW);
  header.values = [...columns.map((c) => word(lang, c.key)), word(lang, 'code')];
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  report.rows.forEach((row, i) => {
    const line = sheet.getRow(XLSX_HEADER_ROW + 1 + i);
    columns.forEach((c, j) => {
      const cell = line.getCell(j + 1);
      const value = c.value(row, i);
      if (c.kind === 'figure') {
        cell.value = typeof value === 'number' ? value : null;
        cell.numFmt = cellFormatFor(lang, row.unit, row.kind);
      } else if (c.kind === 'date') {
        cell.value = c.text(row, i);
      } else {
        cell.value = value ?? '';
      }
    });
    line.getCell(columns.length + 1).value = row.indicatorKey;
    line.alignment = { wrapText: true, vertical: 'top' };
  });
  sheet.autoFilter = {
    from: { row: XLSX_HEADER_ROW, column: 1 },
    to: { row: XLSX_HEADER_ROW + report.rows.length, column: columns.length + 1 },
  };
  if (report.communes) addCommuneSheet(book, report, lang);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function addCommuneSheet(book: ExcelJS.Workbook, report: Report, lang: ReportLang): void {
  const breakdown = report.communes!;
  const sheet = book.addWorksheet(word(lang, 'sheetCommunes'), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 2 }],
  });
  sheet.getCell(1, 1).value = word(lang, `boundary_${breakdown.boundary}`);
  sheet.getCell(1, 1).font = { bold: true };
  const header = sheet.getRow(2);
  header.values = [
    word(lang, 'indicator'),
    word(lang, 'unit'),
    word(lang, 'commune'),
    word(lang, 'value'),
    word(lang, 'progress'),
    word(lang, 'status'),
  ];
  header.font = { bold: true };
  for (const [c, width] of [48, 12, 28, 16, 16, 18].entries()) sheet.getColumn(c + 1).width = width;
  let r = 3;
  for (const indicator of breakdown.indicators) {
    for (const commune of indicator.communes) {
      const line = sheet.getRow(r++);
      line.getCell(1).value = nameIn(lang, indicator, indicator.indicatorKey);
      line.getCell(2).value = unitWord(lang, indicator.unit);
      line.getCell(3).value = nameIn(lang, commune, commune.orgUnit);
      line.getCell(4).value = commune.value;
      line.getCell(4).numFmt = cellFormatFor(lang, indicator.unit, indicator.kind);
      line.getCell(5).value = commune.progress;
      line.getCell(5).numFmt = SHARE_CELL_FORMAT;
      line.getCell(6).value = statusWord(lang, commune.status);
    }
  }
}
