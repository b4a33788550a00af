// Four eyes on every number: verification of recorded actions (nobody verifies their own record),
// corrections of verified actions waiting for a second person, period reports approved bottom-up on an exact
// snapshot and flagged when a later event changes them, houses claimed twice counted once, restatements.
import { untilProjected } from './support/ledger-client';
import { at, startTestLedger, type TestLedger } from './support/test-app';
import { bearer, inspector, OLD_AGENCY, officer, supervisor } from './support/tokens';

// Verification, correction approval and bottom-up period reports on the district and its communes: every
// action here is of 2024, before the 1 July 2025 reorganisation, recorded by the agencies of then.

const evidence = [
  { ref: 'BB-KT-2024/01', sha256: 'a'.repeat(64), description: 'biên bản kiểm tra thực địa' },
];

/** Registers a house for the household and walks it to completion as `who`; returns the case's events. */
async function completedHouse(
  ledger: TestLedger,
  citizenId: string,
  commune: string,
  who: Record<string, string> = officer(OLD_AGENCY),
  completedOn = '2024-07-15',
): Promise<{ caseId: string; completionId: string }> {
  const reg = await ledger
    .http()
    .post('/housing-cases')
    .set(who)
    .send({ householdHeadCitizenId: citizenId, commune, category: 'poor', occurredAt: at('2024-03-02') });
  expect(reg.status).toBe(201);
  const caseId = reg.body.caseId as string;
  const steps: Array<[string, object]> = [
    ['funding-approvals', { amountVnd: 60_000_000, source: 'central_budget', occurredAt: at('2024-03-10') }],
    ['construction-starts', { occurredAt: at('2024-04-01') }],
    ['completions', { floorAreaM2: 42.5, occupants: 5, occurredAt: at(completedOn) }],
  ];
  let completionId = '';
  for (const [sub, body] of steps) {
    const res = await ledger.http().post(`/housing-cases/${caseId}/${sub}`).set(who).send(body);
    expect(res.status).toBe(201);
    completionId = res.body.eventIds[0] as string;
  }
  return { caseId, completionId };
}

async function houses(ledger: TestLedger, orgUnit: string) {
  await untilProjected(ledger);
  const res = await ledger
    .http()
    .get(`/indicators/houses_built?orgUnit=${orgUnit}&asOf=2024-12-31`)
    .expect(200);
  const { claimed, verified, official } = res.body.assurance as Record<string, { value: number } | null>;
  return {
    value: res.body.progress.value as number | null,
    claimed: claimed?.value ?? 0,
    verified: verified?.value ?? 0,
    official: official?.value ?? 0,
  };
}

const verify = (ledger: TestLedger, eventId: string, who: Record<string, string>, body: object = {}) =>
  ledger
    .http()
    .post(`/events/${eventId}/verifications`)
    .set(who)
    .send({ method: 'field_visit', evidence, occurredAt: at('2024-08-01'), ...body });

describe('four eyes: verification and correction approval', () => {
  let ledger: TestLedger;
  beforeAll(async () => {
    ledger = await startTestLedger({ seed: true });
  }, 60_000);
  afterAll(() => ledger.close());

  it('refuses self-verification and a supervisor of the same agency; an inspector verifies, and the figure shows claimed and verified', async () => {
    const { completionId } = await completedHouse(ledger, '058200000101', 'BA-PHUOC-DAI');
    expect(await houses(ledger, 'BA-PHUOC-DAI')).toMatchObject({ claimed: 1, verified: 0 });

    const own = await verify(ledger, completionId, officer(OLD_AGENCY));
    expect(own.status).toBe(403);
    const ownAsInspector = await verify(
      ledger,
      completionId,
      bearer({
        officer: 'can-bo-01',
        agency: 'THANHTRA-BAC-AI',
        roles: ['inspector'],
        orgUnits: ['NT-BAC-AI'],
      }),
    );
    expect(ownAsInspector.status).toBe(403);
    expect(ownAsInspector.body.detail).toMatch(/own record/);
    const sameAgency = await verify(ledger, completionId, supervisor('LDTBXH-BAC-AI'));
    expect(sameAgency.status).toBe(403);
    const noEvidence = await verify(ledger, completionId, inspector(), { evidence: [] });
    expect(noEvidence.status).toBe(400);
    expect(noEvidence.body.field).toBe('evidence');

    const ok = await verify(ledger, completionId, inspector());
    expect(ok.status).toBe(201);
    expect(ok.body.stream).toBe(`verification-${completionId}`);
    expect(await houses(ledger, 'BA-PHUOC-DAI')).toMatchObject({ claimed: 1, verified: 1, official: 0 });
    expect((await houses(ledger, 'NT-BAC-AI')).verified).toBeGreaterThanOrEqual(1);

    const again = await verify(ledger, completionId, supervisor('UBND-BAC-AI', 'pct-01'));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ACTION_ALREADY_VERIFIED');
  });

  it('a dispute takes the action out of the verified figure; a second verification resolves it', async () => {
    const { completionId } = await completedHouse(ledger, '058200000102', 'BA-PHUOC-TIEN');
    expect((await verify(ledger, completionId, inspector())).status).toBe(201);
    const dispute = await ledger
      .http()
      .post(`/events/${completionId}/disputes`)
      .set(supervisor('UBND-BAC-AI', 'pct-01'))
      .send({ reason: 'Kiểm tra lại: mái nhà chưa lợp xong', occurredAt: at('2024-08-02') });
    expect(dispute.status).toBe(201);
    expect(await houses(ledger, 'BA-PHUOC-TIEN')).toMatchObject({ claimed: 1, verified: 0 });
    expect((await verify(ledger, completionId, inspector('thanh-tra-02'))).status).toBe(201);
    expect(await houses(ledger, 'BA-PHUOC-TIEN')).toMatchObject({ claimed: 1, verified: 1 });
  });

  it('a correction of a verified action waits for a second person: not counted until approved', async () => {
    const { completionId } = await completedHouse(ledger, '058200000103', 'BA-PHUOC-HOA');
    expect((await verify(ledger, completionId, inspector())).status).toBe(201);

    const proposed = await ledger
      .http()
      .post('/corrections')
      .set(supervisor('LDTBXH-BAC-AI'))
      .send({
        correctsEventId: completionId,
        kind: 'retraction',
        reason: 'Nhà ghi nhầm hồ sơ, chưa hoàn thành',
        occurredAt: at('2024-08-03'),
      });
    expect(proposed.status).toBe(202);
    expect(proposed.body.pendingApproval).toBe(true);
    const proposalId = proposed.body.proposalId as string;
    expect(await houses(ledger, 'BA-PHUOC-HOA')).toMatchObject({ claimed: 1, verified: 1 });

    const byProposer = await ledger
      .http()
      .post(`/corrections/${proposalId}/approvals`)
      .set(supervisor('LDTBXH-BAC-AI'))
      .send({ occurredAt: at('2024-08-04') });
    expect(byProposer.status).toBe(403);
    const byOfficer = await ledger
      .http()
      .post(`/corrections/${proposalId}/approvals`)
      .set(officer(OLD_AGENCY))
      .send({ occurredAt: at('2024-08-04') });
    expect(byOfficer.status).toBe(403);
    expect(await houses(ledger, 'BA-PHUOC-HOA')).toMatchObject({ claimed: 1, verified: 1 });

    const approved = await ledger
      .http()
      .post(`/corrections/${proposalId}/approvals`)
      .set(inspector())
      .send({ occurredAt: at('2024-08-04') });
    expect(approved.status).toBe(201);
    expect(approved.body.stream).toMatch(/^housing-case-/);
    expect(await houses(ledger, 'BA-PHUOC-HOA')).toMatchObject({ claimed: 0, verified: 0 });

    // The correction is made by its proposer; the approver is named as approver, on the event and in the
    // trails (the agency trails of both and /trail).
    const proposer = { officer: 'truong-phong-01', agency: 'LDTBXH-BAC-AI', role: 'supervisor' };
    const approver = { officer: 'thanh-tra-01', agency: 'THANHTRA-BAC-AI', role: 'inspector' };
    const correctionId = approved.body.eventIds[0] as string;
    const stored = await ledger.http().get(`/events/${correctionId}`).set(inspector()).expect(200);
    expect(stored.body.metadata.actor).toEqual(proposer);
    expect(stored.body.data.approval).toEqual({ proposalId, proposedBy: proposer, approvedBy: approver });
    await untilProjected(ledger);
    const madeTrail = await ledger
      .http()
      .get('/agencies/LDTBXH-BAC-AI/trail?asOf=2024-12-31')
      .set(inspector())
      .expect(200);
    const made = madeTrail.body.trail.correctionsMade.recent.find(
      (c: { correctionId: string }) => c.correctionId === correctionId,
    );
    expect(made).toMatchObject({
      officer: proposer.officer,
      agency: proposer.agency,
      approvedByOfficer: approver.officer,
      approvedByAgency: approver.agency,
    });
    const approverTrail = await ledger
      .http()
      .get('/agencies/THANHTRA-BAC-AI/trail?asOf=2024-12-31')
      .set(inspector())
      .expect(200);
    expect(
      approverTrail.body.trail.correctionsMade.recent.map((c: { correctionId: string }) => c.correctionId),
    ).not.toContain(correctionId);
    expect(approverTrail.body.trail.correctionsApproved.recent).toEqual([
      expect.objectContaining({ correctionId, agency: proposer.agency, approvedByAgency: approver.agency }),
    ]);
    const inTrail = await ledger
      .http()
      .get('/trail?type=EventCorrected&agency=LDTBXH-BAC-AI')
      .set(inspector())
      .expect(200);
    expect(inTrail.body.items.find((t: { eventId: string }) => t.eventId === correctionId)).toMatchObject({
      officer: proposer.officer,
      agency: proposer.agency,
      approvedBy: approver,
    });
    const twice = await ledger
      .http()
      .post(`/corrections/${proposalId}/approvals`)
      .set(inspector('thanh-tra-02'))
      .send({ occurredAt: at('2024-08-04') });
    expect(twice.status).toBe(409);

    // Restatement: the figure of the commune, event by event, with the reason of each change.
    const restated = await ledger
      .http()
      .get(
        `/indicators/houses_built/restatement?orgUnit=BA-PHUOC-HOA&from=2020-01-01&to=2030-12-31&asOf=2024-12-31`,
      )
      .expect(200);
    expect(restated.body.changes.map((c: { kind: string }) => c.kind)).toEqual([
      'new_action',
      'verification',
      'approved_correction',
    ]);
    expect(restated.body.changes[2].reason).toBe('Nhà ghi nhầm hồ sơ, chưa hoàn thành');
    expect(restated.body.figures.claimed).toEqual({ atFrom: 0, atTo: 0, now: 0 });
  });

  it('a rejected proposal leaves the action as it was', async () => {
    const { completionId } = await completedHouse(ledger, '058200000104', 'BA-PHUOC-TRUNG');
    expect((await verify(ledger, completionId, inspector())).status).toBe(201);
    const proposed = await ledger
      .http()
      .post('/corrections')
      .set(supervisor('LDTBXH-BAC-AI'))
      .send({
        correctsEventId: completionId,
        kind: 'amendment',
        changes: { floorAreaM2: 30 },
        reason: 'Đo lại diện tích sàn tại hiện trường',
        occurredAt: at('2024-08-03'),
      });
    expect(proposed.status).toBe(202);
    const rejected = await ledger
      .http()
      .post(`/corrections/${proposed.body.proposalId}/rejections`)
      .set(inspector())
      .send({ reason: 'Biên bản đo đạc không khớp với hồ sơ', occurredAt: at('2024-08-04') });
    expect(rejected.status).toBe(201);
    const approved = await ledger
      .http()
      .post(`/corrections/${proposed.body.proposalId}/approvals`)
      .set(inspector('thanh-tra-02'))
      .send({ occurredAt: at('2024-08-05') });
    expect(approved.status).toBe(409);
    expect(approved.body.code).toBe('CORRECTION_ALREADY_REJECTED');
  });

  it('a house claimed by two agencies is counted once, listed for review, and stays in both trails', async () => {
    await completedHouse(ledger, '058200000105', 'BA-PHUOC-THANG');
    const commune = officer('UBND-PHUOC-THANG', 'cb-xa-01', ['BA-PHUOC-THANG']);
    await completedHouse(ledger, '058200000105', 'BA-PHUOC-THANG', commune, '2024-07-20');
    expect(await houses(ledger, 'BA-PHUOC-THANG')).toMatchObject({ value: 1, claimed: 1 });

    const review = await ledger.http().get('/reviews/double-claims?orgUnit=BA-PHUOC-THANG').expect(200);
    expect(review.body.items).toHaveLength(1);
    expect(review.body.items[0]).toMatchObject({
      kind: 'house',
      agencies: ['LDTBXH-BAC-AI', 'UBND-PHUOC-THANG'],
      counted: { agency: 'LDTBXH-BAC-AI' },
      notCounted: [{ agency: 'UBND-PHUOC-THANG' }],
    });
    const trail = await ledger
      .http()
      .get('/trail?agency=UBND-PHUOC-THANG&type=HousingConstructionCompleted')
      .expect(200);
    expect(trail.body.items.length).toBe(1);
  });
});

describe('four eyes: period reports', () => {
  let ledger: TestLedger;
  beforeAll(async () => {
    ledger = await startTestLedger({ seed: true });
  }, 60_000);
  afterAll(() => ledger.close());

  const snapshot = async (orgUnit: string) => {
    await untilProjected(ledger);
    return (await ledger.http().get(`/report-approvals/houses_built/${orgUnit}/2024`).expect(200)).body;
  };
  const approve = (orgUnit: string, figuresDigest: string, who = supervisor('LDTBXH-BAC-AI')) =>
    ledger
      .http()
      .post('/report-approvals')
      .set(who)
      .send({
        indicatorKey: 'houses_built',
        orgUnit,
        period: '2024',
        figuresDigest,
        occurredAt: at('2024-09-01'),
      });

  it('approves bottom-up on the exact figures, makes them official, and flags a report a later event changes', async () => {
    const { completionId } = await completedHouse(ledger, '058200000201', 'BA-PHUOC-TAN');
    expect((await verify(ledger, completionId, inspector())).status).toBe(201);

    const district = await snapshot('NT-BAC-AI');
    expect(district.status).toBe('not_approved');
    expect(district.below).toEqual([{ orgUnit: 'BA-PHUOC-TAN', status: 'not_approved' }]);
    const early = await approve('NT-BAC-AI', district.current.figuresDigest);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('LOWER_REPORTS_NOT_APPROVED');

    const commune = await snapshot('BA-PHUOC-TAN');
    expect(commune.current.figures.claimedTotal.value).toBe(1);
    expect(commune.current.figures.verifiedTotal.value).toBe(1);
    const stale = await approve('BA-PHUOC-TAN', 'b'.repeat(64));
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('REPORT_FIGURES_CHANGED');
    expect((await approve('BA-PHUOC-TAN', commune.current.figuresDigest, officer(OLD_AGENCY))).status).toBe(403);
    expect((await approve('BA-PHUOC-TAN', commune.current.figuresDigest, inspector())).status).toBe(403);
    expect((await approve('BA-PHUOC-TAN', commune.current.figuresDigest)).status).toBe(201);
    expect(await houses(ledger, 'BA-PHUOC-TAN')).toMatchObject({ claimed: 1, verified: 1, official: 1 });

    const districtAgain = await snapshot('NT-BAC-AI');
    expect(districtAgain.below).toEqual([{ orgUnit: 'BA-PHUOC-TAN', status: 'approved' }]);
    const ok = await approve(
      'NT-BAC-AI',
      districtAgain.current.figuresDigest,
      supervisor('UBND-BAC-AI', 'pct-01'),
    );
    expect(ok.status).toBe(201);
    expect((await snapshot('NT-BAC-AI')).status).toBe('approved');

    // A late event: another house of 2024 recorded after the approval.
    const late = await completedHouse(ledger, '058200000202', 'BA-PHUOC-TAN', officer(OLD_AGENCY), '2024-08-20');
    const changed = await snapshot('BA-PHUOC-TAN');
    expect(changed.status).toBe('changed_since_approval');
    expect(changed.changesSinceApproval.map((c: { eventId: string }) => c.eventId)).toContain(
      late.completionId,
    );
    expect(await houses(ledger, 'BA-PHUOC-TAN')).toMatchObject({ claimed: 2, verified: 1, official: 1 });

    const flagged = await ledger.http().get('/report-approvals?status=changed_since_approval').expect(200);
    const badLimit = await ledger.http().get('/report-approvals?limit=0').expect(400);
    expect(badLimit.body.field).toBe('limit');
    expect(
      flagged.body.items.map((i: { approval: { orgUnit: string } }) => i.approval.orgUnit).sort(),
    ).toEqual(['BA-PHUOC-TAN', 'NT-BAC-AI']);

    // Re-approval of the commune clears its flag.
    const reapproved = await approve('BA-PHUOC-TAN', changed.current.figuresDigest);
    expect(reapproved.status).toBe(201);
    expect((await snapshot('BA-PHUOC-TAN')).status).toBe('approved');
  });
});
