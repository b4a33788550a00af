// Figures on both boundaries of the 1 July 2025 reorganisation, over HTTP: a commune made by it reads as the
// group of old communes it was made from (numerator and denominator alike), and an old commune read after
// its end holds what was recorded on it; the plan's area reads as every unit within it on any date, and the
// district read after its end holds only what was recorded on it and its former communes. Expected figures
// come from the seeds and the actions recorded here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { post, untilProjected } from './support/ledger-client';
import { at, startTestLedger, type TestLedger } from './support/test-app';
import { officer } from './support/tokens';

const SEEDS = join(__dirname, '..', '..', 'seeds');
const NEW_COMMUNE = 'KH-BAC-AI-TAY';
const OLD_COMMUNE = 'BA-PHUOC-BINH';

interface House {
  citizenId: string;
  commune: string;
  who: Record<string, string>;
  dates: [string, string, string, string];
  floorAreaM2: number;
}

describe('figures on the boundaries before and after the 2025 reorganisation', () => {
  let ledger: TestLedger;
  beforeAll(async () => {
    ledger = await startTestLedger({ seed: true });
  }, 60_000);
  afterAll(() => ledger.close());

  // The old commune's house by the district labour office before the reform; the new commune's by its
  // culture and social affairs office after it (its token names the new commune).
  const houses: House[] = [
    {
      citizenId: '058200000951',
      commune: OLD_COMMUNE,
      who: officer('LDTBXH-BAC-AI'),
      dates: ['2025-01-06', '2025-01-20', '2025-02-03', '2025-05-12'],
      floorAreaM2: 40,
    },
    {
      citizenId: '058200000952',
      commune: NEW_COMMUNE,
      who: officer('VHXH-XA-BAC-AI-TAY', 'can-bo-xa-01', [NEW_COMMUNE]),
      dates: ['2026-01-05', '2026-01-19', '2026-02-02', '2026-06-15'],
      floorAreaM2: 45,
    },
  ];

  const build = async (house: House) => {
    const [registered, funded, started, completed] = house.dates.map(at);
    const reg = await post(
      ledger,
      '/housing-cases',
      {
        householdHeadCitizenId: house.citizenId,
        commune: house.commune,
        category: 'poor',
        occurredAt: registered,
      },
      house.who,
    );
    expect(reg.status).toBe(201);
    const steps: Array<[string, object]> = [
      ['funding-approvals', { amountVnd: 60_000_000, source: 'central_budget', occurredAt: funded }],
      ['construction-starts', { occurredAt: started }],
      ['completions', { floorAreaM2: house.floorAreaM2, occupants: 4, occurredAt: completed }],
    ];
    for (const [sub, body] of steps)
      expect((await post(ledger, `/housing-cases/${reg.body.caseId}/${sub}`, body, house.who)).status).toBe(
        201,
      );
  };

  const read = async (key: string, orgUnit: string, asOf: string) => {
    await untilProjected(ledger);
    const res = await ledger.http().get(`/indicators/${key}?orgUnit=${orgUnit}&asOf=${asOf}`).expect(200);
    return res.body.progress as {
      value: number | null;
      numerator: number | null;
      denominator: number | null;
    };
  };

  /** The units a commune made in 2025 was made from, from the seeds' crosswalk. */
  const madeFrom = (code: string): string[] => {
    const units = JSON.parse(readFileSync(join(SEEDS, 'org-units.json'), 'utf8')) as {
      changes: Array<{ crosswalk: Array<{ from: string; to: string }> }>;
    };
    return units.changes
      .flatMap((c) => c.crosswalk)
      .filter((r) => r.to === code)
      .map((r) => r.from);
  };
  const baseline = (key: string, units: string[]): number => {
    const { baselines } = JSON.parse(readFileSync(join(SEEDS, 'baselines.json'), 'utf8')) as {
      baselines: Array<{ key: string; values: Record<string, number> }>;
    };
    const values = baselines.find((b) => b.key === key)!.values;
    return units.reduce((sum, unit) => sum + values[unit], 0);
  };

  it('reads a new commune as the group of old communes it was made from, and an old one as its own', async () => {
    for (const house of houses) await build(house);
    const group = [NEW_COMMUNE, ...madeFrom(NEW_COMMUNE)];
    expect(group).toContain(OLD_COMMUNE);
    const builtBy = (asOf: string, units: string[]) =>
      houses.filter((h) => units.includes(h.commune) && h.dates[3] <= asOf);

    for (const asOf of ['2025-12-31', '2026-12-31'])
      expect((await read('houses_built', NEW_COMMUNE, asOf)).value).toBe(builtBy(asOf, group).length);
    // After its end, the old commune holds what was recorded on it.
    expect((await read('houses_built', OLD_COMMUNE, '2026-12-31')).value).toBe(
      builtBy('2026-12-31', [OLD_COMMUNE]).length,
    );

    // A ratio: floor area per person, numerator and denominator both on the group's boundary.
    const area =
      baseline('housing_floor_area_m2', madeFrom(NEW_COMMUNE)) +
      builtBy('2026-12-31', group).reduce((sum, h) => sum + h.floorAreaM2, 0);
    const people = baseline('population', madeFrom(NEW_COMMUNE));
    expect(await read('housing_floor_area_per_person', NEW_COMMUNE, '2026-12-31')).toMatchObject({
      numerator: area,
      denominator: people,
      value: Number((area / people).toPrecision(15)),
    });
  });

  it('reads the plan area as every unit within it, old and new, and the ended district as its own records only', async () => {
    const seeds = JSON.parse(readFileSync(join(SEEDS, 'org-units.json'), 'utf8')) as {
      orgUnits: Array<{ code: string; level: string; parent: string | null; planArea: string }>;
    };
    const planArea = (
      JSON.parse(readFileSync(join(SEEDS, 'plan.json'), 'utf8')) as { plan: { orgUnit: string } }
    ).plan.orgUnit;
    const district = seeds.orgUnits.find((u) => u.code === OLD_COMMUNE)!.parent!;
    const within = seeds.orgUnits.filter((u) => u.level !== 'plan_area' && u.planArea === 'within');
    const districtUnits = [
      district,
      ...seeds.orgUnits.filter((u) => u.parent === district).map((u) => u.code),
    ];
    const built = (asOf: string, units: string[]) =>
      houses.filter((h) => units.includes(h.commune) && h.dates[3] <= asOf).length;
    for (const asOf of ['2025-06-30', '2025-12-31', '2026-12-31']) {
      expect([asOf, (await read('houses_built', planArea, asOf)).value]).toEqual([
        asOf,
        built(
          asOf,
          within.map((u) => u.code),
        ),
      ]);
      expect([asOf, (await read('houses_built', district, asOf)).value]).toEqual([
        asOf,
        built(asOf, districtUnits),
      ]);
    }
    // The new commune's house of 2026 is in the plan area, not in the district that ended before it.
    expect(
      built(
        '2026-12-31',
        within.map((u) => u.code),
      ),
    ).toBe(houses.length);
    expect(built('2026-12-31', districtUnits)).toBe(1);
  });
});
