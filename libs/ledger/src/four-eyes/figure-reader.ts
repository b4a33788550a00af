// Reads the three figures of the four-eyes rules from projection documents: claimed (indicator-months, each house counted
// once), verified (verified-months, likewise) and official (official-months, as approved reports signed them
// off); and the snapshot a period report is approved on. No event is read here.
import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  monthsOfPeriod,
  type PlanModel,
  type RatioBaselines,
  type ReportFigures,
  type ReportMonth,
  type ReportSnapshot,
  withoutIllustrativeParts,
  type BaselineParts,
  unitsMeasuringAs,
} from '@ledger/domain';
import {
  canonicalJson,
  FIGURE_ASSURANCE,
  FIGURE_CHANGES,
  figureChangesIn,
  unitsCountingIn,
  figureAt,
  HOUSE_CASES,
  HOUSE_CLAIMS,
  householdClaims,
  INDICATOR_MONTHS,
  INDICATOR_PROGRESS,
  OFFICIAL_MONTHS,
  periodMonths,
  REPORT_APPROVALS,
  reportApprovalId,
  VERIFIED_MONTHS,
  withoutDoubleClaims,
  type FigureChangeDoc,
  type HouseCaseDoc,
  type HouseholdCasesDoc,
  type HouseholdClaims,
  type IndicatorFigure,
  type IndicatorMonthDoc,
  type ProgressDefinition,
  type ReportApprovalDoc,
} from '@ledger/projections';
import { READ_STORE_READER, type ReadStoreReader } from '@ledger/read-store';
import { allDocuments } from '../read/all-documents';
import { PLAN_MODEL } from '../read/projections.providers';

export type FigureSide = 'claimed' | 'verified' | 'official';

/**
 * null only where there is no figure at all: with a claimed figure and nothing verified, `verified` is 0 (and
 * `official` too once a report of a period up to the date is approved). A measured indicator has no 0: an
 * unverified measurement stays null.
 */
export interface AssuredFigures {
  /** What was recorded (each house counted once). */
  claimed: IndicatorFigure | null;
  /** What someone other than the recorder checked. */
  verified: IndicatorFigure | null;
  /** Verified and inside an approved period report, as the report signed it off; null with no report approved. */
  official: IndicatorFigure | null;
  /**
   * For a ratio whose baseline is illustrative (made up, never an official statistic): the claimed figure
   * computed on it, apart and labelled; the three figures above never use an illustrative baseline (its part
   * is unknown there). null when no baseline of the indicator is illustrative.
   */
  illustrative: IllustrativeFigure | null;
}

export interface IllustrativeFigure extends IndicatorFigure {
  label: 'illustrative_baseline';
  /** The illustrative baseline series of each part (null: not illustrative). */
  baselines: BaselineParts<string | null>;
  note: string;
}

export type ReportStatus = 'not_approved' | 'approved' | 'changed_since_approval';

const COLLECTIONS: Record<FigureSide, string> = {
  claimed: INDICATOR_MONTHS,
  verified: VERIFIED_MONTHS,
  official: OFFICIAL_MONTHS,
};

@Injectable()
export class FigureReader {
  constructor(
    @Inject(READ_STORE_READER) private readonly store: ReadStoreReader,
    @Inject(PLAN_MODEL) private readonly plan: PlanModel,
  ) {}

  /** Month documents of one side, oldest first, from `from` (inclusive) to `to` (inclusive), double claims taken out. */
  async months(
    side: FigureSide,
    indicatorKey: string,
    orgUnit: string,
    to: string,
    from?: string,
  ): Promise<IndicatorMonthDoc[]> {
    const month = from ? { gte: from, lte: to } : { lte: to };
    const docs = await allDocuments<IndicatorMonthDoc>(
      this.store,
      COLLECTIONS[side],
      { indicatorKey, orgUnit, month },
      [{ field: 'month' }],
    );
    if (side === 'official') return docs;
    return withoutDoubleClaims(
      docs,
      await this.houseClaims(orgUnit),
      indicatorKey,
      orgUnit,
      this.plan.rollUps,
      side,
    );
  }

  /**
   * The completions of every household that more than one case was registered for (the only ones a house can
   * be claimed twice in), in the org unit and the units below it (every org unit when absent): one indexed
   * query for the households, one for their cases (per 500).
   */
  async houseClaims(orgUnit?: string): Promise<HouseholdClaims[]> {
    const households: HouseholdCasesDoc[] = [];
    if (orgUnit === undefined)
      households.push(
        ...(await allDocuments<HouseholdCasesDoc>(this.store, HOUSE_CLAIMS, { multipleCases: true }, [])),
      );
    else {
      const units = [
        orgUnit,
        ...Object.entries(this.plan.rollUps)
          .filter(([unit, ups]) => unit !== orgUnit && ups.includes(orgUnit))
          .map(([unit]) => unit),
      ];
      for (const chunk of chunks(units))
        households.push(
          ...(await allDocuments<HouseholdCasesDoc>(
            this.store,
            HOUSE_CLAIMS,
            { multipleCases: true, orgUnit: { in: chunk } },
            [],
          )),
        );
    }
    if (households.length === 0) return [];
    const cases: HouseCaseDoc[] = [];
    for (const chunk of chunks([...new Set(households.flatMap((h) => h.cases))]))
      cases.push(
        ...(await allDocuments<HouseCaseDoc>(this.store, HOUSE_CASES, { caseId: { in: chunk } }, [])),
      );
    return householdClaims(households, cases);
  }

  /**
   * The claimed, verified and official figures as of a day; `illustrative`: the baseline series of each part
   * that are illustrative, left out of those three and shown apart.
   */
  async assured(
    definition: ProgressDefinition,
    orgUnit: string,
    asOf: string,
    baselines: RatioBaselines,
    illustrative: BaselineParts<string | null> = { numerator: null, denominator: null },
  ): Promise<AssuredFigures> {
    const month = asOf.slice(0, 7);
    const sound = withoutIllustrativeParts(baselines, illustrative);
    const sameArea = unitsMeasuringAs(this.plan, orgUnit);
    const read = (docs: readonly IndicatorMonthDoc[], on: RatioBaselines = sound) =>
      figureAt(docs, month, definition, on, asOf, sameArea);
    const [claimedDocs, verifiedDocs, officialDocs, approved] = await Promise.all([
      this.months('claimed', definition.key, orgUnit, month),
      this.months('verified', definition.key, orgUnit, month),
      this.months('official', definition.key, orgUnit, month),
      this.anyApprovalBy(definition.key, orgUnit, month),
    ]);
    const claimed = read(claimedDocs);
    // Behind a claimed figure, nothing verified (or signed off) is a figure of 0, not an unknown one.
    const orNothing = (side: IndicatorFigure | null) =>
      side ?? (claimed === null ? null : read([nothingIn(definition.key, orgUnit, month)]));
    const apart =
      definition.kind === 'ratio' && (illustrative.numerator !== null || illustrative.denominator !== null)
        ? read(claimedDocs, baselines)
        : null;
    return {
      claimed,
      verified: orNothing(read(verifiedDocs)),
      official: approved ? orNothing(read(officialDocs)) : null,
      illustrative:
        apart === null
          ? null
          : {
              ...apart,
              label: 'illustrative_baseline',
              baselines: illustrative,
              note:
                'computed on an illustrative baseline (a made-up figure, not an official statistic): ' +
                'neither claimed, verified nor official',
            },
    };
  }

  /** Whether a report of the indicator and org unit for a period starting by `month` is approved. */
  private async anyApprovalBy(indicatorKey: string, orgUnit: string, month: string): Promise<boolean> {
    const page = await this.store.find<ReportApprovalDoc>(REPORT_APPROVALS, {
      where: { indicatorKey, orgUnit, firstMonth: { lte: month } },
      orderBy: [],
      limit: 1,
    });
    return page.items.length > 0;
  }

  /** The figures of a period report as they stand, the position they stand at, and their digest. */
  async snapshot(indicatorKey: string, orgUnit: string, period: string): Promise<ReportSnapshot> {
    const range = monthsOfPeriod(period)!;
    const [upToPosition, claimed, verified] = await Promise.all([
      this.checkpoint(),
      this.months('claimed', indicatorKey, orgUnit, range.last, range.first),
      this.months('verified', indicatorKey, orgUnit, range.last, range.first),
    ]);
    const figures: ReportFigures = {
      claimed: claimed.map(reportMonth),
      verified: verified.map(reportMonth),
      claimedTotal: total(claimed),
      verifiedTotal: total(verified),
    };
    return { upToPosition, figures, figuresDigest: digestOf(indicatorKey, orgUnit, period, figures) };
  }

  /** Every event applied by both projections the figures come from. */
  async checkpoint(): Promise<number> {
    const [progress, assurance] = await Promise.all([
      this.store.activeGeneration(INDICATOR_PROGRESS),
      this.store.activeGeneration(FIGURE_ASSURANCE),
    ]);
    return Math.min(progress?.checkpoint ?? 0, assurance?.checkpoint ?? 0);
  }

  async approval(indicatorKey: string, orgUnit: string, period: string): Promise<ReportApprovalDoc | null> {
    return this.store.get<ReportApprovalDoc>(
      REPORT_APPROVALS,
      reportApprovalId(indicatorKey, orgUnit, period),
    );
  }

  /** Events after the approval's position that moved a figure of the report's months. */
  async changesSince(approval: ReportApprovalDoc): Promise<FigureChangeDoc[]> {
    const entries = await allDocuments<FigureChangeDoc>(
      this.store,
      FIGURE_CHANGES,
      {
        indicatorKey: approval.indicatorKey,
        orgUnit: { in: unitsCountingIn(this.plan, approval.orgUnit) },
        position: { gt: approval.current.upToPosition },
      },
      [{ field: 'position' }],
    );
    return figureChangesIn(entries, approval.orgUnit).filter(
      (c) => c.month >= approval.firstMonth && c.month <= approval.lastMonth,
    );
  }

  async status(
    approval: ReportApprovalDoc | null,
  ): Promise<{ status: ReportStatus; changes: FigureChangeDoc[] }> {
    if (!approval) return { status: 'not_approved', changes: [] };
    const changes = await this.changesSince(approval);
    return { status: changes.length > 0 ? 'changed_since_approval' : 'approved', changes };
  }

  /** The units right below (communes of a district) with claimed figures in the period. */
  async unitsBelowWithFigures(indicatorKey: string, orgUnit: string, period: string): Promise<string[]> {
    const range = monthsOfPeriod(period)!;
    // A plan area sits above units of several trees (the district, the new communes): its parts are the
    // units that count in it through no other unit that counts in it.
    const planArea = this.plan.levels[orgUnit] === 'plan_area';
    const direct = (ups: readonly string[]) =>
      planArea
        ? ups.includes(orgUnit) &&
          !ups.slice(0, ups.indexOf(orgUnit)).some((up) => (this.plan.rollUps[up] ?? []).includes(orgUnit))
        : ups[0] === orgUnit;
    const children = Object.entries(this.plan.rollUps)
      .filter(([, ups]) => direct(ups))
      .map(([code]) => code);
    const out: string[] = [];
    for (const child of children.sort()) {
      const docs = await this.months('claimed', indicatorKey, child, range.last, range.first);
      if (docs.some((d) => d.events > 0)) out.push(child);
    }
    return out;
  }

  periodMonths(period: string): string[] {
    return periodMonths(period);
  }
}

/** A month document with nothing in it: read, it gives the figure of no contribution (0 for a count). */
function nothingIn(indicatorKey: string, orgUnit: string, month: string): IndicatorMonthDoc {
  const zero = { value: 0, numerator: 0, denominator: 0 };
  return {
    indicatorKey,
    orgUnit,
    level: null,
    month,
    year: Number(month.slice(0, 4)),
    sums: zero,
    ownSums: zero,
    units: [],
    measurements: [],
    definitionVersions: [],
    events: 0,
    lastEventId: '',
    lastPosition: 0,
  };
}

/** At most MAX_FIND_LIMIT values per `in` list. */
function chunks<T>(values: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

function reportMonth(doc: IndicatorMonthDoc): ReportMonth {
  return {
    month: doc.month,
    sums: doc.sums,
    ownSums: doc.ownSums,
    units: doc.units,
    measurements: doc.measurements,
    definitionVersions: doc.definitionVersions,
  };
}

function total(docs: readonly IndicatorMonthDoc[]): ReportFigures['claimedTotal'] {
  const sum = (part: 'value' | 'numerator' | 'denominator') =>
    Number(docs.reduce((acc, d) => acc + d.sums[part], 0).toPrecision(15));
  return { value: sum('value'), numerator: sum('numerator'), denominator: sum('denominator') };
}

export function digestOf(
  indicatorKey: string,
  orgUnit: string,
  period: string,
  figures: ReportFigures,
): string {
  return createHash('sha256')
    .update(canonicalJson({ indicatorKey, orgUnit, period, figures }), 'utf8')
    .digest('hex');
}
