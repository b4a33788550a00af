// Example values of the API's requests (the OpenAPI examples), in one place so that every DTO, generated or
// written, shows the same valid request: units and indicators of the repository's plan (seeds/), in force on
// the example's date (after the reorganisation of 1 July 2025, the communes are Khánh Hòa's). A test reads
// every example of /docs-json back against the plan.
export const REQUEST_EXAMPLES = {
  /** When the action happened. */
  occurredAt: '2026-11-20T09:30:00+07:00',
  /** A commune in force on occurredAt. */
  commune: 'KH-BAC-AI',
  /** An org unit a figure or report is for (a commune in force on occurredAt). */
  orgUnit: 'KH-BAC-AI',
  /** An indicator of the plan counted from actions. */
  indicatorKey: 'houses_built',
  /** An indicator of the plan that measurements set (a survey figure). */
  measuredIndicatorKey: 'child_stunting_under5',
  /** A period of a measurement or report. */
  period: '2026',
} as const;
