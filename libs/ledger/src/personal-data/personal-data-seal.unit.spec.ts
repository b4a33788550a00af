import { randomBytes } from 'node:crypto';
import { isSealedPersonalData, requireSealedPersonalData } from '@ledger/domain';
import { openPersonalData, PersonalDataUnreadableError, sealPersonalData } from './personal-data-seal';
import type { PersonalKeyStore } from './personal-key-store.port';
import { deepFreeze } from '../read/deep-frozen';
import { revealPersonalData, withholdPersonalData } from './reveal-personal-data';

const person = 'b-0123456789abcdef0123456789abcdef';
const other = 'b-fedcba9876543210fedcba9876543210';
const data = { householdHeadName: 'Pi Năng Thị Hoa', contactPhone: '0912345678' };

describe('sealing personal data', () => {
  const key = randomBytes(32);

  it('opens what it sealed, and the sealed object holds neither the name nor the phone', () => {
    const sealed = sealPersonalData(data, person, key);
    expect(openPersonalData(sealed, key)).toEqual(data);
    expect(JSON.stringify(sealed)).not.toMatch(/Hoa|0912345678/);
    expect(isSealedPersonalData(sealed)).toBe(true);
    // The domain accepts its shape for this person.
    expect(requireSealedPersonalData(sealed, 'personal', person)).toEqual(sealed);
  });

  it('seals the same content with the same salt to the same bytes, and otherwise to different ones', () => {
    expect(sealPersonalData(data, person, key, 'evt-1')).toEqual(
      sealPersonalData(data, person, key, 'evt-1'),
    );
    expect(sealPersonalData(data, person, key, 'evt-1').iv).not.toBe(
      sealPersonalData(data, person, key, 'evt-2').iv,
    );
    expect(sealPersonalData(data, person, key).data).not.toBe(sealPersonalData(data, person, key).data);
    expect(sealPersonalData(data, person, key, 'evt-1').iv).not.toBe(
      sealPersonalData({ ...data, contactPhone: '0912345679' }, person, key, 'evt-1').iv,
    );
  });

  it('refuses to open tampered ciphertext, a tampered tag, another person, or another key', () => {
    const sealed = sealPersonalData(data, person, key);
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[0] ^= 1;
      return bytes.toString('base64');
    };
    expect(() => openPersonalData({ ...sealed, data: flip(sealed.data) }, key)).toThrow(
      PersonalDataUnreadableError,
    );
    expect(() => openPersonalData({ ...sealed, tag: flip(sealed.tag) }, key)).toThrow(
      PersonalDataUnreadableError,
    );
    expect(() => openPersonalData({ ...sealed, person: other }, key)).toThrow(PersonalDataUnreadableError);
    expect(() => openPersonalData(sealed, randomBytes(32))).toThrow(PersonalDataUnreadableError);
  });

  it('keeps only the known fields', () => {
    const sealed = sealPersonalData({ ...data, citizenId: '058200000001' } as never, person, key);
    expect(openPersonalData(sealed, key)).toEqual(data);
  });
});

describe('revealing personal data in a response', () => {
  const keys = new Map<string, Buffer>([[person, randomBytes(32)]]);
  const store: PersonalKeyStore = {
    keyFor: () => Promise.reject(new Error('not used')),
    find: (ref) => Promise.resolve(keys.get(ref) ?? null),
    erase: () => Promise.reject(new Error('not used')),
    close: () => Promise.resolve(),
  };

  it('opens every sealed object, anywhere in the value, and marks the erased ones', async () => {
    const mine = sealPersonalData(data, person, keys.get(person)!);
    const erased = sealPersonalData(data, other, randomBytes(32));
    const body = {
      items: [
        { type: 'HousingCaseRegistered', data: { caseId: 'c', personal: mine } },
        { data: { personal: erased } },
      ],
      total: 2,
      note: 'kept',
    };
    expect(await revealPersonalData(body, store)).toEqual({
      items: [
        { type: 'HousingCaseRegistered', data: { caseId: 'c', personal: data } },
        { data: { personal: { erased: true, person: other } } },
      ],
      total: 2,
      note: 'kept',
    });
  });

  it('leaves values without sealed objects as they are', async () => {
    const body = { a: [1, 'x', null], b: { c: true } };
    expect(await revealPersonalData(body, store)).toBe(body);
    expect(await revealPersonalData('text', store)).toBe('text');
  });

  it('returns a frozen answer that holds nothing sealed as it is, and opens one that does at every call', async () => {
    // An accessor counts how often the answer is walked.
    let walks = 0;
    const rows = [{ key: 'k', value: 1 }];
    const clear = deepFreeze(
      Object.defineProperty({ total: 1 }, 'rows', { enumerable: true, get: () => (walks++, rows) }),
    );
    walks = 0;
    let lookups = 0;
    const counting: PersonalKeyStore = { ...store, find: (ref) => (lookups++, store.find(ref)) };
    expect(await revealPersonalData(clear, counting)).toBe(clear);
    expect(await revealPersonalData(clear, counting)).toBe(clear);
    expect(withholdPersonalData(clear)).toBe(clear);
    expect(walks).toBe(1);

    const sealed = deepFreeze({ rows: [{ personal: sealPersonalData(data, person, keys.get(person)!) }] });
    for (let i = 1; i <= 2; i++) {
      expect(await revealPersonalData(sealed, counting)).toEqual({ rows: [{ personal: data }] });
      expect(withholdPersonalData(sealed)).toEqual({ rows: [{ personal: { withheld: true } }] });
      expect(lookups).toBe(i);
    }
  });

  it('looks again into a value that can still change, even frozen at the top', async () => {
    const inner: { personal?: unknown } = {};
    const outer = Object.freeze({ inner });
    expect(await revealPersonalData(outer, store)).toBe(outer);
    inner.personal = sealPersonalData(data, person, keys.get(person)!);
    expect(await revealPersonalData(outer, store)).toEqual({ inner: { personal: data } });
    expect(withholdPersonalData(outer)).toEqual({ inner: { personal: { withheld: true } } });
  });

  it('shows data that no longer opens with the person key as erased', async () => {
    const stale = sealPersonalData(data, person, randomBytes(32));
    expect(await revealPersonalData({ personal: stale }, store)).toEqual({
      personal: { erased: true, person },
    });
  });
});
