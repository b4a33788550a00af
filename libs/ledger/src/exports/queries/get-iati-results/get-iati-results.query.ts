import { Query } from '@nestjs/cqrs';
import type { IatiActivitySeed } from '@ledger/domain';

export interface IatiNamedOrganisation {
  ref: string | null;
  type: string;
  nameVi: string;
  nameEn: string;
}

export interface IatiPeriodResult {
  start: string;
  end: string;
  /** The milestone of the year, or the target in its deadline's year; null when the plan sets none. */
  target: { value: string | null; comment: { text: string; lang: 'en' | 'vi' } | null } | null;
  /** The figure on the period's last day (today while it runs); null before it begins or without data. */
  actual: { value: string; asOf: string } | null;
}

export interface IatiIndicatorResult {
  key: string;
  nameVi: string | null;
  nameEn: string | null;
  section: string | null;
  unit: string | null;
  /** IATI's IndicatorMeasure: 1 unit, 2 percentage, 5 qualitative. */
  measure: '1' | '2' | '5';
  /** true when a higher figure is better, false when lower is; null when the target does not say. */
  ascending: boolean | null;
  /** The figure on the day before the plan's period began. */
  baseline: { year: number; isoDate: string; value: string | null };
  periods: IatiPeriodResult[];
}

export interface IatiResults {
  activity: Omit<IatiActivitySeed, 'reportingOrg' | 'participatingOrgs'> & {
    reportingOrg: IatiNamedOrganisation & { ref: string };
    participatingOrgs: Array<IatiNamedOrganisation & { role: string }>;
  };
  plan: {
    titleVi: string;
    titleEn: string;
    periodFrom: string;
    periodTo: string;
    orgUnit: string;
    orgUnitNameVi: string;
    orgUnitNameEn: string;
  };
  indicators: IatiIndicatorResult[];
}

/** The plan as one IATI activity with a result per indicator: baseline, yearly targets and actuals. */
export class GetIatiResultsQuery extends Query<IatiResults> {}
