// A realistic mix of recorded actions, appended straight through the event store port (fast): housing cases
// walked through their lifecycle, subsidy payments, health insurance enrolments, training courses with their
// trainees. About 2.7 events per stream; every commune of the district; dates spread over 2026.
import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import { metadata } from './bench-support';

export const COMMUNES = [
  'BA-PHUOC-DAI',
  'BA-PHUOC-BINH',
  'BA-PHUOC-HOA',
  'BA-PHUOC-TAN',
  'BA-PHUOC-TIEN',
  'BA-PHUOC-THANG',
  'BA-PHUOC-THANH',
  'BA-PHUOC-TRUNG',
  'BA-PHUOC-CHINH',
];

const ref = (): string => 'b-' + randomUUID().replace(/-/g, '');
const day = (i: number): string =>
  `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`;
const event = (
  type: string,
  data: object,
  orgUnit: string,
  occurredAt: string,
  agency?: string,
): NewEvent => ({
  id: randomUUID(),
  type,
  schemaVersion: 1,
  data,
  metadata: metadata(orgUnit, occurredAt, agency),
});

/** One stream's events: a housing case's whole lifecycle, a payment, an enrolment, or a course with trainees. */
export function streamAt(i: number): { stream: string; events: NewEvent[] } {
  const commune = COMMUNES[i % COMMUNES.length];
  const caseId = randomUUID();
  switch (i % 4) {
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
      const period = `2026-${String(1 + (i % 12)).padStart(2, '0')}`;
      const data = {
        paymentId: caseId,
        programme: 'tro-cap-xa-hoi',
        beneficiaryRef,
        period,
        amountVnd: 500_000,
        method: 'bank',
        commune,
      };
      return {
        stream: `subsidy-payment-tro-cap-xa-hoi-${beneficiaryRef}-${period}`,
        events: [event('SubsidyPaid', data, commune, `${period}-05`)],
      };
    }
    case 2: {
      const beneficiaryRef = ref();
      const data = {
        enrolmentId: caseId,
        beneficiaryRef,
        commune,
        scheme: 'ethnic_minority_area',
        year: 2026,
      };
      return {
        stream: `health-insurance-enrolment-${beneficiaryRef}-2026`,
        events: [event('HealthInsuranceEnrolled', data, commune, day(i), 'BHXH-BAC-AI')],
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

/** Appends streams (256 at a time, so the store's group commit batches them) until `target` events are stored. */
export async function fillTo(store: EventStore, target: number, label = 'writing events'): Promise<number> {
  let head = await store.headPosition();
  let i = head;
  let shown = 0;
  while (head < target) {
    const batch = Array.from({ length: 256 }, () => streamAt(i++));
    const results = await Promise.all(batch.map((s) => store.append(s.stream, s.events, 'no_stream')));
    head = Math.max(head, ...results.map((r) => r.events[r.events.length - 1]?.position ?? 0));
    if (head - shown >= 50_000) {
      shown = head;
      process.stderr.write(`\r  ${label}: ${head}`);
    }
  }
  if (shown > 0) process.stderr.write(`\r  ${label}: ${head}\n`);
  return head;
}
