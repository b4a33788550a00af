// The verifiable log end to end: record actions, sign a head, prove an event is in it and check the proof
// offline with the verifier against the head and the published key; record more, sign again, and prove
// the second head extends the first.
import {
  verifyEventInSignedHead,
  verifySignedHeadsConsistent,
  type SignedTreeHead,
} from '@ledger/verifiable-log';
import { housingCaseAt, post, untilProjected } from './support/ledger-client';
import { at, officer, startTestLedger, type TestLedger } from './support/test-app';
import { admin, inspector, viewer } from './support/tokens';

describe('verifiable log (e2e)', () => {
  let ledger: TestLedger;

  beforeAll(async () => {
    ledger = await startTestLedger();
  });
  afterAll(async () => {
    await ledger.close();
  });

  async function signHead(): Promise<SignedTreeHead> {
    const res = await ledger.http().post('/ledger/heads').send({}).expect(201);
    return res.body as SignedTreeHead;
  }

  it('serves no head before one is signed, and lists the Merkle tree in /health', async () => {
    await ledger.http().get('/ledger/heads/latest').expect(404);
    const heads = await ledger.http().get('/ledger/heads').expect(200);
    expect(heads.body).toEqual({ heads: [] });
    const health = await ledger.http().get('/health').expect(200);
    expect(health.body.projections.map((p: { name: string }) => p.name)).toContain('merkle-log');
  });

  it('proves inclusion and consistency against signed heads, checked offline', async () => {
    const reg = await post(ledger, '/housing-cases', {
      householdHeadCitizenId: '058200000011',
      commune: 'KH-BAC-AI-DONG',
      category: 'poor',
      occurredAt: at('2026-03-02'),
    });
    expect(reg.status).toBe(201);
    const eventId = reg.body.eventIds[0] as string;
    await housingCaseAt(ledger, 'funded', '058200000012');
    await untilProjected(ledger);

    const first = await signHead();
    expect(first.treeSize).toBe(3);
    const latest = await ledger.http().get('/ledger/heads/latest').expect(200);
    expect(latest.body).toEqual(first);
    const key = await ledger.http().get('/ledger/public-key').expect(200);
    const publicKey = key.body.publicKeyPem as string;
    expect(first.logId).toBe(key.body.keyId);

    const inclusion = await ledger
      .http()
      .get('/ledger/proofs/inclusion')
      .query({ event: eventId, size: first.treeSize })
      .expect(200);
    expect(inclusion.body).toMatchObject({ eventId, treeSize: 3, rootHash: first.rootHash });
    const event = await ledger.http().get(`/events/${eventId}`).expect(200);
    expect(inclusion.body.eventHash).toBe(event.body.hash);
    expect(
      verifyEventInSignedHead({
        eventHash: event.body.hash,
        leafIndex: inclusion.body.leafIndex,
        proof: inclusion.body.proof,
        head: first,
        publicKey,
      }),
    ).toEqual({ ok: true });
    // The same proof does not hold for another event's hash.
    const other = verifyEventInSignedHead({
      eventHash: '00'.repeat(32),
      leafIndex: inclusion.body.leafIndex,
      proof: inclusion.body.proof,
      head: first,
      publicKey,
    });
    expect(other.ok).toBe(false);

    await housingCaseAt(ledger, 'completed', '058200000013');
    await untilProjected(ledger);
    const second = await signHead();
    expect(second.treeSize).toBe(7);

    const consistency = await ledger
      .http()
      .get('/ledger/proofs/consistency')
      .query({ from: first.treeSize, to: second.treeSize })
      .expect(200);
    expect(consistency.body).toMatchObject({ fromRootHash: first.rootHash, toRootHash: second.rootHash });
    expect(
      verifySignedHeadsConsistent({ older: first, newer: second, proof: consistency.body.proof, publicKey }),
    ).toEqual({ ok: true });

    // The event's proof against the newer head holds too.
    const later = await ledger.http().get('/ledger/proofs/inclusion').query({ event: eventId }).expect(200);
    expect(later.body.treeSize).toBe(7);
    expect(
      verifyEventInSignedHead({
        eventHash: event.body.hash,
        leafIndex: later.body.leafIndex,
        proof: later.body.proof,
        head: second,
        publicKey,
      }),
    ).toEqual({ ok: true });

    const heads = await ledger.http().get('/ledger/heads').expect(200);
    expect(heads.body.heads).toEqual([first, second]);
  });

  it('answers bad parameters with problem details naming the field, and unknown things with 404', async () => {
    const bad = await ledger.http().get('/ledger/proofs/inclusion').query({ event: 'nope' }).expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(JSON.stringify(bad.body)).toContain('event');
    const badSize = await ledger
      .http()
      .get('/ledger/proofs/consistency')
      .query({ from: 'x', to: 2 })
      .expect(400);
    expect(JSON.stringify(badSize.body)).toContain('from');
    const reversed = await ledger
      .http()
      .get('/ledger/proofs/consistency')
      .query({ from: 3, to: 2 })
      .expect(400);
    expect(JSON.stringify(reversed.body)).toContain('from');
    await ledger
      .http()
      .get('/ledger/proofs/inclusion')
      .query({ event: '6f1c2b0e-1111-4222-8333-444455556666' })
      .expect(404);
    await ledger.http().get('/ledger/proofs/consistency').query({ from: 1, to: 10_000 }).expect(404);
    const health = await ledger.http().get('/health').expect(200);
    const size = health.body.eventStore.headPosition as number;
    const events = await ledger.http().get('/ledger/heads/latest').expect(200);
    expect(events.body.treeSize).toBeLessThanOrEqual(size);
  });

  it('lets those who work the ledger sign a head on demand, not a viewer or the public', async () => {
    await ledger.anonymous().post('/ledger/heads').send({}).expect(401);
    await ledger.http(viewer()).post('/ledger/heads').send({}).expect(403);
    await ledger.http(officer()).post('/ledger/heads').send({}).expect(201);
    await ledger.http(admin()).post('/ledger/heads').send({}).expect(201);
    await ledger.http(inspector()).post('/ledger/heads').send({}).expect(201);
  });

  it('keeps the heads and the key across a restart', async () => {
    const before = await ledger.http().get('/ledger/heads').expect(200);
    const key = await ledger.http().get('/ledger/public-key').expect(200);
    await ledger.restart();
    await ledger.http().get('/ledger/heads').expect(200, before.body);
    await ledger.http().get('/ledger/public-key').expect(200, key.body);
  });
});

describe('verifiable log: heads signed at start-up and after the plan is loaded', () => {
  it('a fresh ledger has a head over the whole plan once it has started, and a restart signs none it need not', async () => {
    const ledger = await startTestLedger({ seed: true, env: { LEDGER_HEAD_SIGNING_INTERVAL_MINUTES: '60' } });
    try {
      const head = (await ledger.anonymous().get('/ledger/heads/latest').expect(200)).body as SignedTreeHead;
      const health = await ledger.http().get('/health').expect(200);
      const position = health.body.eventStore.headPosition as number;
      expect(position).toBeGreaterThan(100);
      expect(head.treeSize).toBe(position);
      await ledger.restart();
      const heads = await ledger.anonymous().get('/ledger/heads').expect(200);
      expect(heads.body.heads).toHaveLength(1);
    } finally {
      await ledger.close();
    }
  }, 60_000);

  it('an empty ledger started without the plan has a head too (of no events)', async () => {
    const ledger = await startTestLedger({ env: { LEDGER_HEAD_SIGNING_INTERVAL_MINUTES: '60' } });
    try {
      const head = (await ledger.anonymous().get('/ledger/heads/latest').expect(200)).body as SignedTreeHead;
      expect(head.treeSize).toBe(0);
    } finally {
      await ledger.close();
    }
  });
});
