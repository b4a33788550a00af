import { Query } from '@nestjs/cqrs';

export interface ReportRow {
  indicatorKey: string;
  nameVi: string | null;
  nameEn: string | null;
  section: string | null;
  unit: string | null;
  lead: string | null;
  target: string | null;
  deadline: string | null;
  /** The figure on the day before the period starts, and on its last day (or asOf, if earlier). */
  valueAtStart: number | null;
  valueAtEnd: number | null;
  change: number | null;
  expectedByEnd: number | null;
  status: string;
  definitionVersion: number;
}

export interface Report {
  /** 2025 (annual), 2024-2026 (3-year), 2021-2025 (5-year): the reports of the plan's section IV.3. */
  period: string;
  kind: 'annual' | '3-year' | '5-year' | 'custom';
  orgUnit: string;
  from: string;
  to: string;
  /** When the figures were read: the period's end, or today while the period runs. */
  asOf: string;
  rows: ReportRow[];
}

export class GetReportQuery extends Query<Report> {
  constructor(
    readonly period: string,
    readonly orgUnit: string | undefined,
  ) {
    super();
  }
}
