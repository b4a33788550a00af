// The commands that put a whole seed on the record, in an order where every reference points backwards
// (plan, org units parents first, reorganisations, agencies, successions, indicators, targets,
// responsibilities, baselines), each with the stream it goes to, the org unit of its envelope and a
// stable string the shell hashes into the event id, so that loading the same seed again appends nothing.
import { assertNever } from '../shared/decider';
import { planCommandStream } from './plan-aggregates';
import type { PlanCommand } from './plan.commands';
import type { OrgUnitLevel } from './plan-records';
import type { PlanSeed } from './plan-seed';

export interface SeedCommand {
  command: PlanCommand;
  stream: string;
  /** The org unit the event belongs to (metadata.orgUnit). */
  orgUnit: string;
  /** Stable per fact, independent of time: hash it into the UUID of the command's first event. */
  eventIdInput: string;
}

export interface SeedLoadOptions {
  /** Defaults to the seed's plan.planId. */
  planId?: string;
  /**
   * When the seed is put on the record. It is part of every event's envelope, so a second load must
   * pass the same value (e.g. the occurredAt of the PlanAdopted already recorded) to be a pure replay.
   */
  occurredAt: string;
  /** Server time; defaults to occurredAt. */
  now?: string;
}

const LEVEL_ORDER: Record<OrgUnitLevel, number> = { province: 0, district: 1, commune: 2, plan_area: 3 };

export function planSeedToCommands(seed: PlanSeed, options: SeedLoadOptions): SeedCommand[] {
  const planId = options.planId ?? seed.plan.planId;
  const timed = { occurredAt: options.occurredAt, now: options.now ?? options.occurredAt };
  const planUnit = seed.plan.orgUnit;
  const agencyUnit = new Map(seed.agencies.map((a) => [a.code, a.orgUnit]));
  const out: SeedCommand[] = [];
  const push = (command: PlanCommand, orgUnit: string) =>
    out.push({
      command,
      stream: planCommandStream(command),
      orgUnit,
      eventIdInput: seedEventIdInput(planId, command),
    });

  push({ type: 'AdoptPlan', ...timed, ...seed.plan, planId }, planUnit);
  const units = seed.orgUnits
    .map((unit, index) => ({ unit, index }))
    .sort((a, b) => LEVEL_ORDER[a.unit.level] - LEVEL_ORDER[b.unit.level] || a.index - b.index);
  for (const { unit } of units) push({ type: 'RegisterOrgUnit', ...timed, ...unit }, unit.code);
  for (const change of seed.orgUnitChanges)
    push({ type: 'RecordOrgUnitChange', ...timed, ...change }, planUnit);
  for (const agency of seed.agencies) push({ type: 'RegisterAgency', ...timed, ...agency }, agency.orgUnit);
  for (const succession of seed.agencySuccessions) {
    push(
      { type: 'RecordAgencySuccession', ...timed, ...succession },
      agencyUnit.get(succession.predecessor) ?? planUnit,
    );
  }
  for (const { definition } of seed.indicators)
    push({ type: 'DefineIndicator', ...timed, ...definition }, planUnit);
  for (const { definition, target } of seed.indicators) {
    if (target) push({ type: 'SetTarget', ...timed, planId, indicatorKey: definition.key, target }, planUnit);
  }
  for (const { definition, responsibility } of seed.indicators) {
    push(
      {
        type: 'AssignResponsibility',
        ...timed,
        planId,
        indicatorKey: definition.key,
        ...responsibility,
        reason: null,
      },
      planUnit,
    );
  }
  for (const { values, ...series } of seed.baselines) {
    for (const [orgUnit, value] of Object.entries(values)) {
      push({ type: 'RecordBaseline', ...timed, planId, ...series, orgUnit, value }, orgUnit);
    }
  }
  return out;
}

/**
 * `seed:<planId>:<event>:<subject>`: one string per fact the seed states. Facts that may be stated again
 * differently carry what distinguishes them (an indicator's version, a baseline's date), so a new version
 * gets a new id while the same version keeps its id; a changed target keeps its id and is refused as a
 * conflict (it is revised by ReviseTarget, with a reason).
 */
export function seedEventIdInput(planId: string, command: PlanCommand): string {
  const id = (event: string, ...subject: Array<string | number>) =>
    [`seed:${planId}:${event}`, ...subject].join(':');
  switch (command.type) {
    case 'AdoptPlan':
      return id('plan-adopted', command.planId);
    case 'RegisterOrgUnit':
      return id('org-unit-registered', command.code);
    case 'RecordOrgUnitChange':
      return id('org-unit-change-recorded', command.changeId);
    case 'RegisterAgency':
      return id('agency-registered', command.code);
    case 'RecordAgencySuccession':
      return id('agency-succession-recorded', command.predecessor);
    case 'DefineIndicator':
      return id('indicator-defined', command.key, `v${command.version}`);
    case 'SetTarget':
      return id('target-set', command.indicatorKey);
    case 'ReviseTarget':
      // Not a seed fact: a revision is an officer's command with its own id.
      return id('target-revised', command.indicatorKey, command.occurredAt);
    case 'AssignResponsibility':
      return id('responsibility-assigned', command.indicatorKey, command.lead);
    case 'RecordBaseline':
      return id('baseline-recorded', command.key, command.orgUnit, command.asOf);
    default:
      return assertNever(command);
  }
}
