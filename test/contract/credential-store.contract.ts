// The CredentialStore contract (README, "Signing in"): every adapter runs this suite with one line, e.g.
// `credentialStoreContract('SqliteCredentialStore', async () => ({ store, reopen, cleanup }))`.
import { randomUUID } from 'node:crypto';
import { CredentialsUnavailableError, type CredentialStore, type SessionRecord } from '@ledger/ledger';

export interface CredentialStoreUnderTest {
  store: CredentialStore;
  /** Another store on the same data (a restarted process, another api instance). */
  reopen(): Promise<CredentialStore>;
  cleanup(): Promise<void>;
}

const t0 = new Date('2026-03-02T01:00:00.000Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

function sessionFor(officer: string, over: Partial<SessionRecord> = {}): SessionRecord {
  const id = randomUUID();
  return {
    id,
    family: id,
    officer,
    identity: {
      displayName: 'Pi Năng Thị Hoa',
      agency: 'VHXH-XA-BAC-AI-DONG',
      orgUnits: ['KH-BAC-AI-DONG'],
      roles: ['officer'],
      method: 'password',
    },
    createdAt: t0,
    expiresAt: at(7 * 86_400),
    address: '203.0.113.7',
    userAgent: 'contract',
    revokedAt: null,
    revokedReason: null,
    ...over,
  };
}
const token = (hash: string, expiresIn = 3600) => ({ hash, issuedAt: t0, expiresAt: at(expiresIn) });

export function credentialStoreContract(name: string, fresh: () => Promise<CredentialStoreUnderTest>): void {
  describe(`CredentialStore contract: ${name}`, () => {
    let under: CredentialStoreUnderTest;
    const opened: CredentialStore[] = [];
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

    it('keeps one password hash per officer, replaced by a new one, for every store on the same data', async () => {
      const { store } = under;
      expect(await store.passwordHash('can-bo-01')).toBeNull();
      await store.setPassword('can-bo-01', 'scrypt$1$1$1$a$b', t0);
      await store.setPassword('admin-01', 'scrypt$1$1$1$c$d', t0);
      await store.setPassword('can-bo-01', 'scrypt$1$1$1$e$f', at(1));
      const other = await reopen();
      expect(await other.passwordHash('can-bo-01')).toBe('scrypt$1$1$1$e$f');
      expect(await other.officers()).toEqual(['admin-01', 'can-bo-01']);
    });

    it('counts failed sign-ins, locks for what lockFor says, and forgets them on success', async () => {
      const { store } = under;
      expect(await store.loginState('can-bo-01')).toEqual({ failures: 0, lockedUntil: null });
      const lockFor = (failures: number) => (failures >= 3 ? 60 * 2 ** (failures - 3) : 0);
      expect(await store.recordFailure('can-bo-01', t0, lockFor)).toEqual({ failures: 1, lockedUntil: null });
      await store.recordFailure('can-bo-01', t0, lockFor);
      expect(await store.recordFailure('can-bo-01', at(5), lockFor)).toEqual({
        failures: 3,
        lockedUntil: at(65),
      });
      expect(await (await reopen()).loginState('can-bo-01')).toEqual({ failures: 3, lockedUntil: at(65) });
      expect((await store.recordFailure('can-bo-01', at(100), lockFor)).lockedUntil).toEqual(at(220));
      expect((await store.loginState('someone-else')).failures).toBe(0);
      await store.clearFailures('can-bo-01');
      expect(await store.loginState('can-bo-01')).toEqual({ failures: 0, lockedUntil: null });
    });

    it('counts concurrent failures one by one', async () => {
      const states = await Promise.all(
        Array.from({ length: 6 }, () => under.store.recordFailure('can-bo-02', t0, () => 0)),
      );
      expect(states.map((s) => s.failures).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    });

    it('stores a session with its first refresh token and finds it by id and by token', async () => {
      const session = sessionFor('can-bo-01');
      await under.store.createSession(session, token('h1'));
      const other = await reopen();
      expect(await other.session(session.id)).toEqual(session);
      expect(await other.sessionOfToken('h1')).toEqual(session);
      expect(await other.session(randomUUID())).toBeNull();
      expect(await other.sessionOfToken('nope')).toBeNull();
    });

    it('rotates a refresh token once; the spent one used again revokes the whole family', async () => {
      const { store } = under;
      const session = sessionFor('can-bo-01');
      await store.createSession(session, token('h1'));
      expect(await store.rotate('h1', token('h2'), at(10))).toEqual({ kind: 'rotated', session });
      expect(await store.rotate('h2', token('h3'), at(20))).toEqual({ kind: 'rotated', session });
      const reused = await store.rotate('h1', token('h4'), at(30));
      expect(reused.kind).toBe('reused');
      expect(reused.kind === 'reused' && reused.session.revokedAt).toEqual(at(30));
      // The current token of the family is dead too, and so is the one minted by the replay attempt.
      expect((await store.rotate('h3', token('h5'), at(40))).kind).toBe('revoked');
      expect((await store.rotate('h4', token('h6'), at(40))).kind).toBe('unknown');
      expect((await store.session(session.id))!.revokedReason).toMatch(/twice/);
    });

    it('lets only one of two concurrent uses of one refresh token win', async () => {
      const { store } = under;
      const session = sessionFor('can-bo-01');
      await store.createSession(session, token('c1'));
      const other = await reopen();
      const outcomes = await Promise.all([
        store.rotate('c1', token('c2'), at(10)),
        other.rotate('c1', token('c3'), at(10)),
      ]);
      expect(outcomes.map((o) => o.kind).sort()).toEqual(['reused', 'rotated']);
    });

    it('refuses an unknown token, an idle one past its end and a session past its absolute end', async () => {
      const { store } = under;
      expect(await store.rotate('never-issued', token('x'), t0)).toEqual({ kind: 'unknown' });
      const idle = sessionFor('can-bo-01');
      await store.createSession(idle, token('i1', 60));
      expect((await store.rotate('i1', token('i2'), at(61))).kind).toBe('expired');
      const old = sessionFor('can-bo-01', { expiresAt: at(30) });
      await store.createSession(old, token('o1', 3600));
      expect((await store.rotate('o1', token('o2'), at(31))).kind).toBe('expired');
    });

    it('revokes one family, or every open session of an officer, and says how many', async () => {
      const { store } = under;
      const a = sessionFor('can-bo-01');
      const b = sessionFor('can-bo-01');
      const c = sessionFor('can-bo-03');
      await store.createSession(a, token('a1'));
      await store.createSession(b, token('b1'));
      await store.createSession(c, token('c1'));
      expect(await store.revokeFamily(a.family, 'signed out', at(5))).toBe(1);
      expect(await store.revokeFamily(a.family, 'signed out', at(6))).toBe(0);
      expect(await store.revokeSessionsOf('can-bo-01', 'account disabled', at(7))).toBe(1);
      expect((await store.session(a.id))!).toMatchObject({ revokedAt: at(5), revokedReason: 'signed out' });
      expect((await store.session(b.id))!).toMatchObject({
        revokedAt: at(7),
        revokedReason: 'account disabled',
      });
      expect((await store.session(c.id))!.revokedAt).toBeNull();
      expect((await store.rotate('b1', token('b2'), at(8))).kind).toBe('revoked');
      expect((await store.rotate('c1', token('c2'), at(8))).kind).toBe('rotated');
    });

    it('refuses every call once closed, with CredentialsUnavailableError', async () => {
      const store = await reopen();
      await store.close();
      await expect(store.passwordHash('x1')).rejects.toBeInstanceOf(CredentialsUnavailableError);
      await expect(store.session('x1')).rejects.toBeInstanceOf(CredentialsUnavailableError);
      await expect(store.rotate('x1', token('x2'), t0)).rejects.toBeInstanceOf(CredentialsUnavailableError);
      await expect(store.close()).resolves.toBeUndefined();
    });
  });
}
