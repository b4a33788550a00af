// Given a small plan (a district with two communes), when a principal would read an event of some stream,
// then the read rule lets them or says why not: by what the stream is, and by every event's org unit.
import { OrgScope } from './org-scope';
import type { Principal, Role } from './principal';
import { personNamingStream, refuseEventRead, streamKindOf } from './read-rules';

const scope = new OrgScope([
  { code: 'NT-BAC-AI', parent: null },
  { code: 'BA-PHUOC-DAI', parent: 'NT-BAC-AI' },
  { code: 'BA-PHUOC-BINH', parent: 'NT-BAC-AI' },
]);
const who = (agency: string, roles: Role[], orgUnits = ['NT-BAC-AI']): Principal => ({
  officer: 'x1',
  agency,
  orgUnits,
  roles,
});
const event = (stream: string, orgUnit: string) => ({ stream, metadata: { orgUnit } });
const ref = `b-${'a'.repeat(32)}`;

describe('reading events, by what their stream is', () => {
  it('names the kinds of stream', () => {
    expect(streamKindOf(`beneficiary-reads-${ref}`)).toBe('read-log');
    expect(streamKindOf(`personal-data-${ref}`)).toBe('personal-data');
    expect(streamKindOf('housing-case-1234')).toBe('record');
  });

  it('the read log of a person is for inspectors only, whatever org unit its first event names', () => {
    const read = event(`beneficiary-reads-${ref}`, 'NT-BAC-AI');
    expect(refuseEventRead(who('BCHQS-BAC-AI', ['officer']), read, scope)).toMatch(/inspectors only/);
    expect(refuseEventRead(who('LDTBXH-BAC-AI', ['supervisor']), read, scope)).toMatch(/inspectors only/);
    expect(refuseEventRead(who('THANHTRA', ['inspector']), read, scope)).toBeNull();
    expect(refuseEventRead(who('THANHTRA', ['inspector'], ['BA-PHUOC-DAI']), read, scope)).toMatch(
      /outside your org units/,
    );
  });

  it('an erasure record is for inspectors only', () => {
    const erased = event(`personal-data-${ref}`, 'NT-BAC-AI');
    expect(refuseEventRead(who('LDTBXH-BAC-AI', ['officer']), erased, scope)).toMatch(/inspectors only/);
    expect(refuseEventRead(who('THANHTRA', ['inspector']), erased, scope)).toBeNull();
  });

  it('a record is read in the org units of the reader', () => {
    const dai = event('housing-case-1', 'BA-PHUOC-DAI');
    expect(refuseEventRead(who('UBND-PHUOC-DAI', ['officer'], ['BA-PHUOC-DAI']), dai, scope)).toBeNull();
    expect(refuseEventRead(who('UBND-PHUOC-BINH', ['officer'], ['BA-PHUOC-BINH']), dai, scope)).toMatch(
      /BA-PHUOC-DAI/,
    );
    expect(refuseEventRead(who('THANHTRA', ['inspector'], ['BA-PHUOC-BINH']), dai, scope)).not.toBeNull();
  });

  it("knows the streams named by one person's reference, whose reads are recorded", () => {
    expect(personNamingStream(`subsidy-payment-tro-cap-xa-hoi-${ref}-2026-03`)).toBe(ref);
    expect(personNamingStream(`health-insurance-enrolment-${ref}-2026`)).toBe(ref);
    expect(personNamingStream(`allowance-grant-tro-cap-${ref}`)).toBe(ref);
    expect(personNamingStream('housing-case-0b6f8a52-1111-4111-8111-111111111111')).toBeNull();
    expect(personNamingStream(`beneficiary-reads-${ref}`)).toBeNull();
  });
});
