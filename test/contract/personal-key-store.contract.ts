// The PersonalKeyStore contract (README, "Personal data"): every adapter runs this suite with one line, e.g.
// `personalKeyStoreContract('SqlitePersonalKeyStore', async () => ({ store, reopen, cleanup }))`.
import {
  openPersonalData,
  PersonalKeysUnavailableError,
  sealPersonalData,
  type PersonalKeyStore,
} from '@ledger/ledger';

export interface PersonalKeyStoreUnderTest {
  store: PersonalKeyStore;
  /** Another store on the same keys (a restarted process, another api instance). */
  reopen(): Promise<PersonalKeyStore>;
  cleanup(): Promise<void>;
}

const ref = (n: number) => `b-${n.toString(16).padStart(32, '0')}`;

export function personalKeyStoreContract(
  name: string,
  fresh: () => Promise<PersonalKeyStoreUnderTest>,
): void {
  describe(`PersonalKeyStore contract: ${name}`, () => {
    let under: PersonalKeyStoreUnderTest;
    const opened: PersonalKeyStore[] = [];
    beforeEach(async () => {
      under = await fresh();
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
      await under.cleanup();
    });
    const reopen = async () => {
      const store = await under.reopen();
      opened.push(store);
      return store;
    };

    it('creates a random 32-byte key on first use and returns the same key afterwards', async () => {
      const { store } = under;
      expect(await store.find(ref(1))).toBeNull();
      const key = await store.keyFor(ref(1));
      expect(key).toHaveLength(32);
      expect((await store.keyFor(ref(1))).equals(key)).toBe(true);
      expect((await store.find(ref(1)))!.equals(key)).toBe(true);
      const another = await store.keyFor(ref(2));
      expect(another.equals(key)).toBe(false);
    });

    it('gives concurrent first uses one and the same key', async () => {
      const keys = await Promise.all(Array.from({ length: 8 }, () => under.store.keyFor(ref(3))));
      expect(new Set(keys.map((k) => k.toString('hex'))).size).toBe(1);
    });

    it('keeps keys for another store on the same keys (restart, another instance)', async () => {
      const key = await under.store.keyFor(ref(4));
      const other = await reopen();
      expect((await other.find(ref(4)))!.equals(key)).toBe(true);
      expect((await other.keyFor(ref(4))).equals(key)).toBe(true);
    });

    it('erasure of a person: the key is gone for every store, data sealed under it no longer opens, erasing again is harmless', async () => {
      const { store } = under;
      const key = await store.keyFor(ref(5));
      const kept = await store.keyFor(ref(6));
      const sealed = sealPersonalData({ householdHeadName: 'Chamaléa Thị Lan' }, ref(5), key);
      expect(await store.erase(ref(5))).toBe(true);
      expect(await store.find(ref(5))).toBeNull();
      expect(await (await reopen()).find(ref(5))).toBeNull();
      expect(await store.erase(ref(5))).toBe(false);
      expect(await store.erase(ref(7))).toBe(false);
      // Only that person: the others keep theirs.
      expect((await store.find(ref(6)))!.equals(kept)).toBe(true);
      // A later first use is a new key, which does not open what the erased one sealed.
      const next = await store.keyFor(ref(5));
      expect(next.equals(key)).toBe(false);
      expect(() => openPersonalData(sealed, next)).toThrow();
    });

    it('refuses a reference that is not pseudonymous (a citizen id, a name)', async () => {
      await expect(under.store.keyFor('058200000001')).rejects.toThrow(TypeError);
      await expect(under.store.find('Nguyễn Văn A')).rejects.toThrow(TypeError);
      await expect(under.store.erase('')).rejects.toThrow(TypeError);
    });

    it('refuses every call once closed, with PersonalKeysUnavailableError', async () => {
      const store = await reopen();
      await store.close();
      await expect(store.keyFor(ref(8))).rejects.toBeInstanceOf(PersonalKeysUnavailableError);
      await expect(store.find(ref(8))).rejects.toBeInstanceOf(PersonalKeysUnavailableError);
      await expect(store.erase(ref(8))).rejects.toBeInstanceOf(PersonalKeysUnavailableError);
      await expect(store.close()).resolves.toBeUndefined();
    });

    it('holds keys of many people', async () => {
      const keys = await Promise.all(Array.from({ length: 50 }, (_, i) => under.store.keyFor(ref(100 + i))));
      expect(new Set(keys.map((k) => k.toString('hex'))).size).toBe(50);
    });
  });
}
