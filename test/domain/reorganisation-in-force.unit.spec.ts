// The 1 July 2025 reorganisation of the Bác Ái seeds, on the write side: recording rights pass with the
// duties to the successors by function, a new commune's officers reach the old communes it was made from
// (their open cases), an agency left in force reaches the new communes of its area, and a write naming an
// ended unit or agency names what is in force instead.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  agencyOutOfForce,
  orgUnitOutOfForce,
  refuseWrite,
  type InForceModel,
  type PlanSeed,
  type Principal,
  type WritePolicyContext,
} from '@ledger/domain';
import { writeAccessFromSeed } from '@ledger/ledger/auth/write-access';
import { readSeedFiles } from '@ledger/ledger/plan/read-seed-files';

const SEEDS = join(__dirname, '..', '..', 'seeds');
const NEW_COMMUNES = ['KH-BAC-AI-DONG', 'KH-BAC-AI', 'KH-BAC-AI-TAY', 'KH-MY-SON'];

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
    // The plan's area outlives the district: plan-wide writes still name it.
    expect(orgUnitOutOfForce(seed.plan.orgUnit, '2026-03-01', model)).toBeNull();
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
});
