// Who leads the plan on a date: the agency that monitors, evaluates and reports on it (section IV.3). The
// seed states it as dated periods (plan.reportingAgencies), so that an agency that ended (the district
// People's Committee, with the district level) is never left leading: after its end the period in force
// names its successor. A plan without the dated list is led by `reportingAgency` throughout.
import { invalid } from '../shared/domain-error';
import { addDays } from '../shared/event-reading';
import { compareDates, requireCode, requireDate, requireNullable, type FieldChecker } from './plan-values';

export interface PlanLead {
  agency: string;
  /** First day it leads. */
  from: string;
  /** Last day it leads (inclusive); null: to the end of the plan and after. */
  to: string | null;
}

export interface PlanLeads {
  reportingAgency: string;
  reportingAgencies?: readonly PlanLead[];
}

/** The agency that leads the plan on `day` (YYYY-MM-DD, Asia/Ho_Chi_Minh). */
export function planLeadOn(plan: PlanLeads, day: string): string {
  const leads = plan.reportingAgencies ?? [];
  const current = leads.find(
    (l) => compareDates(l.from, day) <= 0 && (l.to === null || compareDates(day, l.to) <= 0),
  );
  if (current) return current.agency;
  // Before the first period: the first lead; after a closed last period: the last one (validation keeps
  // the periods contiguous from the plan's start, so neither happens with a sound seed).
  if (leads.length > 0 && compareDates(day, leads[0].from) < 0) return leads[0].agency;
  return leads.at(-1)?.agency ?? plan.reportingAgency;
}

export function parsePlanLead(value: unknown, field: string): PlanLead {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid('RECORD_REQUIRED', field, `${field} must be an object { agency, from, to }`);
  const raw = value as Record<string, unknown>;
  const extra = Object.keys(raw).filter((k) => !['agency', 'from', 'to'].includes(k));
  if (extra.length > 0)
    throw invalid(
      'FIELD_UNKNOWN',
      `${field}.${extra[0]}`,
      `unknown field ${extra[0]} (expected: agency, from, to)`,
    );
  const lead: PlanLead = {
    agency: requireCode(raw.agency, `${field}.agency`),
    from: requireDate(raw.from, `${field}.from`),
    to: requireNullable(raw.to, `${field}.to`, requireDate),
  };
  if (lead.to !== null && compareDates(lead.to, lead.from) < 0)
    throw invalid('PERIOD_EMPTY', `${field}.to`, `${field}.to must not be before ${field}.from`);
  return lead;
}

/**
 * The periods in order, contiguous (each begins the day after the one before ends), the first one from
 * the plan's start, only the last one open; the first one's agency is `reportingAgency`.
 */
export function checkPlanLeads(
  plan: { reportingAgency: string; periodFrom: string; reportingAgencies?: readonly PlanLead[] },
  check: FieldChecker,
): void {
  const leads = plan.reportingAgencies;
  if (!leads || leads.length === 0) return;
  if (compareDates(leads[0].from, plan.periodFrom) > 0)
    check.report(
      'reportingAgencies[0].from',
      'LEAD_GAP',
      `the plan begins on ${plan.periodFrom}: its first lead begins then or before`,
    );
  if (leads[0].agency !== plan.reportingAgency)
    check.report(
      'reportingAgencies[0].agency',
      'LEAD_MISMATCH',
      `the first lead is the plan's reportingAgency (${plan.reportingAgency})`,
    );
  leads.forEach((lead, i) => {
    if (i === 0) return;
    const before = leads[i - 1];
    if (before.to === null || nextDay(before.to) !== lead.from)
      check.report(
        `reportingAgencies[${i}].from`,
        'LEAD_GAP',
        before.to === null
          ? `reportingAgencies[${i - 1}] has no end: only the last lead is open`
          : `begins the day after reportingAgencies[${i - 1}] ends (${nextDay(before.to)})`,
      );
  });
}

const nextDay = (day: string) => addDays(day, 1);
