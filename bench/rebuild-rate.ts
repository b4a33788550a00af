// Rebuild of every projection from position 0 over a realistic mix of recorded actions, beside the limit
// measured in the same run: a raw sequential read of the same events through the port (readAll pages).
//
//   npm run bench:rebuild                      (quick: 100k events)
//   npm run bench:rebuild -- --events 1000000  (full)
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createLedgerProjections, planModelFromSeed, type NewEvent } from '@ledger/domain';
import { SqliteEventStore } from '@ledger/event-store';
import { readSeedFiles } from '@ledger/ledger';
import { ProjectionRunner } from '@ledger/projections';
import { SqliteReadStore } from '@ledger/read-store';
import { inTempDir, metadata, numberOption, seconds } from './bench-support';

const EVENTS = numberOption('events', 100_000);
const COMMUNES = [
  'BA-PHUOC-DAI',
  'BA-PHUOC-BINH',
  'BA-PHUOC-HOA',
  'BA-PHUOC-TAN',
  'BA-PHUOC-TIEN',
  'BA-PHUOC-THANG',
];

const ref = () => 'b-' + randomUUID().replace(/-/g, '');
const day = (i: number) =>
  `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`;
const event = (type: string, data: object, orgUnit: string, occurredAt: string): NewEvent => ({
  id: randomUUID(),
  type,
  schemaVersion: 1,
  data,
  metadata: metadata(orgUnit, occurredAt),
});

/** One stream's events: a housing case's whole lifecycle, a payment, or a course with its trainees. */
function streamAt(i: number): { stream: string; events: NewEvent[] } {
  const commune = COMMUNES[i % COMMUNES.length];
  const caseId = randomUUID();
  switch (i % 3) {
    case 0:
      return {
        stream: `housing-case-${caseId}`,
        events: [
          event(
            'HousingCaseRegistered',
            { caseId, householdRef: ref(), commune, category: 'poor' },
            commune,
            '2026-01-05',
          ),
          event(
            'HousingFundingApproved',
            { caseId, amountVnd: 60_000_000, source: 'central_budget' },
            commune,
            '2026-02-01',
          ),
          event('HousingConstructionStarted', { caseId }, commune, '2026-03-01'),
          event('HousingConstructionCompleted', { caseId, floorAreaM2: 40, occupants: 4 }, commune, day(i)),
          event('HouseHandedOver', { caseId }, commune, '2026-12-28'),
        ],
      };
    case 1: {
      const beneficiaryRef = ref();
      const data = {
        paymentId: caseId,
        programme: 'tro-cap-xa-hoi',
        beneficiaryRef,
        period: '2026-11',
        amountVnd: 500_000,
        method: 'bank',
        commune,
      };
      return {
        stream: `subsidy-payment-tro-cap-xa-hoi-${beneficiaryRef}-2026-11`,
        events: [event('SubsidyPaid', data, commune, '2026-11-05')],
      };
    }
    default: {
      const trainees = [ref(), ref()];
      return {
        stream: `training-course-${caseId}`,
        events: [
          event(
            'TrainingCourseOpened',
            { courseId: caseId, occupation: 'May', level: 'elementary', commune, capacity: 30 },
            commune,
            '2026-03-01',
          ),
          ...trainees.map((traineeRef) =>
            event('TraineeEnrolled', { courseId: caseId, traineeRef }, commune, '2026-03-02'),
          ),
          ...trainees.map((traineeRef, n) =>
            event(
              'TraineeCertified',
              { courseId: caseId, traineeRef, certificateNo: `CC-${i}-${n}` },
              commune,
              day(i),
            ),
          ),
        ],
      };
    }
  }
}

async function fill(store: SqliteEventStore): Promise<number> {
  let written = 0;
  let i = 0;
  while (written < EVENTS) {
    const batch = Array.from({ length: 64 }, () => streamAt(i++));
    await Promise.all(batch.map((s) => store.append(s.stream, s.events, 'no_stream')));
    written += batch.reduce((n, s) => n + s.events.length, 0);
    if (i % 6400 === 0) process.stderr.write(`\rwriting events: ${written}`);
  }
  process.stderr.write(`\rwriting events: ${written}\n`);
  return written;
}

async function rawRead(store: SqliteEventStore): Promise<number> {
  const started = process.hrtime.bigint();
  let read = 0;
  let from = 1;
  for (;;) {
    const page = await store.readAll({ fromPosition: from, maxCount: 1000 });
    if (page.length === 0) break;
    read += page.length;
    from = page[page.length - 1].position + 1;
  }
  return read / seconds(started);
}

async function main(): Promise<void> {
  const plan = planModelFromSeed(readSeedFiles('seeds'));
  await inTempDir('bench-rebuild-', async (dir) => {
    const store = new SqliteEventStore(join(dir, 'events.db'));
    const readStore = new SqliteReadStore(join(dir, 'read.db'));
    try {
      const total = await fill(store);
      const limit = await rawRead(store);
      const runner = new ProjectionRunner({
        eventStore: store,
        readStore,
        projections: createLedgerProjections(plan),
      });
      let peakRss = process.memoryUsage().rss;
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
      console.log(
        `\nrebuild from position 0 over ${total} events (events/s; limit = raw sequential read: ${limit.toFixed(0)}/s)\n`,
      );
      console.log('projection | events/s | ratio to raw read');
      const allStarted = process.hrtime.bigint();
      for (const name of runner.projectionNames) {
        const started = process.hrtime.bigint();
        await runner.rebuild(name);
        const rate = total / seconds(started);
        console.log(`${name} | ${rate.toFixed(0)} | ${(rate / limit).toFixed(3)}`);
      }
      const all = total / seconds(allStarted);
      clearInterval(sampler);
      console.log(`all five, one after another | ${all.toFixed(0)} | ${(all / limit).toFixed(3)}`);
      console.log(`peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB`);
    } finally {
      await readStore.close();
      await store.close();
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
