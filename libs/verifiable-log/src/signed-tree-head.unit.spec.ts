import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import {
  appendLeafHashes,
  consistencyProof,
  EMPTY_FRONTIER,
  inclusionProof,
  InMemoryNodeStore,
  rootAt,
} from './merkle-tree-store';
import { eventLeafHash } from './rfc6962';
import { generateLogKeyPair, publicKeyPemOf, signTreeHead, treeHead } from './signed-tree-head';
import { fakeEventHash } from './testing/vectors';
import { InvalidTreeHeadError } from './verifiable-log.errors';
import {
  logKeyId,
  treeHeadSigningBytes,
  verifyEventInSignedHead,
  verifySignedHeadsConsistent,
  verifyTreeHead,
  type SignedTreeHead,
} from './verifier';

const key = generateLogKeyPair();
const otherKey = generateLogKeyPair();
const rootHash = 'ab'.repeat(32);
const head = treeHead(42, rootHash, new Date('2025-03-01T08:00:00.000Z'));
const signed = signTreeHead(head, key.privateKeyPem);

describe('signing bytes', () => {
  it('are the RFC 6962 TreeHeadSignature: version, type, timestamp, size, root', () => {
    const bytes = treeHeadSigningBytes(head);
    expect(bytes.toString('hex')).toBe(
      [
        '00', // v1
        '01', // tree_hash
        BigInt(Date.parse('2025-03-01T08:00:00.000Z')).toString(16).padStart(16, '0'),
        (42).toString(16).padStart(16, '0'),
        rootHash,
      ].join(''),
    );
    expect(bytes).toHaveLength(50);
  });

  it('do not depend on the logId, which is bound through the key instead', () => {
    expect(treeHeadSigningBytes({ ...head, logId: key.keyId })).toEqual(treeHeadSigningBytes(head));
  });
});

describe('keys', () => {
  it('are Ed25519 in PEM, with the key id the SHA-256 of the SPKI DER', () => {
    expect(key.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(key.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(createPublicKey(key.publicKeyPem).asymmetricKeyType).toBe('ed25519');
    const der = createPublicKey(key.publicKeyPem).export({ type: 'spki', format: 'der' });
    expect(key.keyId).toBe(createHash('sha256').update(der).digest('hex'));
    expect(logKeyId(key.privateKeyPem)).toBe(key.keyId);
    expect(publicKeyPemOf(key.privateKeyPem)).toBe(key.publicKeyPem);
    expect(otherKey.keyId).not.toBe(key.keyId);
  });
});

describe('signed tree heads', () => {
  it('carry the key id and verify with the public key', () => {
    expect(signed).toEqual({
      ...head,
      logId: key.keyId,
      signature: expect.stringMatching(/^[A-Za-z0-9+/]{86}==$/),
    });
    expect(verifyTreeHead(signed, key.publicKeyPem)).toEqual({ ok: true });
    expect(verifyTreeHead(signed, createPublicKey(key.publicKeyPem)).ok).toBe(true);
    expect(verifyTreeHead(JSON.parse(JSON.stringify(signed)) as SignedTreeHead, key.publicKeyPem).ok).toBe(
      true,
    );
    expect(verifyTreeHead({ ...signed, logId: undefined }, key.publicKeyPem).ok).toBe(true);
  });

  it('fail when the size, the root, the time or the key changes', () => {
    const changed: SignedTreeHead[] = [
      { ...signed, treeSize: 43 },
      { ...signed, treeSize: 41 },
      { ...signed, treeSize: 0 },
      { ...signed, rootHash: `ac${rootHash.slice(2)}` },
      { ...signed, rootHash: `${rootHash.slice(0, -1)}c` },
      { ...signed, timestamp: '2025-03-01T08:00:00.001Z' },
      { ...signed, timestamp: '2026-03-01T08:00:00.000Z' },
      { ...signed, logId: otherKey.keyId },
    ];
    for (const head of changed) expect(verifyTreeHead(head, key.publicKeyPem).ok).toBe(false);
    expect(verifyTreeHead(signed, otherKey.publicKeyPem)).toEqual({
      ok: false,
      reason: 'the head names another log key (logId is not the id of this public key)',
    });
    expect(verifyTreeHead({ ...signed, logId: undefined }, otherKey.publicKeyPem)).toEqual({
      ok: false,
      reason: 'the signature does not match the head',
    });
  });

  it('fail when any byte of the signature changes', () => {
    const signature = Buffer.from(signed.signature, 'base64');
    for (let at = 0; at < signature.length; at++) {
      const mutated = Buffer.from(signature);
      mutated[at] ^= 0x01;
      expect(verifyTreeHead({ ...signed, signature: mutated.toString('base64') }, key.publicKeyPem).ok).toBe(
        false,
      );
    }
  });

  it('fail, without throwing, on malformed heads, signatures and keys', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({
      type: 'spki',
      format: 'pem',
    });
    const cases: Array<[SignedTreeHead, string]> = [
      [{ ...signed, timestamp: '2025-03-01T08:00:00Z' }, key.publicKeyPem],
      [{ ...signed, timestamp: '2025-03-01T09:00:00.000+01:00' }, key.publicKeyPem],
      [{ ...signed, timestamp: '2025-02-30T08:00:00.000Z' }, key.publicKeyPem],
      [{ ...signed, rootHash: rootHash.toUpperCase() }, key.publicKeyPem],
      [{ ...signed, rootHash: rootHash.slice(2) }, key.publicKeyPem],
      [{ ...signed, treeSize: -1 }, key.publicKeyPem],
      [{ ...signed, treeSize: 1.5 }, key.publicKeyPem],
      [{ ...signed, treeSize: '42' as unknown as number }, key.publicKeyPem],
      [{ ...signed, signature: signed.signature.slice(4) }, key.publicKeyPem],
      [{ ...signed, signature: `${signed.signature.slice(0, -3)}\n==` }, key.publicKeyPem],
      [{ ...signed, signature: '' }, key.publicKeyPem],
      [{ ...signed, logId: 'xyz' }, key.publicKeyPem],
      [signed, 'not a key'],
      [signed, rsa.toString()],
      [null as unknown as SignedTreeHead, key.publicKeyPem],
    ];
    for (const [head, publicKey] of cases) {
      let result: ReturnType<typeof verifyTreeHead> | undefined;
      expect(() => (result = verifyTreeHead(head, publicKey))).not.toThrow();
      expect(result?.ok).toBe(false);
    }
  });

  it('are refused for signing when malformed, named for another key, or the key is not Ed25519', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    expect(() => signTreeHead({ ...head, timestamp: '2025-03-01' }, key.privateKeyPem)).toThrow(
      InvalidTreeHeadError,
    );
    expect(() => signTreeHead({ ...head, treeSize: -1 }, key.privateKeyPem)).toThrow(InvalidTreeHeadError);
    expect(() => signTreeHead({ ...head, logId: otherKey.keyId }, key.privateKeyPem)).toThrow(
      InvalidTreeHeadError,
    );
    expect(() => signTreeHead(head, rsa)).toThrow(InvalidTreeHeadError);
    expect(() => signTreeHead(head, key.publicKeyPem)).toThrow(InvalidTreeHeadError);
    expect(() => signTreeHead(head, 'garbage')).toThrow(InvalidTreeHeadError);
    expect(signTreeHead({ ...head, logId: key.keyId }, key.privateKeyPem).logId).toBe(key.keyId);
  });

  it('sign only the known fields', () => {
    const withExtra = { ...head, note: 'unsigned' } as typeof head;
    expect(Object.keys(signTreeHead(withExtra, key.privateKeyPem))).toEqual([
      'treeSize',
      'rootHash',
      'timestamp',
      'logId',
      'signature',
    ]);
  });
});

describe('proofs against signed heads', () => {
  const events = Array.from({ length: 100 }, (_, i) => fakeEventHash(i));
  const store = new InMemoryNodeStore();
  store.put(appendLeafHashes(EMPTY_FRONTIER, events.map(eventLeafHash)).writes);
  const headAt = async (size: number, time: string): Promise<SignedTreeHead> =>
    signTreeHead(treeHead(size, await rootAt(store, size), new Date(time)), key.privateKeyPem);

  it('an event is in the log as of a head, and a later head extends an earlier one', async () => {
    const older = await headAt(37, '2025-01-01T00:00:00.000Z');
    const newer = await headAt(100, '2026-01-01T00:00:00.000Z');
    const proof = await inclusionProof(store, 20, 37);
    expect(
      verifyEventInSignedHead({
        eventHash: events[20],
        leafIndex: 20,
        proof,
        head: older,
        publicKey: key.publicKeyPem,
      }),
    ).toEqual({ ok: true });
    expect(
      verifyEventInSignedHead({
        eventHash: events[21],
        leafIndex: 20,
        proof,
        head: older,
        publicKey: key.publicKeyPem,
      }).ok,
    ).toBe(false);
    expect(
      verifyEventInSignedHead({
        eventHash: events[20],
        leafIndex: 20,
        proof,
        head: older,
        publicKey: otherKey.publicKeyPem,
      }).ok,
    ).toBe(false);

    const consistency = await consistencyProof(store, 37, 100);
    expect(
      verifySignedHeadsConsistent({ older, newer, proof: consistency, publicKey: key.publicKeyPem }),
    ).toEqual({
      ok: true,
    });
    expect(
      verifySignedHeadsConsistent({
        older: newer,
        newer: older,
        proof: consistency,
        publicKey: key.publicKeyPem,
      }).ok,
    ).toBe(false);
    const forged = { ...newer, rootHash: 'cd'.repeat(32) };
    const result = verifySignedHeadsConsistent({
      older,
      newer: forged,
      proof: consistency,
      publicKey: key.publicKeyPem,
    });
    expect(result).toEqual({ ok: false, reason: 'newer tree head: the signature does not match the head' });
  });
});
