// Given a small plan (a district with two communes, three agencies and their recording rights), when a
// principal would append some events, then the write rules allow it or say why not.
import { BENEFICIARY_HISTORY_READ } from './beneficiary-read';
import { OrgScope } from './org-scope';
import type { Principal, Role } from './principal';
import { RecordingRights, validateRecordingRights } from './recording-rights';
import { refuseStreamAccess, refuseWrite, type WritePolicyContext, type WriteRequest } from './write-policy';

const units = [
  { code: 'NT-BAC-AI', parent: null, level: 'district' as const },
  { code: 'BA-PHUOC-DAI', parent: 'NT-BAC-AI', level: 'commune' as const },
  { code: 'BA-PHUOC-BINH', parent: 'NT-BAC-AI', level: 'commune' as const },
];
const agencies = [
  { code: 'LDTBXH-BAC-AI', kind: 'specialised_office' as const, orgUnit: 'NT-BAC-AI' },
  { code: 'TTYT-BAC-AI', kind: 'public_service_unit' as const, orgUnit: 'NT-BAC-AI' },
  { code: 'UBND-PHUOC-DAI', kind: 'peoples_committee' as const, orgUnit: 'BA-PHUOC-DAI' },
  { code: 'UBND-BAC-AI', kind: 'peoples_committee' as const, orgUnit: 'NT-BAC-AI' },
];
const { rights, problems } = validateRecordingRights(
  {
    rights: [
      { agencies: ['LDTBXH-BAC-AI'], actions: ['housing-case', 'allowance-grant'], source: 'III' },
      { agencies: ['TTYT-BAC-AI'], actions: ['hygienic-latrine'], source: 'II.2' },
      {
        agencyKinds: ['peoples_committee'],
        orgUnitLevel: 'commune',
        actions: ['housing-case'],
        source: 'IV.3',
      },
    ],
  },
  {
    agencies,
    levels: ['province', 'district', 'commune'],
    actions: ['housing-case', 'allowance-grant', 'hygienic-latrine'],
  },
);
const levels = new Map(units.map((u) => [u.code, u.level]));
const context: WritePolicyContext = {
  rights: new RecordingRights(rights, agencies, (code) => levels.get(code)),
  scope: new OrgScope(units),
  actionAggregates: new Set(['housing-case', 'allowance-grant', 'hygienic-latrine']),
  planAggregates: new Set(['target', 'org-unit']),
  leadAgencyOf: (key) => (key === 'houses_built' ? 'LDTBXH-BAC-AI' : undefined),
  planLeadOn: () => 'UBND-BAC-AI',
};

const who = (agency: string, roles: Role[], orgUnits = ['NT-BAC-AI'], officer = 'can-bo-01'): Principal => ({
  officer,
  agency,
  orgUnits,
  roles,
});
const write = (aggregate: string, orgUnit: string, ...events: Array<{ type: string; data?: unknown }>) =>
  ({
    stream: `${aggregate}-x`,
    aggregate,
    orgUnit,
    events: events.map((e) => ({ type: e.type, data: e.data ?? {} })),
  }) satisfies WriteRequest;
const registered = { type: 'HousingCaseRegistered' };
const correction = (agency: string) => ({
  type: 'EventCorrected',
  data: {
    original: { type: 'HousingCaseRegistered', data: {}, actor: { officer: 'a', agency, role: 'officer' } },
  },
});

describe('write rules', () => {
  it('the recording rights file is valid, and a wrong one is refused naming entry and field', () => {
    expect(problems).toEqual([]);
    const wrong = validateRecordingRights(
      { rights: [{ agencies: ['NO-SUCH'], actions: ['flying'], source: '' }] },
      { agencies, levels: ['commune'], actions: ['housing-case'] },
    );
    expect(wrong.problems).toEqual([
      expect.stringMatching(/^recording-rights.json: rights\[0\]: agencies: /),
      expect.stringMatching(/^recording-rights.json: rights\[0\]: actions: /),
      expect.stringMatching(/^recording-rights.json: rights\[0\]: agencies: name agencies or agencyKinds/),
      expect.stringMatching(/^recording-rights.json: rights\[0\]: actions: name at least one action/),
      expect.stringMatching(/^recording-rights.json: rights\[0\]: source: /),
    ]);
  });

  it('an officer records their agency tasks in their org units', () => {
    expect(
      refuseWrite(
        who('LDTBXH-BAC-AI', ['officer']),
        write('housing-case', 'BA-PHUOC-DAI', registered),
        context,
      ),
    ).toBeNull();
    const commune = who('UBND-PHUOC-DAI', ['officer'], ['BA-PHUOC-DAI']);
    expect(refuseWrite(commune, write('housing-case', 'BA-PHUOC-DAI', registered), context)).toBeNull();
  });

  it('refuses another commune, another agency task, an unknown org unit and a reading role', () => {
    const commune = who('UBND-PHUOC-DAI', ['officer'], ['BA-PHUOC-DAI']);
    expect(refuseWrite(commune, write('housing-case', 'BA-PHUOC-BINH', registered), context)).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('BA-PHUOC-BINH is outside'),
    });
    expect(
      refuseWrite(
        who('TTYT-BAC-AI', ['officer']),
        write('allowance-grant', 'BA-PHUOC-DAI', { type: 'AllowanceGranted' }),
        context,
      ),
    ).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('does not record allowance-grant'),
    });
    expect(
      refuseWrite(who('LDTBXH-BAC-AI', ['officer']), write('housing-case', 'PHUOC-X', registered), context),
    ).toMatchObject({
      code: 'ORG_UNIT_UNKNOWN',
    });
    expect(
      refuseWrite(
        who('LDTBXH-BAC-AI', ['inspector']),
        write('housing-case', 'BA-PHUOC-DAI', registered),
        context,
      ),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('refuses a step on another commune case before the case is read', () => {
    const commune = who('UBND-PHUOC-DAI', ['officer'], ['BA-PHUOC-DAI']);
    expect(
      refuseStreamAccess(commune, { aggregate: 'housing-case', orgUnit: 'BA-PHUOC-BINH' }, context),
    ).not.toBeNull();
    expect(
      refuseStreamAccess(commune, { aggregate: 'housing-case', orgUnit: 'BA-PHUOC-DAI' }, context),
    ).toBeNull();
  });

  it('a supervisor corrects only their own agency records', () => {
    const supervisor = who('LDTBXH-BAC-AI', ['supervisor']);
    expect(
      refuseWrite(supervisor, write('housing-case', 'BA-PHUOC-DAI', correction('LDTBXH-BAC-AI')), context),
    ).toBeNull();
    expect(
      refuseWrite(supervisor, write('housing-case', 'BA-PHUOC-DAI', correction('UBND-PHUOC-DAI')), context),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(
      refuseWrite(
        who('LDTBXH-BAC-AI', ['officer']),
        write('housing-case', 'BA-PHUOC-DAI', correction('LDTBXH-BAC-AI')),
        context,
      ),
    ).toMatchObject({
      message: 'a correction needs the supervisor role',
    });
  });

  it('a target is revised by a supervisor of its lead agency or of the plan owner', () => {
    const revised = { type: 'TargetRevised', data: { indicatorKey: 'houses_built' } };
    expect(
      refuseWrite(who('LDTBXH-BAC-AI', ['supervisor']), write('target', 'NT-BAC-AI', revised), context),
    ).toBeNull();
    expect(
      refuseWrite(who('UBND-BAC-AI', ['supervisor']), write('target', 'NT-BAC-AI', revised), context),
    ).toBeNull();
    expect(
      refuseWrite(who('TTYT-BAC-AI', ['supervisor']), write('target', 'NT-BAC-AI', revised), context),
    ).not.toBeNull();
  });

  it('only an admin writes the plan, only an inspector reads a beneficiary history, nobody writes an unknown stream', () => {
    const unit = write('org-unit', 'NT-BAC-AI', { type: 'OrgUnitRegistered' });
    expect(refuseWrite(who('UBND-BAC-AI', ['admin']), unit, context)).toBeNull();
    expect(refuseWrite(who('UBND-BAC-AI', ['supervisor']), unit, context)).not.toBeNull();
    const read = write('beneficiary-reads', 'NT-BAC-AI', { type: BENEFICIARY_HISTORY_READ });
    expect(
      refuseWrite(who('THANHTRA', ['inspector']), { ...read, aggregate: undefined }, context),
    ).toBeNull();
    expect(
      refuseWrite(who('LDTBXH-BAC-AI', ['officer']), { ...read, aggregate: undefined }, context),
    ).not.toBeNull();
    expect(
      refuseWrite(
        who('UBND-BAC-AI', ['admin']),
        write('nothing', 'NT-BAC-AI', { type: 'Whatever' }),
        context,
      ),
    ).toMatchObject({
      message: expect.stringContaining('no rule lets anyone write'),
    });
  });
});

describe('org scope', () => {
  const scope = new OrgScope(units);
  it('a unit covers itself and the units below it, and knows when it covers the whole plan', () => {
    expect(scope.covers(['NT-BAC-AI'], 'BA-PHUOC-DAI')).toBe(true);
    expect(scope.covers(['BA-PHUOC-DAI'], 'NT-BAC-AI')).toBe(false);
    expect(scope.coversAll(['NT-BAC-AI'])).toBe(true);
    expect(scope.coversAll(['BA-PHUOC-DAI'])).toBe(false);
  });
});
