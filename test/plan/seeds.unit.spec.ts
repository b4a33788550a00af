// The real seeds folder, read through the loader: it validates clean, it holds every 2030 target of the
// plan's section II.2 with the plan's own number, and every recorded action moves at least one indicator.
import { join } from 'node:path';
import {
  ACTION_EVENT_EXAMPLES,
  ACTION_EVENT_TYPES,
  contributionsOf,
  dutyHolderOn,
  eventTypesReached,
  expectedValueAt,
  foldStream,
  formatTarget,
  indicatorRulesOf,
  planAggregateFor,
  planSeedToCommands,
  readOnBoundariesOf,
  TARGETS_SECTION,
  type ContributingEvent,
  type PlanSeed,
  type StreamEvent,
} from '@ledger/domain';
import { readSeedFiles } from '@ledger/ledger/plan/read-seed-files';

const SEEDS = join(__dirname, '..', '..', 'seeds');

describe('the Bác Ái plan seeds', () => {
  let seed: PlanSeed;
  beforeAll(() => {
    seed = readSeedFiles(SEEDS);
  });

  it('validate clean', () => {
    expect(seed.plan.planId).toBe('bac-ai-nq42');
    expect(seed.plan.reporting).toEqual(['annual', 'three_year', 'five_year']);
  });

  describe("section II.2: every 2030 target, with the plan's number", () => {
    // Written out from the plan text (reference/ke-hoach-nq42-bac-ai.txt, lines 85-148): a phrase that
    // names the target in the plan's words (matched against the indicator's Vietnamese name and quote),
    // and the target as it must read. A missing indicator or a wrong number fails here.
    const expected: Array<[phrase: string, target: string]> = [
      ['người có công và gia đình người có công với cách mạng', '= 100 %'],
      ['Tỉ lệ thất nghiệp', '< 3 %'],
      ['lao động qua đào tạo có bằng cấp, chứng chỉ', '45-50 %'],
      ['tham gia bảo hiểm xã hội', '>= 60 %'],
      ['tham gia bảo hiểm thất nghiệp', '>= 45 %'],
      ['sau độ tuổi nghỉ hưu được hưởng lương hưu', '= 100 %'],
      ['chăm sóc trẻ em dưới 36 tháng tuổi, phụ nữ mang thai, người cao tuổi', '= 100 %'],
      ['bảo đảm mức sống tối thiểu cho người có hoàn cảnh khó khăn', 'achieved'],
      ['trợ cấp xã hội cho hộ nghèo không có khả năng thoát nghèo', 'achieved'],
      ['phổ cập giáo dục mầm non cho trẻ mẫu giáo từ 3 đến 5 tuổi', 'achieved'],
      ['đi học đúng độ tuổi cấp tiểu học', '> 98 %'],
      ['trung học cơ sở', '>= 95 %'],
      ['trung học phổ thông và tương đương', '>= 65 %'],
      ['xoá mù chữ mức độ 2', 'achieved'],
      ['mức sinh thay thế', 'about 2.1 children per woman'],
      ['tuổi thọ trung bình', 'about 70 years'],
      ['số năm sống khoẻ', '>= 65 years'],
      ['chỉ số phát triển con người (HDI)', '>= 100 % of national average'],
      ['dân số tham gia bảo hiểm y tế', '= 100 %'],
      ['chăm sóc ban đầu tại y tế cơ sở được bảo hiểm y tế chi trả', '> 95 %'],
      ['dân số được quản lý sức khoẻ', '> 95 %'],
      ['tiêm chủng mở rộng', '>= 95 %'],
      ['suy dinh dưỡng thể thấp còi', '< 15 %'],
      ['chấm dứt các dịch bệnh AIDS, lao', 'achieved'],
      ['loại trừ sốt rét', 'achieved'],
      ['hơn 800 căn nhà ở', '> 800 houses'],
      ['xoá bỏ hoàn toàn tình trạng nhà tạm, nhà dột nát', '= 0 houses'],
      ['diện tích nhà ở bình quân đầu người', 'about 15 m2 per person'],
      ['nước sạch theo quy chuẩn', '= 100 %'],
      ['Tỉ lệ hộ gia đình có công trình phụ hợp vệ sinh', '= 100 %'],
      ['Tỉ lệ trường học có công trình phụ hợp vệ sinh', '= 100 %'],
      ['Tỉ lệ trạm y tế có công trình phụ hợp vệ sinh', '= 100 %'],
      ['điểm dân cư nông thôn tập trung có hệ thống thu gom nước thải sinh hoạt', '>= 25 %'],
      ['nước thải sinh hoạt được xử lý', '>= 15 %'],
      ['nghe, xem các kênh phát thanh, truyền hình', '= 100 %'],
    ];

    const sectionTargets = () => seed.indicators.filter((i) => i.definition.section === TARGETS_SECTION);

    it.each(expected)('holds "%s" with target %s', (phrase, target) => {
      const matches = sectionTargets().filter(({ definition: d }) =>
        `${d.nameVi} | ${d.planText}`.toLowerCase().includes(phrase.toLowerCase()),
      );
      expect(matches.map((m) => m.definition.key)).toHaveLength(1);
      const [{ definition, target: actual }] = matches;
      expect(actual).not.toBeNull();
      expect(formatTarget(actual!, definition.unit)).toBe(target);
      expect(actual!.deadline).toBe('2030-12-31');
    });

    it('holds no other section II.2 indicator', () => {
      expect(sectionTargets()).toHaveLength(expected.length);
    });

    it('gives every indicator a stable key, both names, a unit, a kind and a lead agency', () => {
      for (const { definition: d, responsibility } of seed.indicators) {
        expect(d.key).toMatch(/^[a-z][a-z0-9_]+$/);
        expect(d.version).toBe(1);
        expect(d.nameVi.length).toBeGreaterThan(3);
        expect(d.nameEn.length).toBeGreaterThan(3);
        expect(responsibility.lead).toMatch(/^[A-Z]/);
      }
    });

    it('marks the yearly path to 800 houses as illustrative, so "expected by now" is known', () => {
      const houses = seed.indicators.find((i) => i.definition.key === 'houses_built')!;
      expect(expectedValueAt(houses.target!, '2026-12-31')).toBe(345);
      expect(houses.target!.milestones.filter((m) => m.year < 2030).every((m) => m.illustrative)).toBe(true);
    });
  });

  describe('contribution rules', () => {
    // Every action event type with the example data of its descriptor: a new action brings its own.
    const actions = Object.entries(ACTION_EVENT_EXAMPLES);
    const event = (type: string, data: Record<string, unknown>): ContributingEvent => ({
      id: `ev-${type}`,
      type,
      data,
      metadata: { orgUnit: 'BA-PHUOC-DAI', occurredAt: '2025-05-20' },
    });

    it('covers exactly the action types the rules know', () => {
      expect(actions.map(([type]) => type).sort()).toEqual([...ACTION_EVENT_TYPES].sort());
    });

    it('are named in the rules for every action type', () => {
      const reached = eventTypesReached(indicatorRulesOf(seed.indicators.map((i) => i.definition)));
      for (const type of ACTION_EVENT_TYPES) expect([type, reached.has(type)]).toEqual([type, true]);
    });

    it.each(actions)('move at least one indicator when %s is recorded', (type, data) => {
      const rules = indicatorRulesOf(seed.indicators.map((i) => i.definition));
      expect(contributionsOf(event(type, data), rules).length).toBeGreaterThan(0);
    });

    it('count a completed house and add its floor area; a retraction takes both back', () => {
      const rules = indicatorRulesOf(seed.indicators.map((i) => i.definition));
      const completed = event('HousingConstructionCompleted', {
        caseId: 'HC-1',
        floorAreaM2: 48.5,
        occupants: 4,
      });
      const moved = contributionsOf(completed, rules);
      expect(moved).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            indicatorKey: 'houses_built',
            part: 'value',
            delta: 1,
            definitionVersion: 1,
          }),
          expect.objectContaining({
            indicatorKey: 'housing_floor_area_per_person',
            part: 'numerator',
            delta: 48.5,
          }),
          expect.objectContaining({ indicatorKey: 'houses_under_construction', part: 'value', delta: -1 }),
        ]),
      );
      const retraction = {
        ...event('EventCorrected', {
          correctsEventId: completed.id,
          correctedType: 'HousingConstructionCompleted',
          kind: 'retraction',
          reason: 'recorded for the wrong household',
          changes: null,
        }),
        id: 'ev-retraction',
      };
      const back = contributionsOf(retraction, rules, completed);
      expect(back.map((c) => (c.mode === 'add' ? c.delta : null))).toEqual(
        moved.map((c) => (c.mode === 'add' ? -c.delta : null)),
      );
    });
  });

  describe('loading', () => {
    /** Puts commands on an in-memory record, the way the shell does: fold the stream, decide, append. */
    function load(record: Map<string, StreamEvent[]>, now: string): number {
      let appended = 0;
      for (const { command, stream } of planSeedToCommands(seed, { occurredAt: '2025-01-15', now })) {
        const aggregate = planAggregateFor(command);
        const history = record.get(stream) ?? [];
        const events = aggregate.decider.decide(command as never, foldStream(aggregate, history));
        record.set(stream, [
          ...history,
          ...events.map((e, i) => ({ ...e, id: `${stream}#${history.length + i}` }) as StreamEvent),
        ]);
        appended += events.length;
      }
      return appended;
    }

    it('puts the whole seed on the record once; loading again appends nothing', () => {
      const record = new Map<string, StreamEvent[]>();
      const first = load(record, '2025-01-15T08:00:00+07:00');
      const baselineValues = seed.baselines.reduce((n, b) => n + Object.keys(b.values).length, 0);
      const targets = seed.indicators.filter((i) => i.target !== null).length;
      expect(first).toBe(
        1 +
          seed.orgUnits.length +
          seed.orgUnitChanges.length +
          seed.agencies.length +
          seed.agencySuccessions.length +
          seed.indicators.length * 2 +
          targets +
          baselineValues,
      );
      expect(load(record, '2026-03-01T08:00:00+07:00')).toBe(0);
    });

    it('gives every command its own stable event id input', () => {
      const commands = planSeedToCommands(seed, { occurredAt: '2025-01-15' });
      const inputs = commands.map((c) => c.eventIdInput);
      expect(new Set(inputs).size).toBe(inputs.length);
      expect(planSeedToCommands(seed, { occurredAt: '2026-01-01' }).map((c) => c.eventIdInput)).toEqual(
        inputs,
      );
    });
  });

  describe('the reorganisation of 1 July 2025', () => {
    it('reads an old commune on the new boundaries, and a new commune on the old ones', () => {
      const model = { units: seed.orgUnits, changes: seed.orgUnitChanges };
      expect(readOnBoundariesOf('BA-PHUOC-DAI', '2025-07-01', model)).toEqual({
        relation: 'successors',
        units: [{ code: 'KH-BAC-AI-DONG', relation: 'whole' }],
      });
      expect(readOnBoundariesOf('BA-PHUOC-DAI', '2025-06-30', model).relation).toBe('same');
      expect(readOnBoundariesOf('KH-BAC-AI', '2024-12-31', model)).toEqual({
        relation: 'predecessors',
        units: [
          { code: 'BA-PHUOC-TIEN', relation: 'whole' },
          { code: 'BA-PHUOC-THANG', relation: 'whole' },
          { code: 'BA-PHUOC-CHINH', relation: 'whole' },
        ],
      });
      expect(readOnBoundariesOf('NT-BAC-AI', '2025-07-01', model).relation).toBe('dissolved');
    });

    it('keeps the reported merger unverified and no official code', () => {
      expect(seed.orgUnitChanges.every((c) => c.verified === false)).toBe(true);
      expect(seed.orgUnits.every((u) => u.codeKind === 'local' && u.officialCode === null)).toBe(true);
      expect(seed.orgUnits.find((u) => u.code === 'BA-PHUOC-THANG')?.reportedOfficialCode).toBe('22795');
    });

    it("passes a district office's duties in a commune to the new commune's office", () => {
      expect(dutyHolderOn('LDTBXH-BAC-AI', 'BA-PHUOC-DAI', '2025-06-30', seed.agencySuccessions).agency).toBe(
        'LDTBXH-BAC-AI',
      );
      expect(dutyHolderOn('LDTBXH-BAC-AI', 'BA-PHUOC-DAI', '2025-07-01', seed.agencySuccessions)).toEqual({
        agency: 'VHXH-XA-BAC-AI-DONG',
        chain: ['LDTBXH-BAC-AI', 'VHXH-XA-BAC-AI-DONG'],
        unresolved: false,
      });
    });
  });

  it('marks every baseline as illustrative, in the data itself', () => {
    for (const series of seed.baselines) {
      expect(series.illustrative).toBe(true);
      expect(series.source).toMatch(/not an official statistic/);
    }
  });
});
