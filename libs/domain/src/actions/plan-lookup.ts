// What an action's check against the plan may read of it, as narrow types of the action kernel: the plan
// model (plan/plan-model.ts) satisfies them as it is, and the actions do not depend on the plan's parsing.

/** One indicator definition, as far as a command's check needs it. */
export interface PlannedIndicator {
  key: string;
  /** 1, 2, ...: the latest version is the one in force. */
  version: number;
  /** count, ratio, measured or qualitative. */
  kind: string;
  /** Its contribution rules; a rule with measure "measurement" lets measurements set it. */
  contributions: readonly { measure: string }[];
}

/** The plan, as a command's check reads it. */
export interface PlanLookup {
  /** Every definition of the plan, every version. */
  definitions: readonly PlannedIndicator[];
}
