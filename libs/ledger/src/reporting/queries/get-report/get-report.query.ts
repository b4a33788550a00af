import { Query } from '@nestjs/cqrs';

export interface ReportRow {
  indicatorKey: string;
  nameVi: string | null;
  nameEn: string | null;
  section: string | null;
  unit: string | null;
  /** count, ratio, measured or qualitative: how the figure is read (and rounded) by people. */
  kind: string | null;
  lead: string | null;
  leadNameVi: string | null;
  leadNameEn: string | null;
  target: string | null;
  /** The target as the plan words it (in Vietnamese), e.g. "100%". */
  targetPlanText: string | null;
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
  orgUnitNameVi: string | null;
  orgUnitNameEn: string | null;
  from: string;
  to: string;
  /** When the figures were read: the period's end, or today while the period runs. */
  asOf: string;
  rows: ReportRow[];
  /** Every commune's figure on the indicators asked for (none asked: absent). */
  communes?: CommuneBreakdown;
}

/** former: the communes before the reorganisation of 1 July 2025; current: those made by it. */
export type Boundary = 'former' | 'current';
export const BOUNDARIES: readonly Boundary[] = ['former', 'current'];

export interface CommuneFigure {
  orgUnit: string;
  nameVi: string | null;
  nameEn: string | null;
  validFrom: string | null;
  validTo: string | null;
  /** The figure as of the report's asOf (a count with nothing recorded: 0; a ratio without data: null). */
  value: number | null;
  /** Share of the target reached (0.5 = half), when the target is a number. */
  progress: number | null;
  status: string;
}

export interface CommuneBreakdown {
  boundary: Boundary;
  asOf: string;
  indicators: Array<{
    indicatorKey: string;
    nameVi: string | null;
    nameEn: string | null;
    unit: string | null;
    kind: string | null;
    communes: CommuneFigure[];
  }>;
}

export interface ReportOptions {
  /** Indicator keys whose figure is given for every commune of the plan's area. */
  indicators?: readonly string[];
  /** Which communes: defaults to the boundaries in force on the report's asOf. */
  boundary?: Boundary;
}

export class GetReportQuery extends Query<Report> {
  constructor(
    readonly period: string,
    readonly orgUnit: string | undefined,
    readonly options: ReportOptions = {},
  ) {
    super();
  }
}
