// The OpenAPI schemas of the four-eyes reads: period reports and their approvals, restatements, double claims.
import { arrayOf, int, nullable, num, object, oneOfValues, str } from '../../http/response-schema';

const REPORT_STATUS = oneOfValues(['not_approved', 'approved', 'changed_since_approval']);

const FIGURE_CHANGE = object(
  {
    indicatorKey: str(),
    orgUnit: str(),
    month: str('The month of the figure that moved'),
    eventId: str(),
    type: str(),
    kind: str(),
    actionEventId: str('The action the change is about'),
    reason: nullable(str()),
    position: int(),
  },
  {
    open: true,
    description: 'An event that moved the figure, with its reason',
  },
);

const APPROVAL = object(
  { indicatorKey: str(), orgUnit: str(), period: str(), figuresDigest: str() },
  { open: true, optional: ['figuresDigest'], description: 'The standing approval and the earlier ones' },
);

export const REPORT_APPROVALS_SCHEMA = object({
  items: arrayOf(
    object({ status: REPORT_STATUS, approval: APPROVAL, changesSinceApproval: arrayOf(FIGURE_CHANGE) }),
  ),
});

export const REPORT_APPROVAL_SCHEMA = object({
  indicatorKey: str(),
  orgUnit: str(),
  period: str(),
  status: REPORT_STATUS,
  current: object(
    { figuresDigest: str('Send it back to approve the report') },
    { open: true, description: 'The figures as they stand now: what an approver signs off' },
  ),
  approval: nullable(APPROVAL),
  changesSinceApproval: arrayOf(FIGURE_CHANGE),
  below: arrayOf(object({ orgUnit: str(), status: REPORT_STATUS })),
});

const FIGURE_AT = object({ atFrom: num(), atTo: num(), now: nullable(num()) });

export const RESTATEMENT_SCHEMA = object({
  indicatorKey: str(),
  orgUnit: str(),
  asOf: str(),
  from: str(),
  to: str(),
  figures: object({ claimed: FIGURE_AT, verified: FIGURE_AT }),
  changes: arrayOf(FIGURE_CHANGE),
});

const HOUSE_CLAIM = object({}, { open: true, description: 'A house completion claimed for the household' });

export const DOUBLE_CLAIMS_SCHEMA = object({
  items: arrayOf(
    object({
      kind: oneOfValues(['house']),
      orgUnit: str(),
      householdRef: str(),
      agencies: arrayOf(str()),
      counted: HOUSE_CLAIM,
      notCounted: arrayOf(HOUSE_CLAIM),
    }),
  ),
});
