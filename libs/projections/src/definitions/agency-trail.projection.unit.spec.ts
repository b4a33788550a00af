import {
  AGENCY_TRAIL_DOCS,
  createAgencyTrailProjection,
  NO_DUE_DATE,
  OPEN_CASE_STEPS,
  OPEN_STEP_COUNTS,
  type AgencyTrailDoc,
  type OpenCaseStepDoc,
} from './agency-trail.projection';
import { EventLog, project, projectionSpec } from './testing/projection-spec';
import { samplePlanModel } from './testing/sample-plan';

describe('agency-trail projection', () => {
  const agencyTrail = createAgencyTrailProjection(samplePlanModel());
  const spec = projectionSpec(agencyTrail);
  const stream = 'housing-case-HC-1';

  const house = () => {
    const log = new EventLog({ orgUnit: 'C-1', agency: 'LAB-D-1', officer: 'cb-01' });
    const registered = log.record(
      stream,
      'HousingCaseRegistered',
      { caseId: 'HC-1', householdRef: 'h-1', commune: 'C-1', category: 'poor' },
      { occurredAt: '2024-02-01' },
    );
    const funded = log.record(
      stream,
      'HousingFundingApproved',
      { caseId: 'HC-1', amountVnd: 60_000_000, source: 'central_budget' },
      { occurredAt: '2024-02-20' },
    );
    const started = log.record(
      stream,
      'HousingConstructionStarted',
      { caseId: 'HC-1' },
      { occurredAt: '2024-03-05', officer: 'cb-02' },
    );
    const completed = log.record(
      stream,
      'HousingConstructionCompleted',
      { caseId: 'HC-1', floorAreaM2: 48, occupants: 4 },
      { occurredAt: '2024-06-10', officer: 'cb-02' },
    );
    const handedOver = log.record(
      stream,
      'HouseHandedOver',
      { caseId: 'HC-1' },
      { occurredAt: '2024-06-25' },
    );
    return { log, registered, funded, started, completed, handedOver };
  };

  /** A training course in C-2 opened on 2024-01-15, with a trainee enrolled on 2024-03-01. */
  const courseOpened = (log: EventLog, course: string, courseId: string) => ({
    opened: log.record(
      course,
      'TrainingCourseOpened',
      { courseId, occupation: 'Hàn', level: 'elementary', commune: 'C-2', capacity: 20 },
      { occurredAt: '2024-01-15' },
    ),
    enrolled: log.record(
      course,
      'TraineeEnrolled',
      { courseId, traineeRef: 't-1' },
      { occurredAt: '2024-03-01' },
    ),
  });

  describe('agency documents', () => {
    it('count the actions of an agency by type and by officer, with first and last dates', () => {
      const { registered, funded, started } = house();
      const doc = spec
        .given(registered, funded)
        .when(started)
        .get<AgencyTrailDoc>(AGENCY_TRAIL_DOCS, 'LAB-D-1');
      expect(doc).toMatchObject({
        agency: 'LAB-D-1',
        recorded: 3,
        actions: {
          HousingCaseRegistered: { recorded: 1, amendments: 0, retractions: 0 },
          HousingFundingApproved: { recorded: 1, amendments: 0, retractions: 0 },
          HousingConstructionStarted: { recorded: 1, amendments: 0, retractions: 0 },
        },
        orgUnits: { 'C-1': 3 },
        firstOccurredAt: '2024-02-01',
        lastOccurredAt: '2024-03-05',
        firstRecordedAt: registered.recordedAt,
        lastRecordedAt: started.recordedAt,
      });
      expect(doc?.officers.map((o) => [o.officer, o.recorded, o.byType])).toEqual([
        ['cb-01', 2, { HousingCaseRegistered: 1, HousingFundingApproved: 1 }],
        ['cb-02', 1, { HousingConstructionStarted: 1 }],
      ]);
    });

    it('count a correction as made by the correcting agency and received by the agency whose event it was', () => {
      const { log, registered, funded } = house();
      const amendment = log.correct(
        funded,
        'amendment',
        'amount read from the wrong decision',
        { amountVnd: 55_000_000 },
        {
          officer: 'cb-22',
          agency: 'UBND-D-1',
        },
      );
      const docs = spec.given(registered, funded).when(amendment);
      const received = docs.get<AgencyTrailDoc>(AGENCY_TRAIL_DOCS, 'LAB-D-1');
      expect(received?.actions.HousingFundingApproved).toEqual({
        recorded: 1,
        amendments: 1,
        retractions: 0,
      });
      expect(received?.correctionsReceived).toMatchObject({
        total: 1,
        amendments: 1,
        retractions: 0,
        acrossAgencies: 1,
      });
      expect(received?.correctionsReceived.recent[0]).toMatchObject({
        correctionId: amendment.id,
        correctsEventId: funded.id,
        correctedType: 'HousingFundingApproved',
        officer: 'cb-22',
        agency: 'UBND-D-1',
        originalOfficer: 'cb-01',
        originalAgency: 'LAB-D-1',
      });
      expect(received?.officers.find((o) => o.officer === 'cb-01')?.correctionsReceived).toBe(1);
      const made = docs.get<AgencyTrailDoc>(AGENCY_TRAIL_DOCS, 'UBND-D-1');
      expect(made).toMatchObject({ recorded: 0, actions: {} });
      expect(made?.correctionsMade).toMatchObject({ total: 1, amendments: 1, acrossAgencies: 1 });
      expect(made?.officers).toMatchObject([{ officer: 'cb-22', correctionsMade: 1, recorded: 0 }]);
    });

    it("count an agency's retraction of its own event as made and received", () => {
      const { log, registered, funded } = house();
      const retraction = log.correct(funded, 'retraction', 'approved twice by mistake', null, {
        officer: 'tt-03',
      });
      const doc = spec
        .given(registered, funded)
        .when(retraction)
        .get<AgencyTrailDoc>(AGENCY_TRAIL_DOCS, 'LAB-D-1');
      expect(doc?.correctionsMade).toMatchObject({ total: 1, retractions: 1, acrossAgencies: 0 });
      expect(doc?.correctionsReceived).toMatchObject({ total: 1, retractions: 1, acrossAgencies: 0 });
      expect(doc?.actions.HousingFundingApproved).toEqual({ recorded: 1, amendments: 0, retractions: 1 });
    });
  });

  describe('a correction approved by a second person (four eyes)', () => {
    const proposer = { officer: 'ld-01', agency: 'LAB-D-1', role: 'supervisor' };
    const approver = { officer: 'tt-01', agency: 'INSP-D-1', role: 'inspector' };
    /** As the approval appends it today (actor: the proposer), or as it was stored before (actor: the approver). */
    const approvedRetraction = (form: 'current' | 'stored-before') => {
      const { log, registered, funded } = house();
      const actor = form === 'current' ? proposer : approver;
      const corrected = log.correct(funded, 'retraction', 'approved twice by mistake', null, actor);
      const approval =
        form === 'current'
          ? { proposalId: 'P-1', proposedBy: proposer, approvedBy: approver }
          : { proposalId: 'P-1', proposedBy: proposer };
      const retraction = { ...corrected, data: { ...(corrected.data as object), approval } };
      return { docs: spec.given(registered, funded).when(retraction), retraction };
    };

    it.each(['current', 'stored-before'] as const)(
      "credits the correction to the proposer's agency and names the approver (%s form)",
      (form) => {
        const { docs, retraction } = approvedRetraction(form);
        const made = docs.get<AgencyTrailDoc>(AGENCY_TRAIL_DOCS, 'LAB-D-1');
        expect(made?.correctionsMade).toMatchObject({ total: 1, retractions: 1, acrossAgencies: 0 });
        expect(made?.correctionsMade.recent[0]).toMatchObject({
          correctionId: retraction.id,
          officer: proposer.officer,
          agency: proposer.agency,
          approvedByOfficer: approver.officer,
          approvedByAgency: approver.agency,
        });
        expect(made?.correctionsApproved.total).toBe(0);
        expect(made?.officers.find((o) => o.officer === proposer.officer)?.correctionsMade).toBe(1);
        const approving = docs.get<AgencyTrailDoc>(AGENCY_TRAIL_DOCS, approver.agency);
        expect(approving?.correctionsMade.total).toBe(0);
        expect(approving?.correctionsApproved).toMatchObject({ total: 1, acrossAgencies: 1 });
        expect(approving?.correctionsApproved.recent[0]).toMatchObject({
          correctionId: retraction.id,
          agency: proposer.agency,
          approvedByAgency: approver.agency,
        });
        expect(approving?.officers).toMatchObject([
          { officer: approver.officer, correctionsApproved: 1, correctionsMade: 0 },
        ]);
      },
    );
  });

  describe('open case steps', () => {
    const caseDoc = (...events: Parameters<typeof spec.given>) =>
      spec
        .given(...events)
        .when()
        .get<OpenCaseStepDoc>(OPEN_CASE_STEPS, stream);

    it('closes the open step of a withdrawn housing case, overdue or not, and opens it again when the withdrawal is retracted', () => {
      const { log, registered, funded } = house();
      const withdrawal = log.record(
        stream,
        'HousingCaseWithdrawn',
        {
          caseId: 'HC-1',
          grounds: 'moved_away',
          reason: 'the household moved to another province',
          withdrawnSteps: [registered, funded].map((e) => ({ type: e.type, data: e.data })),
        },
        { occurredAt: '2025-01-10' },
      );
      // Its next step (the start, 90 days after funding) was overdue on the day of the withdrawal.
      expect(caseDoc(registered, funded)?.dueBy).toBe('2024-05-20');
      expect(caseDoc(registered, funded, withdrawal)).toBeNull();
      const undone = log.correct(withdrawal, 'retraction', 'withdrawn by mistake', null, {
        occurredAt: '2025-01-20',
      });
      expect(caseDoc(registered, funded, withdrawal, undone)).toMatchObject({
        caseId: 'HC-1',
        step: 'Reopened',
        dueBy: '2025-02-19',
      });
    });

    it('dates the next step of a housing case from the rules: funding 180 days, start 90, completion 365, hand-over 30', () => {
      const { registered, funded, started, completed } = house();
      expect(caseDoc(registered)).toMatchObject({
        caseKind: 'housing',
        caseId: 'HC-1',
        orgUnit: 'C-1',
        step: 'HousingCaseRegistered',
        since: '2024-02-01',
        agency: 'LAB-D-1',
        nextStep: 'HousingFundingApproved',
        dueBy: '2024-07-30',
        openedAt: '2024-02-01',
      });
      expect(caseDoc(registered, funded)).toMatchObject({
        nextStep: 'HousingConstructionStarted',
        dueBy: '2024-05-20',
      });
      expect(caseDoc(registered, funded, started)).toMatchObject({
        step: 'HousingConstructionStarted',
        officer: 'cb-02',
        nextStep: 'HousingConstructionCompleted',
        dueBy: '2025-03-05',
        // Due before the reform, still open: the duty passed to the successor with the others.
        dutyHolder: 'SOC-N-1',
        successorDutyHolder: 'SOC-N-1',
        dutyHolderChain: ['LAB-D-1', 'SOC-N-1'],
      });
      expect(caseDoc(registered, funded, started, completed)).toMatchObject({
        nextStep: 'HouseHandedOver',
        dueBy: '2024-07-10',
      });
    });

    it('leaves the collection when the house is handed over', () => {
      const { registered, funded, started, completed, handedOver } = house();
      expect(caseDoc(registered, funded, started, completed, handedOver)).toBeNull();
    });

    it('opens the case again when its hand-over is retracted, due 30 days after the retraction', () => {
      const { log, registered, funded, started, completed, handedOver } = house();
      const retraction = log.correct(handedOver, 'retraction', 'the family has not moved in yet', null, {
        occurredAt: '2024-07-02',
        officer: 'tt-03',
      });
      expect(caseDoc(registered, funded, started, completed, handedOver, retraction)).toMatchObject({
        step: 'Reopened',
        stage: 'Reopened',
        nextStep: 'HouseHandedOver',
        dueBy: '2024-08-01',
        reopenedBy: retraction.id,
        caseId: 'HC-1',
        orgUnit: 'C-1',
      });
    });

    it('goes back a step when the last one is retracted', () => {
      const { log, registered, funded, started } = house();
      const retraction = log.correct(started, 'retraction', 'construction has not begun');
      expect(caseDoc(registered, funded, started, retraction)).toMatchObject({
        step: 'HousingFundingApproved',
        nextStep: 'HousingConstructionStarted',
        dueBy: '2024-05-20',
      });
    });

    it('names the agency that answers on the due date after the reform', () => {
      const log = new EventLog({ orgUnit: 'C-1', agency: 'LAB-D-1' });
      const registered = log.record(
        stream,
        'HousingCaseRegistered',
        { caseId: 'HC-1', householdRef: 'h-1', commune: 'C-1', category: 'poor' },
        { occurredAt: '2025-01-05' },
      );
      const funded = log.record(
        stream,
        'HousingFundingApproved',
        { caseId: 'HC-1', amountVnd: 1, source: 'local_budget' },
        { occurredAt: '2025-05-01' },
      );
      const started = log.record(
        stream,
        'HousingConstructionStarted',
        { caseId: 'HC-1' },
        { occurredAt: '2025-06-01' },
      );
      expect(caseDoc(registered, funded, started)).toMatchObject({
        agency: 'LAB-D-1',
        dueBy: '2026-06-01',
        dutyHolder: 'SOC-N-1',
        dutyHolderChain: ['LAB-D-1', 'SOC-N-1'],
      });
    });

    it('dates a training course from its opening, whatever its enrolments', () => {
      const log = new EventLog({ orgUnit: 'C-2', agency: 'LAB-D-1' });
      const course = 'training-course-TC-1';
      const { opened, enrolled } = courseOpened(log, course, 'TC-1');
      const closed = log.record(
        course,
        'TrainingCourseClosed',
        { courseId: 'TC-1' },
        { occurredAt: '2024-09-01' },
      );
      const docs = spec.given(opened).when(enrolled);
      expect(docs.get<OpenCaseStepDoc>(OPEN_CASE_STEPS, course)).toMatchObject({
        caseKind: 'training',
        caseId: 'TC-1',
        step: 'TraineeEnrolled',
        since: '2024-03-01',
        stage: 'TrainingCourseOpened',
        nextStep: 'TrainingCourseClosed',
        dueBy: '2025-01-14',
      });
      expect(project(agencyTrail, [closed], docs).get(OPEN_CASE_STEPS, course)).toBeNull();
    });

    it('keeps a remains case at its stage while the remains are identified', () => {
      const log = new EventLog({ orgUnit: 'C-2', agency: 'MIL-D-1' });
      const remains = 'remains-case-RC-1';
      const opened = log.record(
        remains,
        'RemainsCaseOpened',
        { caseId: 'RC-1', site: 'đồi 500', commune: 'C-2' },
        { occurredAt: '2024-01-10' },
      );
      const recovered = log.record(
        remains,
        'RemainsRecovered',
        { caseId: 'RC-1', setsOfRemains: 2 },
        { occurredAt: '2024-04-01' },
      );
      const identified = log.record(
        remains,
        'RemainsIdentified',
        { caseId: 'RC-1', method: 'dna', martyrRecordRef: 'LS-9' },
        { occurredAt: '2024-09-01' },
      );
      expect(spec.given(opened).when().get(OPEN_CASE_STEPS, remains)).toMatchObject({
        nextStep: 'RemainsRecovered',
        dueBy: '2024-07-08',
      });
      expect(spec.given(opened, recovered).when(identified).get(OPEN_CASE_STEPS, remains)).toMatchObject({
        step: 'RemainsIdentified',
        stage: 'RemainsRecovered',
        nextStep: 'RemainsReburied',
        dueBy: '2025-04-01',
      });
    });
  });

  describe('open step counts', () => {
    it("count each agency's open steps by due date, as steps move, close and open again", () => {
      const { log, registered, funded, started, completed, handedOver } = house();
      const other = 'housing-case-HC-2';
      const registered2 = log.record(
        other,
        'HousingCaseRegistered',
        { caseId: 'HC-2', householdRef: 'h-2', commune: 'C-1', category: 'poor' },
        { occurredAt: '2024-03-01' },
      );
      const remains = log.record(
        'remains-case-RC-1',
        'RemainsCaseOpened',
        { caseId: 'RC-1', site: 'đồi 500', commune: 'C-2' },
        { occurredAt: '2024-01-10', agency: 'MIL-D-1' },
      );
      const docs = spec.given(registered, funded, registered2).when(remains);
      // HC-1 funded 2024-02-20, its start due 90 days later; HC-2 registered 2024-03-01, its funding due 180
      // days later; both recorded by LAB-D-1, whose duties passed to SOC-N-1 in C-1. RC-1's recovery is due
      // 180 days after its opening, with MIL-D-1, which no one succeeded.
      const lab = { total: 2, buckets: { '2024-05-20': 1, '2024-08-28': 1 } };
      expect(docs.get(OPEN_STEP_COUNTS, 'LAB-D-1')).toEqual(lab);
      expect(docs.get(OPEN_STEP_COUNTS, 'SOC-N-1')).toEqual(lab);
      expect(docs.get(OPEN_STEP_COUNTS, 'MIL-D-1')).toEqual({ total: 1, buckets: { '2024-07-08': 1 } });

      // HC-1 started (completion due a year later), then HC-1 handed over: it no longer counts.
      project(agencyTrail, [started], docs);
      expect(docs.get(OPEN_STEP_COUNTS, 'LAB-D-1')).toEqual({
        total: 2,
        buckets: { '2024-08-28': 1, '2025-03-05': 1 },
      });
      project(agencyTrail, [completed, handedOver], docs);
      expect(docs.get(OPEN_STEP_COUNTS, 'SOC-N-1')).toEqual({ total: 1, buckets: { '2024-08-28': 1 } });

      // The hand-over retracted: HC-1 open again, its hand-over due 30 days after the retraction.
      const retraction = log.correct(handedOver, 'retraction', 'not moved in yet', null, {
        occurredAt: '2024-07-02',
      });
      project(agencyTrail, [retraction], docs);
      expect(docs.get(OPEN_STEP_COUNTS, 'LAB-D-1')).toEqual({
        total: 2,
        buckets: { '2024-08-01': 1, '2024-08-28': 1 },
      });
    });

    it('count a step with no due date under its own bucket, and drop an agency with none open', () => {
      const log = new EventLog({ orgUnit: 'C-2', agency: 'MIL-D-1' });
      const course = 'training-course-TC-9';
      const { opened, enrolled } = courseOpened(log, course, 'TC-9');
      // Its closing is due 365 days after the opening; with the opening retracted, nothing dates it.
      const docs = spec.given(opened).when(enrolled);
      expect(docs.get(OPEN_STEP_COUNTS, 'MIL-D-1')).toEqual({ total: 1, buckets: { '2025-01-14': 1 } });
      project(agencyTrail, [log.correct(opened, 'retraction', 'opened in another commune')], docs);
      expect(docs.get(OPEN_STEP_COUNTS, 'MIL-D-1')).toEqual({ total: 1, buckets: { [NO_DUE_DATE]: 1 } });
      const closed = log.record(
        course,
        'TrainingCourseClosed',
        { courseId: 'TC-9' },
        { occurredAt: '2024-09-01' },
      );
      project(agencyTrail, [closed], docs);
      expect(docs.get(OPEN_STEP_COUNTS, 'MIL-D-1')).toBeNull();
    });
  });

  it('changes nothing when the same events are applied again', () => {
    const { log, funded } = house();
    log.correct(
      funded,
      'amendment',
      'amount read from the wrong decision',
      { amountVnd: 55_000_000 },
      { agency: 'UBND-D-1' },
    );
    const events = log.events.filter((e) => e.type !== 'HouseHandedOver');
    const docs = project(agencyTrail, events);
    const before = docs.snapshot();
    project(agencyTrail, events, docs);
    expect(docs.snapshot()).toEqual(before);
  });
});
