// The recording form on a phone, in a real browser (Debian's Chromium driven by playwright-core, as the other
// browser suites), against the real API on a seeded temporary store. An officer of Bác Ái Đông's culture and
// social office registers a housing case and records its funding and the start of construction over the API;
// then, signed in on a phone-sized page, finds the case in the form's case picker by typing part of its id,
// sees the step due, records the house's completion (a floor area typed the Vietnamese way, 42,5), and sees
// what was recorded: the case, the event, and the indicators it moved (expected from the seeds' contribution
// rules). Recording the completion again is refused with a 409 said in words, in Vietnamese and in English.
// Skipped, with the reason in its name, when Chromium is not installed. LEDGER_DASHBOARD_SCREENSHOT=1 also
// writes docs/dashboard-record.png.
import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { PlanSeed } from '@ledger/domain';
import { CreateAccountCommand, PLAN_SEED, type CommandContext } from '@ledger/ledger';
import { post } from '../e2e/support/ledger-client';
import { at, startTestLedger, type TestLedger } from '../e2e/support/test-app';
import { browserSuite, CHROMIUM, CHROMIUM_ARGS } from './support/chromium';

const SCREENSHOT = join(__dirname, '../../docs/dashboard-record.png');

const suite = browserSuite;

declare const document: { documentElement: { scrollWidth: number } };
declare const window: { innerWidth: number };

const OFFICER = {
  officer: 'can-bo-nha-o-bac-ai-dong',
  displayName: 'Pi Năng Thị Hoa',
  agency: 'VHXH-XA-BAC-AI-DONG',
  orgUnit: 'KH-BAC-AI-DONG',
  password: 'mat-khau-can-bo-hoa-2026',
};

interface SeedIndicator {
  key: string;
  nameVi: string;
  nameEn: string;
  contributions: { event: string }[];
}

/** The indicators the seeds' rules move on a house completed: what the page must name after recording. */
function indicatorsMovedByCompletion(): SeedIndicator[] {
  const seed = JSON.parse(readFileSync(join(__dirname, '../../seeds/indicators.json'), 'utf8')) as {
    indicators: SeedIndicator[];
  };
  return seed.indicators.filter((i) =>
    i.contributions.some((c) => c.event === 'HousingConstructionCompleted'),
  );
}

suite('recording on a phone through the form and its case picker, in Chromium', () => {
  jest.setTimeout(120_000);
  let ledger: TestLedger;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let phone: Page;
  let token: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ledger = await startTestLedger({ seed: true });
    const seed = ledger.app.get<PlanSeed>(PLAN_SEED);
    // The officer's account, as an admin makes it (the same command the accounts page sends).
    const admin: CommandContext = {
      actor: { officer: 'ledger-cli', agency: seed.plan.reportingAgency, role: 'admin' },
      authority: { operator: 'ledger-cli account create' },
      correlationId: randomUUID(),
      evidence: [],
      receivedAt: new Date(),
    };
    await ledger.app.get(CommandBus).execute(
      new CreateAccountCommand(
        {
          officer: OFFICER.officer,
          displayName: OFFICER.displayName,
          agency: OFFICER.agency,
          orgUnits: [OFFICER.orgUnit],
          roles: ['officer'],
          password: OFFICER.password,
        },
        admin,
      ) as never,
    );
    const login = await ledger
      .http()
      .post('/auth/login')
      .send({ officer: OFFICER.officer, password: OFFICER.password })
      .expect(200);
    token = login.body.accessToken as string;
    const server = ledger.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    context = await browser.newContext({
      locale: 'vi-VN',
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 1,
      isMobile: true,
      hasTouch: true,
    });
    phone = await context.newPage();
    phone.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await ledger?.close();
  });

  afterEach(() => expect(pageErrors).toEqual([]));

  const as = () => ({ Authorization: `Bearer ${token}` });
  const textOf = async (selector: string) => (await phone.locator(selector).textContent()) ?? '';
  let loads = 0;
  async function open(hash: string): Promise<void> {
    await phone.goto(`${base}/?load=${++loads}${hash}`);
    await phone.waitForSelector('main:not([aria-busy]) h1');
  }

  /** A housing case of the officer's commune, registered, funded and started by the officer over the API. */
  async function startedCase(citizenId: string): Promise<string> {
    const reg = await post(
      ledger,
      '/housing-cases',
      {
        householdHeadCitizenId: citizenId,
        commune: OFFICER.orgUnit,
        category: 'poor',
        occurredAt: at('2026-03-02'),
      },
      as(),
    );
    expect(reg.status).toBe(201);
    const caseId = reg.body.caseId as string;
    const steps: Array<[string, object]> = [
      [
        'funding-approvals',
        { amountVnd: 60_000_000, source: 'central_budget', occurredAt: at('2026-03-10') },
      ],
      ['construction-starts', { occurredAt: at('2026-04-01') }],
    ];
    for (const [step, body] of steps) {
      expect((await post(ledger, `/housing-cases/${caseId}/${step}`, body, as())).status).toBe(201);
    }
    // The agency's open steps (a projection) list it once the projector has caught up.
    for (let i = 0; i < 100; i++) {
      const open = await ledger.http().get(`/agencies/${OFFICER.agency}/open-steps`).set(as()).expect(200);
      const found = (open.body.items as { caseId: string; step: string }[]).find((d) => d.caseId === caseId);
      if (found?.step === 'HousingConstructionStarted') return caseId;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`case ${caseId} never showed among the open steps`);
  }

  it('reads amounts written the Vietnamese way, says a queued write waits, and a 412 in words in both languages', async () => {
    await open('#/');
    // A string, so that the dynamic imports reach the page as they are (ts-jest would turn them into require).
    const seen = (await phone.evaluate(`(async () => {
      const money = await import('/dashboard/views/record-money.js');
      const answer = await import('/dashboard/views/record-answer.js');
      const { ApiError } = await import('/dashboard/api.js');
      const i18n = await import('/dashboard/i18n.js');
      const changed = new ApiError(412, 'PRECONDITION_FAILED', 'stream housing-case-x is at revision 3, not 2');
      const command = { label: { vi: 'Hoàn thành xây nhà', en: 'House completed' } };
      const queued = () => answer.recordedBox({ queued: true, id: 'q-1' }, { command }).textContent;
      const out = {
        parsed: ['1.500.000', '1 500 000', '1500000 đ', '60000000', '', '1,5', '1.50.000', '1.500,5'].map((v) =>
          String(money.parseVnd(v)),
        ),
        formatted: [1500000, 60000000, 999, 1000].map((v) => money.formatVnd(v)),
        queuedVi: queued(),
        changedVi: answer.refusalBox(changed).textContent,
      };
      i18n.setLang('en');
      out.queuedEn = queued();
      out.changedEn = answer.refusalBox(changed).textContent;
      i18n.setLang('vi');
      return out;
    })()`)) as Record<string, string> & { parsed: string[]; formatted: string[] };
    expect(seen.parsed).toEqual(['1500000', '1500000', '1500000', '60000000', 'null', 'NaN', 'NaN', 'NaN']);
    expect(seen.formatted).toEqual(['1.500.000', '60.000.000', '999', '1.000']);
    expect(seen.queuedVi).toContain('Đang chờ gửi');
    expect(seen.queuedEn).toContain('Waiting to send');
    expect(seen.changedVi).toContain('hồ sơ vừa được người khác cập nhật');
    expect(seen.changedVi).toContain('Tải lại danh sách');
    expect(seen.changedEn).toContain('someone else updated this case');
    expect(seen.changedEn).toContain('Reload the list');
  });

  it('signs in on a phone, picks the case, records its completion and sees what was recorded; a second completion is a 409 in words', async () => {
    const caseId = await startedCase('058200000777');

    await open('#/sign-in');
    await phone.fill('#sign-in-officer', OFFICER.officer);
    await phone.fill('#sign-in-password', OFFICER.password);
    await phone.click('#sign-in-submit');
    await phone.waitForSelector('#account-who');

    await phone.click('#nav-record');
    await phone.waitForSelector('#record-form');
    await phone.selectOption('#record-command', 'CompleteHousingConstruction');
    await phone.waitForSelector('#rf-case-id');

    // Sent empty: nothing goes to the ledger, each field says what it needs, in Vietnamese.
    let posts = 0;
    phone.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/housing-cases/')) posts++;
    });
    await phone.click('#record-submit');
    await phone.waitForSelector('#rf-case-id-error:not([hidden])');
    expect(await textOf('#rf-case-id-error')).toBe('Hãy chọn hồ sơ.');
    expect(await textOf('#rf-floorAreaM2-error')).toBe('Hãy điền ô này.');
    await phone.fill('#rf-occupants', '2,5');
    await phone.locator('#rf-occupants').blur();
    expect(await textOf('#rf-occupants-error')).toBe('Hãy nhập một số nguyên, ví dụ 5.');
    expect(posts).toBe(0);

    // The case picker: a few characters of the case id find it; the case says which step is due.
    await phone.fill('#rf-case-id', caseId.slice(0, 6));
    const option = phone.locator(`.case-option[data-case="${caseId}"]`);
    await option.waitFor();
    expect(await option.textContent()).toContain('Bác Ái Đông');
    await option.click();
    expect(await phone.inputValue('#rf-case-id')).toBe(caseId);
    expect(await textOf('#rf-case-due')).toContain('Bước tiếp theo: Hoàn thành xây nhà');
    expect(await phone.isHidden('#rf-case-id-error')).toBe(true);

    await phone.fill('#rf-floorAreaM2', '42,5');
    await phone.fill('#rf-occupants', '5');
    // The message goes as soon as the value is right.
    expect(await phone.isHidden('#rf-occupants-error')).toBe(true);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    const [recorded] = await Promise.all([
      phone.waitForResponse(
        (r) => r.request().method() === 'POST' && r.url().endsWith(`/${caseId}/completions`),
      ),
      phone.click('#record-submit'),
    ]);
    expect(recorded.status()).toBe(201);
    const sent = recorded.request().postDataJSON() as Record<string, unknown>;
    expect(sent).toMatchObject({ floorAreaM2: 42.5, occupants: 5 });
    expect(String(sent.occurredAt)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+07:00$/);
    const answer = (await recorded.json()) as { eventIds: string[] };

    // What was recorded: the action, the case, the event (linked), and every indicator the plan's rules move.
    await phone.waitForSelector('#record-done');
    const done = await textOf('#record-done');
    expect(done).toContain('Đã ghi nhận: Hoàn thành xây nhà');
    expect(done).toContain(caseId);
    expect(await phone.getAttribute('#record-done a.record-event', 'href')).toBe(
      `#/event/${answer.eventIds[0]}`,
    );
    const moved = indicatorsMovedByCompletion();
    expect(moved.length).toBeGreaterThan(0);
    for (const indicator of moved) {
      await phone.waitForFunction(
        ([key, name]) =>
          (
            globalThis as unknown as {
              document: { querySelector(s: string): { textContent: string } | null };
            }
          ).document
            .querySelector(`#record-moved [data-indicator="${key}"]`)
            ?.textContent.includes(name),
        [indicator.key, indicator.nameVi],
      );
    }
    expect(await textOf('#record-moved [data-indicator="houses_built"]')).toContain('+1');
    if (process.env.LEDGER_DASHBOARD_SCREENSHOT) {
      await phone.screenshot({ path: SCREENSHOT, fullPage: true });
      expect(statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
    }

    // The same completion again (a new event id: a new action): 409, said in words with what to do.
    await phone.fill('#rf-floorAreaM2', '42,5');
    await phone.fill('#rf-occupants', '5');
    const [refused] = await Promise.all([
      phone.waitForResponse(
        (r) => r.request().method() === 'POST' && r.url().endsWith(`/${caseId}/completions`),
      ),
      phone.click('#record-submit'),
    ]);
    expect(refused.status()).toBe(409);
    await phone.waitForSelector('#record-conflict');
    const conflict = await textOf('#record-conflict');
    expect(conflict).toContain('Chưa ghi: hồ sơ đã ở bước này hoặc đã qua bước này rồi.');
    expect(conflict).toContain('Không cần ghi lại.');

    // The same refusal in English, after the page's language switch (the case stays chosen).
    await phone.click('#lang-switch');
    await phone.waitForSelector('#record-form');
    expect(await phone.inputValue('#rf-case-id')).toBe(caseId);
    await phone.fill('#rf-floorAreaM2', '42.5');
    await phone.fill('#rf-occupants', '5');
    const [again] = await Promise.all([
      phone.waitForResponse(
        (r) => r.request().method() === 'POST' && r.url().endsWith(`/${caseId}/completions`),
      ),
      phone.click('#record-submit'),
    ]);
    expect(again.status()).toBe(409);
    await phone.waitForSelector('#record-conflict');
    expect(await textOf('#record-conflict')).toContain(
      'Not recorded: the case is already at this step, or past it.',
    );

    // Amounts are typed and shown the Vietnamese way; the body sends the integer.
    await phone.selectOption('#record-command', 'ApproveHousingFunding');
    await phone.locator('#rf-amountVnd').pressSequentially('60000000');
    expect(await phone.inputValue('#rf-amountVnd')).toBe('60.000.000');
    // The communes offered are the officer's own in force on the action's day: the merged commune from
    // 1 July 2025, the two it was made from before.
    await phone.selectOption('#record-command', 'RegisterHousingCase');
    const communes = () =>
      phone
        .locator('#rf-commune option')
        .evaluateAll((options) =>
          options.map((o) => (o as unknown as { value: string }).value).filter(Boolean),
        );
    expect(await communes()).toEqual([OFFICER.orgUnit]);
    expect(await phone.inputValue('#rf-commune')).toBe(OFFICER.orgUnit);
    expect(await phone.isHidden('#rf-agency-note')).toBe(true);
    await phone.fill('#rf-occurredAt', '2025-06-15T09:00');
    await phone.dispatchEvent('#rf-occurredAt', 'change');
    expect((await communes()).sort()).toEqual(['BA-PHUOC-DAI', 'BA-PHUOC-THANH']);
    expect(await textOf('#rf-occurredAt-help')).toContain('(UTC+7): 15/06/2025 09:00');
    // The allowed values in words, the code sent.
    expect(await phone.locator('#rf-category option[value="near_poor"]').textContent()).toBe(
      'Near-poor household',
    );
    // The officer's office was made by the same reorganisation: the form says who records before that day.
    expect(await phone.isVisible('#rf-agency-note')).toBe(true);
    expect(await textOf('#rf-agency-note')).toContain('begins on 01/07/2025');
  });
});
