import { Query } from '@nestjs/cqrs';
import type { Dhis2Period } from '@ledger/domain';

export interface Dhis2DataValue {
  /** Our indicator, for the reader (written as the value's comment). */
  indicatorKey: string;
  dataElement: string;
  categoryOptionCombo: string | null;
  /** As DHIS2 takes a value: a string. */
  value: string;
}

/** The figures of one org unit for one DHIS2 period, in DHIS2's ids, and what could not be sent. */
export interface Dhis2DataValues {
  period: Dhis2Period;
  /** Our org unit, and its DHIS2 uid (null when unmapped: then no value is sent). */
  orgUnit: string;
  orgUnitUid: string | null;
  dataSet: string | null;
  attributeOptionCombo: string | null;
  /** The day the figures are read on: the period's last day, or today while the period runs. */
  asOf: string;
  dataValues: Dhis2DataValue[];
  unmapped: { indicators: string[]; orgUnits: string[] };
  /** Mapped indicators with no figure on asOf (a ratio or measurement without data): nothing is sent. */
  withoutFigure: string[];
}

export class GetDhis2DataValuesQuery extends Query<Dhis2DataValues> {
  constructor(
    /** DHIS2 syntax: 2026, 2026Q1, 202603. */
    readonly period: string,
    /** Defaults to the plan's own org unit. */
    readonly orgUnit: string | undefined,
  ) {
    super();
  }
}
