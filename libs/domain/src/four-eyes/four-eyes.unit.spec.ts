import { fourEyesWriteRules } from '../access/four-eyes-write-rules';
import { OrgScope } from '../access/org-scope';
import type { Principal } from '../access/principal';
import { refuseWrite, type WritePolicyContext } from '../access/write-policy';
import { RecordingRights } from '../access/recording-rights';
import { DomainError } from '../shared/domain-error';
import { correctionProposalDecider, foldProposal } from './correction-proposal.decider';
import type { ActionOriginal } from './four-eyes.events';
import { reportApprovalDecider, type ApproveReport } from './report-approval.decider';
import { verificationDecider, type VerificationState } from './verification.decider';

const now = '2026-09-01T10:00:00+07:00';
const original: ActionOriginal = {
  stream: 'housing-case-HC-1',
  type: 'HousingConstructionCompleted',
  data: { caseId: 'HC-1', floorAreaM2: 40, occupants: 4 },
  orgUnit: 'C-1',
  occurredAt: '2026-07-15',
  actor: { officer: 'cb-01', agency: 'LAB', role: 'officer' },
};

function refused(decide: () => unknown): string {
  try {
    decide();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'none';
}

describe('verification decider', () => {
  const { decide, evolve, initialState } = verificationDecider;
  const verify = {
    type: 'VerifyAction' as const,
    eventId: 'e-1',
    method: 'field_visit' as const,
    evidenceRefs: ['BB-1'],
    original,
    occurredAt: '2026-08-01',
    now,
  };
  const dispute = {
    type: 'DisputeAction' as const,
    eventId: 'e-1',
    reason: 'roof not finished yet',
    original,
    occurredAt: '2026-08-01',
    now,
  };
  const after = (...events: ReturnType<typeof decide>): VerificationState =>
    events.reduce(evolve, initialState);

  it('given a claimed action, when verified with evidence, then ActionVerified carries the action', () => {
    expect(decide(verify, initialState)).toEqual([
      {
        type: 'ActionVerified',
        data: {
          eventId: 'e-1',
          method: 'field_visit',
          note: null,
          evidenceRefs: ['BB-1'],
          resolvesDispute: false,
          original,
        },
      },
    ]);
  });
  it('refuses a verification without evidence, and a second one', () => {
    expect(refused(() => decide({ ...verify, evidenceRefs: [] }, initialState))).toBe(
      'VERIFICATION_EVIDENCE_REQUIRED',
    );
    expect(refused(() => decide(verify, after(...decide(verify, initialState))))).toBe(
      'ACTION_ALREADY_VERIFIED',
    );
  });
  it('a dispute of a verified action withdraws it; a second verification resolves the dispute', () => {
    const verified = after(...decide(verify, initialState));
    const [disputed] = decide(dispute, verified);
    expect(disputed).toMatchObject({ type: 'ActionDisputed', data: { withdrawsVerification: true } });
    const [again] = decide(verify, evolve(verified, disputed));
    expect(again).toMatchObject({ type: 'ActionVerified', data: { resolvesDispute: true } });
    expect(refused(() => decide(dispute, evolve(verified, disputed)))).toBe('ACTION_ALREADY_DISPUTED');
  });
});

describe('correction proposal decider', () => {
  const correction = {
    correctsEventId: 'e-1',
    correctedType: original.type,
    kind: 'retraction' as const,
    reason: 'recorded on the wrong case',
    changes: null,
    original,
  };
  const proposed = {
    type: 'CorrectionProposed',
    data: { proposalId: 'p-1', correction, targetStream: original.stream },
    metadata: { actor: { officer: 'sup-1', agency: 'LAB', role: 'supervisor' } },
  };
  it('approves or rejects a proposal once', () => {
    const state = foldProposal([proposed]);
    const [approved] = correctionProposalDecider.decide(
      { type: 'ApproveCorrection', proposalId: 'p-1', occurredAt: '2026-08-01', now },
      state,
    );
    expect(approved).toMatchObject({
      type: 'CorrectionApproved',
      data: { proposedBy: { officer: 'sup-1' }, recordedBy: { officer: 'cb-01' } },
    });
    const done = foldProposal([proposed, approved]);
    expect(
      refused(() =>
        correctionProposalDecider.decide(
          {
            type: 'RejectCorrection',
            proposalId: 'p-1',
            reason: 'measured again, it was right',
            occurredAt: '2026-08-01',
            now,
          },
          done,
        ),
      ),
    ).toBe('CORRECTION_ALREADY_APPROVED');
  });
  it('refuses to approve a proposal that does not exist', () => {
    expect(
      refused(() =>
        correctionProposalDecider.decide(
          { type: 'ApproveCorrection', proposalId: 'p-9', occurredAt: '2026-08-01', now },
          foldProposal([]),
        ),
      ),
    ).toBe('CORRECTION_PROPOSAL_NOT_FOUND');
  });
});

describe('report approval decider', () => {
  const zero = { value: 0, numerator: 0, denominator: 0 };
  const approve: ApproveReport = {
    type: 'ApproveReport',
    indicatorKey: 'houses_built',
    orgUnit: 'D-1',
    period: '2026',
    figuresDigest: 'abc',
    snapshot: {
      upToPosition: 7,
      figuresDigest: 'abc',
      figures: { claimed: [], verified: [], claimedTotal: zero, verifiedTotal: zero },
    },
    unapprovedBelow: [],
    changesSinceApproval: 0,
    occurredAt: '2026-08-01',
    now,
  };
  const { decide, evolve, initialState } = reportApprovalDecider;
  it('signs off the snapshot read', () => {
    expect(decide(approve, initialState)).toMatchObject([
      { type: 'ReportApproved', data: { upToPosition: 7, figuresDigest: 'abc' } },
    ]);
  });
  it('refuses figures that moved, lower reports not approved, and an approval that changes nothing', () => {
    expect(refused(() => decide({ ...approve, figuresDigest: 'old' }, initialState))).toBe(
      'REPORT_FIGURES_CHANGED',
    );
    expect(refused(() => decide({ ...approve, unapprovedBelow: ['C-1'] }, initialState))).toBe(
      'LOWER_REPORTS_NOT_APPROVED',
    );
    const approved = evolve(initialState, decide(approve, initialState)[0]);
    expect(refused(() => decide(approve, approved))).toBe('REPORT_ALREADY_APPROVED');
    expect(decide({ ...approve, changesSinceApproval: 1 }, approved)).toHaveLength(1);
    expect(refused(() => decide({ ...approve, period: '2026-13' }, initialState))).toBe('PERIOD_INVALID');
  });
});

describe('four-eyes write rules', () => {
  const units = [
    { code: 'D-1', parent: null },
    { code: 'C-1', parent: 'D-1' },
  ];
  const context: WritePolicyContext = {
    rights: new RecordingRights([], [], () => undefined),
    scope: new OrgScope(units),
    actionAggregates: new Set(['housing-case']),
    planAggregates: new Set(),
    leadAgencyOf: () => 'LAB',
    planLeadOn: () => 'PC-D',
    rules: fourEyesWriteRules({ peoplesCommittees: new Set(['PC-D']) }),
  } as WritePolicyContext;
  const who = (officer: string, agency: string, role: Principal['roles'][number]): Principal => ({
    officer,
    agency,
    orgUnits: ['D-1'],
    roles: [role],
  });
  const verification = {
    stream: 'verification-e-1',
    aggregate: undefined,
    orgUnit: 'C-1',
    events: [{ type: 'ActionVerified', data: { original } }],
  };
  it('nobody verifies their own record, nor a supervisor of the same agency', () => {
    expect(refuseWrite(who('cb-01', 'INSP', 'inspector'), verification, context)?.message).toMatch(
      /own record/,
    );
    expect(refuseWrite(who('sup-1', 'LAB', 'supervisor'), verification, context)?.code).toBe('FORBIDDEN');
    expect(refuseWrite(who('cb-02', 'LAB', 'officer'), verification, context)?.code).toBe('FORBIDDEN');
    expect(refuseWrite(who('tt-1', 'INSP', 'inspector'), verification, context)).toBeNull();
    expect(refuseWrite(who('sup-9', 'PC-D', 'supervisor'), verification, context)).toBeNull();
  });

  it('an inspector of the recording agency does not verify its record either', () => {
    expect(refuseWrite(who('tt-9', 'LAB', 'inspector'), verification, context)?.message).toMatch(
      /inspector of LAB cannot verify their own agency's record/,
    );
  });
  it("a report is approved by a supervisor of the lead agency or of a People's Committee", () => {
    const report = {
      stream: 'report-approval-x',
      aggregate: undefined,
      orgUnit: 'C-1',
      events: [{ type: 'ReportApproved', data: { indicatorKey: 'houses_built', orgUnit: 'C-1' } }],
    };
    expect(refuseWrite(who('sup-1', 'LAB', 'supervisor'), report, context)).toBeNull();
    expect(refuseWrite(who('sup-9', 'PC-D', 'supervisor'), report, context)).toBeNull();
    expect(refuseWrite(who('sup-2', 'HEALTH', 'supervisor'), report, context)?.code).toBe('FORBIDDEN');
    expect(refuseWrite(who('tt-1', 'INSP', 'inspector'), report, context)?.code).toBe('FORBIDDEN');
  });
  it('the proposer does not approve their own correction', () => {
    const approval = {
      stream: original.stream,
      aggregate: 'housing-case',
      orgUnit: 'C-1',
      events: [
        {
          type: 'EventCorrected',
          data: {
            original,
            approval: {
              proposalId: 'p-1',
              proposedBy: { officer: 'sup-1', agency: 'LAB', role: 'supervisor' },
            },
          },
        },
      ],
    };
    expect(refuseWrite(who('sup-1', 'LAB', 'supervisor'), approval, context)?.message).toMatch(
      /second person/,
    );
    expect(refuseWrite(who('sup-2', 'LAB', 'supervisor'), approval, context)).toBeNull();
    expect(refuseWrite(who('tt-1', 'INSP', 'inspector'), approval, context)).toBeNull();
  });
});
