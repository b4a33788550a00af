import { Query } from '@nestjs/cqrs';
import type { OpenStepsPage } from './open-case-steps';

/**
 * A page of an agency's open case steps (recorded last by it, or held by it by succession), soonest due
 * first (steps without a due date first): the full list behind the bounded `openSteps` of the agency trail.
 */
export class GetOpenCaseStepsQuery extends Query<OpenStepsPage> {
  constructor(
    readonly agency: string,
    /** Only those whose next step was due before this day (YYYY-MM-DD): the past-due list. */
    readonly dueBefore: string | undefined,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
