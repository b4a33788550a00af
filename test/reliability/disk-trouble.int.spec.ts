// Disk trouble: the data directory on a tiny filesystem of its own (a tmpfs mounted
// for the test) that fills up: writes fail with 503 and a clear problem, reads keep working, nothing is
// half-written, and writes work again once space returns. And a data directory that is read-only at
// start. Tests run as root here, where chmod does not stop a write, so the conditions are made by the
// kernel (ENOSPC, a read-only bind mount); where mount is not allowed the suite says so and is skipped.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteEventStore, verifyEventStore } from '@ledger/event-store';
import { headPosition, housingCaseAt, post, untilProjected } from '../e2e/support/ledger-client';
import { at, startTestLedger, type TestLedger } from '../e2e/support/test-app';

const mountPoint = mkdtempSync(join(tmpdir(), 'ledger-disk-'));
const sh = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8' });
const mounted = sh('mount', ['-t', 'tmpfs', '-o', 'size=4m,mode=0755', 'tmpfs', mountPoint]).status === 0;
if (!mounted) {
  console.warn(`disk-trouble: cannot mount a tmpfs here (${mountPoint}); full/read-only disk not simulated`);
}
const describeIfMounted = mounted
  ? describe
  : (name: string, fn: () => void) =>
      describe.skip(`${name} (skipped: cannot mount a tmpfs here; run as root where mount is allowed)`, fn);

let citizen = 58_600_000_000;
const registration = () => ({
  householdHeadCitizenId: String(++citizen).padStart(12, '0'),
  commune: 'KH-BAC-AI-DONG',
  category: 'poor',
  occurredAt: at('2026-03-02'),
});

function fill(dir: string): void {
  // Fill the filesystem to the last byte, in shrinking chunks.
  let n = 0;
  for (let size = 1 << 20; size >= 512; size >>= 1) {
    for (;;) {
      try {
        writeFileSync(join(dir, `filler-${n++}`), Buffer.alloc(size, 1));
      } catch {
        break;
      }
    }
  }
}

describeIfMounted('the data directory becomes full, then read-only', () => {
  let ledger: TestLedger;
  let caseId: string;

  beforeAll(async () => {
    ledger = await startTestLedger({}, mountPoint);
    caseId = await housingCaseAt(ledger, 'funded', '058200000901');
  });
  afterAll(async () => {
    await ledger?.app.close();
    sh('umount', [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  async function expectWritesRefusedReadsServed(condition: RegExp): Promise<void> {
    const before = await headPosition(ledger);
    for (let i = 0; i < 5; i++) {
      const res = await post(ledger, '/housing-cases', registration());
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.headers['retry-after']).toBeDefined();
      expect(res.body.detail).toMatch(condition);
    }
    expect(await headPosition(ledger)).toBe(before);
    const stream = await ledger.http().get(`/streams/housing-case-${caseId}`);
    expect(stream.status).toBe(200);
    expect(stream.body.events).toHaveLength(2);
    expect((await ledger.http().get(`/events/${stream.body.events[0].id as string}`)).status).toBe(200);
  }

  async function expectWritesWorkAgain(): Promise<void> {
    const before = await headPosition(ledger);
    const res = await post(ledger, '/housing-cases', registration());
    expect(res.status).toBe(201);
    expect(await headPosition(ledger)).toBe(before + 1);
    // The projections, which may have failed to write their checkpoints meanwhile, catch up too.
    await untilProjected(ledger, 20_000);
    const found = await ledger.http().get(`/streams/${encodeURIComponent(res.body.stream as string)}`);
    expect(found.status).toBe(200);
  }

  it('a full disk: writes 503 with a clear message, reads served, writes work once space returns', async () => {
    const filler = mkdtempSync(join(mountPoint, 'filler-'));
    fill(filler);
    await expectWritesRefusedReadsServed(/full|space|disk/i);
    rmSync(filler, { recursive: true, force: true });
    await expectWritesWorkAgain();
  });

  it('a read-only data directory at start: refused at once, naming the store file', async () => {
    // A mounted filesystem cannot be remounted read-only while the store holds its files open for writing
    // (the kernel answers EBUSY), so a live read-only switch is not simulated here (docs/reliability.md);
    // what can be tested is a start on a directory that is already read-only (a read-only bind mount).
    const closed = mkdtempSync(join(tmpdir(), 'ledger-closed-'));
    const readOnly = mkdtempSync(join(tmpdir(), 'ledger-ro-'));
    const first = await startTestLedger({}, closed);
    await housingCaseAt(first, 'funded', '058200000902');
    await first.app.close();
    try {
      expect(sh('mount', ['--bind', closed, readOnly]).status).toBe(0);
      expect(sh('mount', ['-o', 'remount,ro,bind', readOnly]).status).toBe(0);
      await expect(startTestLedger({}, readOnly)).rejects.toThrow(/events\.db.*unable to open/);
    } finally {
      sh('umount', [readOnly]);
      rmSync(readOnly, { recursive: true, force: true });
      rmSync(closed, { recursive: true, force: true });
    }
  });

  it('leaves a store whose chains verify', async () => {
    const store = openSqliteEventStore(join(mountPoint, 'events.db'));
    try {
      expect((await verifyEventStore(store)).problems).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
