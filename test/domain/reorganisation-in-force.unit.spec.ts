// The 1 July 2025 reorganisation of the Bác Ái seeds, on the write side: recording rights pass with the
// duties to the successors by function, a new commune's officers reach the old communes it was made from
// (their open cases), an agency left in force reaches the new communes of its area, and a write naming an
// ended unit or agency names what is in force instead.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  agencyOutOfForce,
  OrgScope,
  orgUnitOutOfForce,
  planLeadOn,
  planModelFromSeed,
  refuseWrite,
  unitsCountingIn,
  validatePlanSeed,
  type InForceModel,
  type PlanSeed,
  type Principal,
  type WritePolicyContext,
} from '@ledger/domain';
import { writeAccessFromSeed } from '@ledger/ledger/auth/write-access';
import { readSeedFiles } from '@ledger/ledger/plan/read-seed-files';

const SEEDS = join(__dirname, '..', '..', 'seeds');
const NEW_COMMUNES = ['KH-BAC-AI-DONG', 'KH-BAC-AI', 'KH-BAC-AI-TAY', 'KH-MY-SON'];
const DISTRICT = 'NT-BAC-AI';

describe('the 2025 reorganisation in force on writes', () => {
  let seed: PlanSeed;
  let access: WritePolicyContext;
  let model: InForceModel;

  beforeAll(() => {
    seed = readSeedFiles(SEEDS);
    const rightsJson = JSON.parse(readFileSync(join(SEEDS, 'recording-rights.json'), 'utf8')) as unknown;
    access = writeAccessFromSeed(seed, rightsJson, SEEDS);
    model = {
      orgUnits: { units: seed.orgUnits, changes: seed.orgUnitChanges },
      agencies: seed.agencies,
      successions: seed.agencySuccessions,
    };
  });

  const officer = (agency: string, orgUnits: string[]): Principal => ({
    officer: 'can-bo-xa-01',
    agency,
    orgUnits,
    roles: ['officer'],
  });
  const record = (principal: Principal, aggregate: string, orgUnit: string) =>
    refuseWrite(
      principal,
      { stream: `${aggregate}-x`, aggregate, orgUnit, events: [{ type: 'Anything', data: {} }] },
      access,
    );

  it('gives each successor the rights of every predecessor whose duties it took', () => {
    for (const succession of seed.agencySuccessions)
      for (const { agency } of succession.successors)
        for (const action of access.rights.actionsOf(succession.predecessor))
          expect([agency, action, access.rights.allows(agency, action)]).toEqual([agency, action, true]);
  });

  it('lets the culture and social affairs offices open courses and record reburials, the economic offices record clean water', () => {
    for (const commune of NEW_COMMUNES) {
      const suffix = commune.replace(/^KH-/, '');
      const social = officer(`VHXH-XA-${suffix}`, [commune]);
      const economic = officer(`KT-XA-${suffix}`, [commune]);
      expect(record(social, 'training-course', commune)).toBeNull();
      expect(record(social, 'remains-case', commune)).toBeNull();
      expect(record(economic, 'clean-water-connection', commune)).toBeNull();
    }
  });

  it("reaches the old communes a new commune was made from (their open cases), and no one else's", () => {
    const social = officer('VHXH-XA-BAC-AI-DONG', ['KH-BAC-AI-DONG']);
    const madeFrom = seed.orgUnitChanges
      .flatMap((c) => c.crosswalk)
      .filter((row) => row.to === 'KH-BAC-AI-DONG')
      .map((row) => row.from);
    expect(madeFrom.length).toBeGreaterThan(0);
    for (const old of madeFrom) expect(record(social, 'housing-case', old)).toBeNull();
    expect(record(social, 'housing-case', 'BA-PHUOC-BINH')).toMatchObject({ code: 'FORBIDDEN' });
  });

  it("reads an agency left in force through the crosswalk: the district's area includes the communes made from it", () => {
    const insurance = officer('BHXH-BAC-AI', ['NT-BAC-AI']);
    expect(seed.agencySuccessions.some((s) => s.predecessor === 'BHXH-BAC-AI')).toBe(false);
    expect(agencyOutOfForce('BHXH-BAC-AI', 'KH-BAC-AI-TAY', '2026-03-01', model)).toBeNull();
    for (const commune of ['KH-BAC-AI-DONG', 'KH-BAC-AI', 'KH-BAC-AI-TAY'])
      expect(record(insurance, 'health-insurance-enrolment', commune)).toBeNull();
  });

  it('names the successor of an ended unit, and what was in force before a new one began', () => {
    expect(orgUnitOutOfForce('BA-PHUOC-DAI', '2025-06-30', model)).toBeNull();
    expect(orgUnitOutOfForce('BA-PHUOC-DAI', '2025-07-01', model)).toMatchObject({
      reason: 'ORG_UNIT_ENDED',
      instead: ['KH-BAC-AI-DONG'],
    });
    expect(orgUnitOutOfForce('KH-BAC-AI-TAY', '2025-06-30', model)).toMatchObject({
      reason: 'ORG_UNIT_NOT_YET_IN_FORCE',
      instead: ['BA-PHUOC-BINH', 'BA-PHUOC-HOA', 'BA-PHUOC-TAN'],
    });
    // The plan's area outlives the district: plan-wide writes name it on any date.
    for (const day of ['2024-03-01', '2025-06-30', '2025-07-01', '2030-12-31'])
      expect(orgUnitOutOfForce(seed.plan.orgUnit, day, model)).toBeNull();
    // The district itself is in force until its end; after it, a write naming it names the plan area.
    expect(orgUnitOutOfForce(DISTRICT, '2025-06-30', model)).toBeNull();
    expect(orgUnitOutOfForce(DISTRICT, '2025-07-01', model)).toMatchObject({
      reason: 'ORG_UNIT_ENDED',
      instead: [seed.plan.orgUnit],
    });
  });

  it('names the successor of an ended agency for the unit written to', () => {
    expect(agencyOutOfForce('LDTBXH-BAC-AI', 'BA-PHUOC-DAI', '2025-06-30', model)).toBeNull();
    expect(agencyOutOfForce('LDTBXH-BAC-AI', 'BA-PHUOC-DAI', '2025-07-01', model)).toMatchObject({
      reason: 'AGENCY_ENDED',
      instead: ['VHXH-XA-BAC-AI-DONG'],
    });
    expect(agencyOutOfForce('NNPTNT-BAC-AI', 'KH-BAC-AI-TAY', '2025-09-01', model)).toMatchObject({
      reason: 'AGENCY_ENDED',
      instead: ['KT-XA-BAC-AI-TAY'],
    });
    expect(agencyOutOfForce('VHXH-XA-BAC-AI', 'KH-BAC-AI', '2025-06-30', model)).toMatchObject({
      reason: 'AGENCY_NOT_YET_IN_FORCE',
    });
  });

  it("lets the successor correct its predecessor's records in its commune, and no other commune's office", () => {
    const correction = (agency: string, unit: string) =>
      refuseWrite(
        { ...officer(agency, [unit]), roles: ['supervisor'] },
        {
          stream: 'housing-case-x',
          aggregate: 'housing-case',
          orgUnit: 'BA-PHUOC-DAI',
          events: [
            {
              type: 'EventCorrected',
              data: {
                original: { type: 'HousingFundingApproved', data: {}, actor: { agency: 'LDTBXH-BAC-AI' } },
              },
            },
          ],
        },
        access,
      );
    expect(correction('VHXH-XA-BAC-AI-DONG', 'KH-BAC-AI-DONG')).toBeNull();
    expect(correction('VHXH-XA-BAC-AI-TAY', 'KH-BAC-AI-TAY')).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses on the write path, after the access rules, an action naming an ended unit or made by an ended agency on its day', () => {
    const write = (principal: Principal, orgUnit: string, occurredOn: string, namesOrgUnit = true) =>
      refuseWrite(
        principal,
        {
          stream: 'housing-case-x',
          aggregate: 'housing-case',
          orgUnit,
          events: [{ type: 'HousingCaseRegistered', data: {} }],
          occurredOn,
          namesOrgUnit,
        },
        access,
      );
    const office = officer('VHXH-XA-BAC-AI-TAY', ['KH-BAC-AI-TAY']);
    const district = officer('LDTBXH-BAC-AI', ['NT-BAC-AI']);
    expect(write(office, 'BA-PHUOC-BINH', '2026-02-10')).toMatchObject({
      code: 'ORG_UNIT_ENDED',
      instead: ['KH-BAC-AI-TAY'],
    });
    // A step on a case of the old commune stays in the case's unit.
    expect(write(office, 'BA-PHUOC-BINH', '2026-02-10', false)).toBeNull();
    expect(write(office, 'KH-BAC-AI-TAY', '2026-02-10')).toBeNull();
    expect(write(district, 'KH-BAC-AI-TAY', '2026-02-10')).toMatchObject({
      code: 'AGENCY_ENDED',
      instead: ['VHXH-XA-BAC-AI-TAY'],
    });
    // Late recording of an action of before the end is accepted.
    expect(write(district, 'BA-PHUOC-BINH', '2025-06-30')).toBeNull();
    // Somebody who may not write there at all learns nothing about the unit's dates.
    expect(write(officer('TTYT-BAC-AI', ['NT-BAC-AI']), 'BA-PHUOC-BINH', '2026-02-10')).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  // ---------------------------------------------------------------- the plan area, a unit of its own
  /** The seeds' units lying wholly within the plan's area (not the plan area itself). */
  const within = () =>
    seed.orgUnits.filter((u) => u.level !== 'plan_area' && u.planArea === 'within').map((u) => u.code);

  it('makes the plan area a unit of its own with no parent and no end, read as every unit within it', () => {
    const area = seed.orgUnits.find((u) => u.code === seed.plan.orgUnit)!;
    expect([area.level, area.parent]).toEqual(['plan_area', null]);
    expect(seed.orgUnitChanges.some((c) => c.ends.includes(area.code))).toBe(false);
    const plan = planModelFromSeed(seed);
    expect(unitsCountingIn(plan, area.code).sort()).toEqual([area.code, ...within()].sort());
    // The ended district counts only itself and its former communes, never a unit made after its end.
    const oldCommunes = seed.orgUnits.filter((u) => u.parent === DISTRICT).map((u) => u.code);
    expect(unitsCountingIn(plan, DISTRICT).sort()).toEqual([DISTRICT, ...oldCommunes].sort());
    // An old commune after its end counts only what was recorded on it.
    expect(unitsCountingIn(plan, 'BA-PHUOC-BINH')).toEqual(['BA-PHUOC-BINH']);
  });

  it('covers the plan area from its units and the units that hold all of them, and no new commune alone', () => {
    const scope = new OrgScope(seed.orgUnits, seed.orgUnitChanges);
    const area = seed.plan.orgUnit;
    for (const code of within()) expect([code, scope.covers([area], code)]).toEqual([code, true]);
    expect(scope.covers([area], 'KH-MY-SON')).toBe(false);
    expect(scope.covers([DISTRICT], area)).toBe(true);
    expect(scope.covers(['KHANH-HOA'], area)).toBe(true);
    expect(scope.covers(['KH-BAC-AI-TAY'], area)).toBe(false);
  });

  // ---------------------------------------------------------------- the plan's lead, dated
  it("names the plan's lead on each day: the district People's Committee, then an agency in force", () => {
    const leads = seed.plan.reportingAgencies!;
    expect(leads.length).toBeGreaterThan(1);
    const end = seed.agencySuccessions.find(
      (s) => s.predecessor === seed.plan.reportingAgency,
    )!.effectiveFrom;
    const dayBefore = new Date(Date.parse(`${end}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(planLeadOn(seed.plan, dayBefore)).toBe(seed.plan.reportingAgency);
    const after = planLeadOn(seed.plan, end);
    expect(after).not.toBe(seed.plan.reportingAgency);
    // The lead after the end is in force then and is who the district People's Committee's duties for the
    // plan area passed to.
    expect(agencyOutOfForce(after, seed.plan.orgUnit, end, model)).toBeNull();
    expect(agencyOutOfForce(seed.plan.reportingAgency, seed.plan.orgUnit, end, model)).toMatchObject({
      reason: 'AGENCY_ENDED',
      instead: [after],
    });
  });

  it('refuses a seed whose lead ended before its period does, or whose periods leave a gap', () => {
    const files = Object.fromEntries(
      ['plan', 'org-units', 'agencies', 'indicators', 'baselines'].map((name) => [
        `${name}.json`,
        JSON.parse(readFileSync(join(SEEDS, `${name}.json`), 'utf8')) as unknown,
      ]),
    );
    expect(validatePlanSeed(files).ok).toBe(true);
    const withLeads = (reportingAgencies: unknown) => {
      const plan = files['plan.json'] as { plan: Record<string, unknown> };
      return validatePlanSeed({
        ...files,
        'plan.json': { ...plan, plan: { ...plan.plan, reportingAgencies } },
      });
    };
    const codes = (result: ReturnType<typeof validatePlanSeed>) =>
      result.ok ? [] : result.problems.map((p) => p.code);
    const first = seed.plan.reportingAgencies![0];
    expect(codes(withLeads([{ ...first, to: null }]))).toContain('LEAD_ENDED');
    expect(
      codes(
        withLeads([first, { agency: seed.plan.reportingAgencies![1].agency, from: '2025-08-01', to: null }]),
      ),
    ).toContain('LEAD_GAP');
    expect(codes(withLeads([{ agency: 'UBND-XA-BAC-AI', from: seed.plan.periodFrom, to: null }]))).toContain(
      'LEAD_MISMATCH',
    );
    const next = seed.plan.reportingAgencies![1];
    expect(
      codes(
        withLeads([
          { ...first, to: '2025-05-31' },
          { agency: next.agency, from: '2025-06-01', to: null },
        ]),
      ),
    ).toEqual(['LEAD_NOT_YET_IN_FORCE']);
  });

  // ---------------------------------------------------------------- in force on corrections, approvals, revisions
  const supervisorOf = (agency: string, orgUnits: string[], id = 'truong-phong-01'): Principal => ({
    officer: id,
    agency,
    orgUnits,
    roles: ['supervisor'],
  });
  const original = (agency: string, occurredAt: string, orgUnit = 'BA-PHUOC-BINH') => ({
    type: 'HousingFundingApproved',
    data: {},
    orgUnit,
    occurredAt,
    actor: { officer: 'can-bo-01', agency },
  });

  it('refuses a correction made after its agency ended, naming the successor; the successor corrects (the correction is dated when it is made)', () => {
    const correct = (principal: Principal, occurredOn: string, kind = 'retraction') =>
      refuseWrite(
        principal,
        {
          stream: 'housing-case-x',
          aggregate: 'housing-case',
          orgUnit: 'BA-PHUOC-BINH',
          events: [
            {
              type: 'EventCorrected',
              data: { kind, original: original('LDTBXH-BAC-AI', '2025-06-10T09:00:00+07:00') },
            },
          ],
          occurredOn,
        },
        access,
      );
    const oldHead = supervisorOf('LDTBXH-BAC-AI', [DISTRICT]);
    expect(correct(oldHead, '2025-06-20')).toBeNull();
    expect(correct(oldHead, '2026-03-01')).toMatchObject({
      code: 'AGENCY_ENDED',
      instead: ['VHXH-XA-BAC-AI-TAY'],
    });
    // The unit is read on the corrected action's own day (in force then): an amendment by the successor passes.
    expect(
      correct(supervisorOf('VHXH-XA-BAC-AI-TAY', ['KH-BAC-AI-TAY']), '2026-03-01', 'amendment'),
    ).toBeNull();
  });

  it('refuses an amendment of an action recorded on a unit after its end, naming the successor', () => {
    const amend = refuseWrite(
      supervisorOf('VHXH-XA-BAC-AI-TAY', ['KH-BAC-AI-TAY']),
      {
        stream: 'housing-case-x',
        aggregate: 'housing-case',
        orgUnit: 'BA-PHUOC-BINH',
        events: [
          {
            type: 'EventCorrected',
            data: {
              kind: 'amendment',
              original: original('VHXH-XA-BAC-AI-TAY', '2026-01-10T09:00:00+07:00'),
            },
          },
        ],
        occurredOn: '2026-03-01',
      },
      access,
    );
    expect(amend).toMatchObject({ code: 'ORG_UNIT_ENDED', instead: ['KH-BAC-AI-TAY'] });
  });

  it('refuses a four-eyes approval by an agency that ended by the day of the approval, naming the successor', () => {
    const approve = (principal: Principal, occurredOn: string) =>
      refuseWrite(
        principal,
        {
          stream: 'housing-case-x',
          aggregate: 'housing-case',
          orgUnit: 'BA-PHUOC-BINH',
          events: [
            {
              type: 'EventCorrected',
              data: {
                kind: 'retraction',
                original: original('LDTBXH-BAC-AI', '2025-06-10T09:00:00+07:00'),
                approval: {
                  proposalId: 'p-1',
                  proposedBy: { officer: 'de-xuat-01', agency: 'LDTBXH-BAC-AI' },
                },
              },
            },
          ],
          occurredOn,
        },
        access,
      );
    expect(approve(supervisorOf('LDTBXH-BAC-AI', [DISTRICT], 'duyet-01'), '2025-06-25')).toBeNull();
    expect(approve(supervisorOf('LDTBXH-BAC-AI', [DISTRICT], 'duyet-01'), '2025-07-02')).toMatchObject({
      code: 'AGENCY_ENDED',
      instead: ['VHXH-XA-BAC-AI-TAY'],
    });
    // The successor approves its predecessor's correction.
    expect(
      approve(supervisorOf('VHXH-XA-BAC-AI-TAY', ['KH-BAC-AI-TAY'], 'duyet-02'), '2025-07-02'),
    ).toBeNull();
  });

  it("refuses a report approval on the ended district for a period after its end (naming the plan area), and by an ended People's Committee", () => {
    const report = (principal: Principal, orgUnit: string, period: string, occurredOn: string) =>
      refuseWrite(
        principal,
        {
          stream: `report-approval-x`,
          aggregate: undefined,
          orgUnit,
          events: [{ type: 'ReportApproved', data: { indicatorKey: 'houses_built', orgUnit, period } }],
          occurredOn,
        },
        access,
      );
    const lead = planLeadOn(seed.plan, '2027-01-20');
    const leadHead = supervisorOf(lead, [seed.plan.orgUnit]);
    expect(report(leadHead, DISTRICT, '2026', '2027-01-20')).toMatchObject({
      code: 'ORG_UNIT_ENDED',
      instead: [seed.plan.orgUnit],
    });
    expect(report(leadHead, DISTRICT, '2025', '2026-01-20')).toBeNull();
    expect(report(leadHead, seed.plan.orgUnit, '2026', '2027-01-20')).toBeNull();
    expect(
      report(supervisorOf(seed.plan.reportingAgency, [DISTRICT]), seed.plan.orgUnit, '2026', '2027-01-20'),
    ).toMatchObject({
      code: 'AGENCY_ENDED',
      instead: [lead],
    });
  });

  it("revises a target by the plan's lead of the day; an ended lead is refused naming it", () => {
    const revise = (principal: Principal, occurredOn: string) =>
      refuseWrite(
        principal,
        {
          stream: 'target-houses_built',
          aggregate: 'target',
          orgUnit: seed.plan.orgUnit,
          events: [{ type: 'TargetRevised', data: { indicatorKey: 'houses_built' } }],
          occurredOn,
        },
        access,
      );
    expect(revise(supervisorOf(seed.plan.reportingAgency, [DISTRICT]), '2025-05-01')).toBeNull();
    expect(revise(supervisorOf(seed.plan.reportingAgency, [DISTRICT]), '2026-02-01')).toMatchObject({
      code: 'AGENCY_ENDED',
      instead: [planLeadOn(seed.plan, '2026-02-01')],
    });
    expect(revise(supervisorOf('LDTBXH-BAC-AI', [DISTRICT]), '2026-02-01')).toMatchObject({
      code: 'AGENCY_ENDED',
      instead: [planLeadOn(seed.plan, '2026-02-01')],
    });
    expect(revise(supervisorOf(planLeadOn(seed.plan, '2026-02-01'), ['KHANH-HOA']), '2026-02-01')).toBeNull();
    // Somebody who never led may not revise at all (403, before any date is looked at).
    expect(revise(supervisorOf('GDDT-BAC-AI', [DISTRICT]), '2026-02-01')).toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
