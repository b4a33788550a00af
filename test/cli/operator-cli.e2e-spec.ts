// The operator CLI as a new user runs it: the built ledger-cli as a child process on a temporary data
// directory: seed, token, import (with a rejection report and an idempotent re-run), report, rebuild,
// verify (and verify failing once the store's file was edited), --help and usage errors.
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { accessTokensFor, loadConfig, parseCsv, XLSX_HEADER_ROW } from '@ledger/ledger';
import { buildApps, root, runCli } from './support/built-cli';

jest.setTimeout(180_000);

describe('operator CLI (built, as a child process)', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'ledger-cli-ops-'));
  const build = join(scratch, 'build');
  const dataDir = join(scratch, 'data');
  const cli = (args: string[], env: Record<string, string> = {}) => runCli(build, dataDir, args, env);
  const sample = join(scratch, 'past-actions.csv');
  /** Verifies as the api on this data directory would (its key ring, the default iss and aud). */
  const verify = (token: string) =>
    accessTokensFor(loadConfig({ LEDGER_DATA_DIR: dataDir })).verify(token.trim());
  const header = (token: string) =>
    JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8')) as { kid: string };

  beforeAll(() => {
    buildApps(build);
    copyFileSync(join(root, 'seeds/examples/past-actions.csv'), sample);
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('prints --help for every command and exits 2 on a usage error', () => {
    const help = cli(['--help']);
    expect(help.status).toBe(0);
    for (const name of [
      'seed',
      'token',
      'token-key',
      'import',
      'verify',
      'rebuild',
      'report',
      'sign-head',
      'evidence',
      'check-evidence',
    ]) {
      expect(help.stdout).toContain(name);
      const one = cli([name, '--help']);
      expect(one.status).toBe(0);
      expect(one.stdout).toContain(`npm run cli -- ${name}`);
    }
    const bad = cli(['report', '--format', 'xls', '--period', '2025']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--format');
    expect(cli(['nonsense']).status).toBe(2);
  });

  it('seed loads the plan, and a second load appends nothing', () => {
    const first = cli(['seed']);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/[1-9]\d* appended, 0 already recorded/);
    const again = cli(['seed', 'seeds']);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/ 0 appended, [1-9]\d* already recorded/);
  });

  it('seed signs a tree head over the whole plan, as the api does at start, and not again when nothing grew', () => {
    // runCli turns the schedule off unless told; a head every 60 minutes is the default.
    const signing = {
      LEDGER_DATA_DIR: join(scratch, 'fresh-seed'),
      LEDGER_HEAD_SIGNING_INTERVAL_MINUTES: '60',
    };
    const first = cli(['seed'], signing);
    expect(first.status).toBe(0);
    const appended = Number(/ (\d+) appended/.exec(first.stdout)?.[1]);
    expect(appended).toBeGreaterThan(0);
    expect(first.stdout).toContain(`seed: signed tree head 1: size ${appended}`);
    // verify finds that one head, over every event on the record, and checks its signature and root.
    const verified = cli(['verify'], signing);
    expect(verified.status).toBe(0);
    expect(verified.stdout).toContain(`verify: ${appended} events in`);
    expect(verified.stdout).toContain(`Merkle tree of ${appended} events against 1 signed heads`);
    const again = cli(['seed'], signing);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('seed: tree heads: the latest head already covers every event');
    const off = cli(['seed'], {
      LEDGER_DATA_DIR: join(scratch, 'unsigned-seed'),
      LEDGER_HEAD_SIGNING_INTERVAL_MINUTES: '0',
    });
    expect(off.status).toBe(0);
    expect(off.stdout).toContain('seed: tree heads: not signed (LEDGER_HEAD_SIGNING_INTERVAL_MINUTES=0)');
  });

  it('seed names the problems of an invalid folder without a stack trace', () => {
    const run = cli(['seed', join(scratch, 'no-such-folder')]);
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('token issues a token that verifies with the generated key ring (0600)', async () => {
    const run = cli([
      'token',
      '--officer',
      'nguyen.van.a',
      '--agency',
      'LDTBXH-BAC-AI',
      '--role',
      'officer',
      '--org-unit',
      'BA-PHUOC-BINH',
      '--ttl',
      '30d',
    ]);
    expect(run.status).toBe(0);
    const keyFile = join(dataDir, 'secrets/token-keys.json');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const claims = await verify(run.stdout);
    expect(claims.sid).toBeUndefined();
    expect(claims).toMatchObject({
      sub: 'nguyen.van.a',
      agency: 'LDTBXH-BAC-AI',
      orgUnits: ['BA-PHUOC-BINH'],
      roles: ['officer'],
    });
    expect(claims.exp - claims.iat).toBe(30 * 86_400);
    expect(cli(['token', '--officer', 'x.y', '--agency', 'LDTBXH', '--role', 'king']).status).toBe(2);
  });

  it('token refuses roles that four eyes keep apart, and a lifetime over 30 days', () => {
    for (const roles of ['officer,inspector', 'supervisor,inspector', 'admin,officer']) {
      const mixed = cli(['token', '--officer', 'a1', '--agency', 'LDTBXH-BAC-AI', '--role', roles]);
      expect([roles, mixed.status]).toEqual([roles, 2]);
      expect(mixed.stderr).toContain('are never held together');
      expect(mixed.stdout).toBe('');
    }
    for (const ttl of ['999999d', '31d', '745h']) {
      const long = cli([
        'token',
        '--officer',
        'a1',
        '--agency',
        'LDTBXH-BAC-AI',
        '--role',
        'officer',
        '--ttl',
        ttl,
      ]);
      expect([ttl, long.status]).toEqual([ttl, 2]);
      expect(long.stderr).toContain('at most 30d');
    }
  });

  it("token refuses an agency or org unit the plan does not have, and defaults to the agency's org unit", async () => {
    const unknownAgency = cli([
      'token',
      '--officer',
      'a1',
      '--agency',
      'NO-SUCH-AGENCY',
      '--role',
      'officer',
    ]);
    expect(unknownAgency.status).toBe(2);
    expect(unknownAgency.stderr).toContain('NO-SUCH-AGENCY is not an agency of the plan');
    const unknownUnit = cli([
      'token',
      '--officer',
      'a1',
      '--agency',
      'UBND-PHUOC-DAI',
      '--role',
      'officer',
      '--org-unit',
      'PHUOC-X',
    ]);
    expect(unknownUnit.status).toBe(2);
    expect(unknownUnit.stderr).toContain('PHUOC-X is not an org unit of the plan');
    const commune = cli(['token', '--officer', 'a1', '--agency', 'UBND-PHUOC-DAI', '--role', 'officer']);
    expect(commune.status).toBe(0);
    expect((await verify(commune.stdout)).orgUnits).toEqual(['BA-PHUOC-DAI']);
  });

  it('token-key rotate prints a new kid that signs from then on; a token of the older key still verifies', async () => {
    const args = ['token', '--officer', 'a1', '--agency', 'UBND-PHUOC-DAI', '--role', 'officer'];
    const before = cli(args).stdout.trim();
    const rotated = cli(['token-key', 'rotate']);
    expect(rotated.status).toBe(0);
    const kid = rotated.stdout.trim();
    expect(kid).not.toBe(header(before).kid);
    const after = cli(args).stdout.trim();
    expect(header(after).kid).toBe(kid);
    expect((await verify(after)).sub).toBe('a1');
    expect((await verify(before)).sub).toBe('a1');
    expect(statSync(join(dataDir, 'secrets/token-keys.json')).mode & 0o777).toBe(0o600);
    expect(cli(['token-key', 'spin']).status).toBe(2);
  });

  it('import appends the sample file, and importing it again appends nothing twice', () => {
    const first = cli(['import', sample]);
    expect(first.stdout).toContain('5 rows: 5 appended, 0 already recorded, 0 rejected');
    expect(first.status).toBe(0);
    const again = cli(['import', sample]);
    expect(again.stdout).toContain('5 rows: 0 appended, 5 already recorded, 0 rejected');
    expect(again.status).toBe(0);
  });

  it('import rejects bad rows into FILE.csv.rejected.csv naming row, column and reason, and appends the good ones', () => {
    const file = join(scratch, 'bad.csv');
    writeFileSync(
      file,
      [
        'row_id,action,officer,agency,occurred_at,case_id,citizen_id,commune,category,floor_area_m2,occupants',
        'b-1,housing_registered,le.van.c,LDTBXH-BAC-AI,2025-02-01T08:00:00+07:00,HS-B-1,058200000201,BA-PHUOC-BINH,poor,,',
        'b-2,housing_registered,le.van.c,LDTBXH-BAC-AI,2025-02-01T08:00:00+07:00,,12345,BA-PHUOC-BINH,poor,,',
        'b-3,house_painted,le.van.c,LDTBXH-BAC-AI,2025-02-01T08:00:00+07:00,,,,,,',
        'b-4,housing_completed,le.van.c,LDTBXH-BAC-AI,2025-03-01T08:00:00+07:00,HS-B-1,,,,40,3',
        'b-5,housing_registered,le.van.c,LDTBXH-BAC-AI,yesterday,,058200000202,BA-PHUOC-BINH,poor,,',
      ].join('\n') + '\n',
    );
    const run = cli(['import', file]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('5 rows: 1 appended, 0 already recorded, 4 rejected');
    const rejected = parseCsv(readFileSync(`${file}.rejected.csv`, 'utf8')).map((r) => r.fields);
    expect(rejected[0]).toEqual(['row', 'line', 'row_id', 'column', 'reason']);
    const byRow = new Map(rejected.slice(1).map(([row, , , column, reason]) => [row, { column, reason }]));
    expect(byRow.get('2')?.column).toBe('citizen_id');
    expect(byRow.get('3')?.column).toBe('action');
    expect(byRow.get('4')).toMatchObject({
      column: 'action',
      reason: expect.stringContaining('not started'),
    });
    expect(byRow.get('5')?.column).toBe('occurred_at');
    expect(byRow.has('1')).toBe(false);
  });

  it('sign-head signs a head over every event with no server, so evidence covers the newest; again only with --force', () => {
    // The plan and the imported actions are on the record with no head (runCli turns the schedule off).
    const bundle = join(scratch, 'evidence-2025.json');
    const evidence = () => cli(['evidence', '--from', '2025-01-01', '--to', '2025-12-31', '--out', bundle]);
    const unsigned = evidence();
    expect(unsigned.status).toBe(1);
    expect(unsigned.stderr).toContain('sign-head');

    const head = Number(/head position (\d+)/.exec(cli(['verify']).stdout)?.[1]);
    expect(head).toBeGreaterThan(5);
    const signed = cli(['sign-head']);
    expect(signed.stderr).toBe('');
    expect(signed.status).toBe(0);
    expect(signed.stdout).toMatch(
      new RegExp(
        `^sign-head: signed tree head 1: size ${head}, root [0-9a-f]{64}, at \\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z, key [0-9a-f]{64}\\n$`,
      ),
    );
    const proved = evidence();
    expect(proved.stderr).toBe('');
    expect(proved.status).toBe(0);
    expect(proved.stdout).toMatch(/evidence: [1-9]\d* events, 1 signed heads/);
    const checked = cli(['check-evidence', bundle]);
    expect(checked.stdout).toContain('check-evidence: OK');
    expect(checked.status).toBe(0);
    expect(cli(['verify']).stdout).toContain(`Merkle tree of ${head} events against 1 signed heads`);

    const again = cli(['sign-head']);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('the latest head already covers every event (tree head 1:');
    const forced = cli(['sign-head', '--force']);
    expect(forced.status).toBe(0);
    expect(forced.stdout).toContain(`sign-head: signed tree head 2: size ${head}`);
    expect(cli(['sign-head', '--now']).status).toBe(2);
  });

  it('report shows the imported actions, as csv, md and json, to a file or stdout', () => {
    const out = join(scratch, 'report-2025.csv');
    const run = cli(['report', '--period', '2025', '--format', 'csv', '--out', out]);
    expect(run.status).toBe(0);
    const rows = parseCsv(readFileSync(out, 'utf8')).map((r) => r.fields);
    const houses = rows.find((r) => r[0] === 'houses_built');
    expect(houses?.[9]).toBe('1');
    const json = cli(['report', '--period', '2021-2025', '--format', 'json']);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ period: '2021-2025', kind: '5-year' });
    const md = cli(['report', '--period', '2024-2026', '--org-unit', 'NT-BAC-AI', '--format', 'md']);
    expect(md.status).toBe(0);
    expect(md.stdout).toContain('houses_built');
  });

  it('report writes a workbook and a printable page for a meeting, with the figures of the JSON report', async () => {
    // From the sample register: houses completed in 2025 and the funding approved (đồng).
    const sampleRows = parseCsv(readFileSync(sample, 'utf8')).map((r) => r.fields);
    const [head, ...lines] = sampleRows;
    const field = (line: string[], name: string) => line[head.indexOf(name)];
    const in2025 = lines.filter((line) => field(line, 'occurred_at').startsWith('2025'));
    const completed = in2025.filter((line) => field(line, 'action') === 'housing_completed').length;
    const funded = in2025
      .filter((line) => field(line, 'action') === 'housing_funding_approved')
      .reduce((total, line) => total + Number(field(line, 'amount_vnd')), 0);
    const json = JSON.parse(cli(['report', '--period', '2025', '--format', 'json']).stdout) as {
      rows: Array<{ indicatorKey: string; valueAtEnd: number | null }>;
    };
    const out = join(scratch, 'report-2025.xlsx');
    const run = cli(['report', '--period', '2025', '--format', 'xlsx', '--out', out]);
    expect(run.status).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.getWorksheet('Báo cáo')!;
    json.rows.forEach((row, i) => {
      const cells = sheet.getRow(XLSX_HEADER_ROW + 1 + i);
      expect(cells.getCell(12).value).toBe(row.indicatorKey);
      expect(cells.getCell(8).value).toBe(row.valueAtEnd);
    });
    const valueOf = (key: string) =>
      sheet.getRow(XLSX_HEADER_ROW + 1 + json.rows.findIndex((r) => r.indicatorKey === key)).getCell(8).value;
    expect(valueOf('houses_built')).toBe(completed);
    expect(valueOf('housing_funding_approved_vnd')).toBe(funded);
    expect(cli(['report', '--period', '2025', '--format', 'xlsx']).status).toBe(2);

    const html = cli([
      'report',
      '--period',
      '2025',
      '--format',
      'html',
      '--indicator',
      'houses_built',
      '--lang',
      'en',
    ]);
    expect(html.status).toBe(0);
    expect(html.stdout).toContain('<h1>Annual report 2025</h1>');
    expect(html.stdout).toContain(`${funded.toLocaleString('en-GB')} VND`);
    expect(html.stdout).toContain('class="commune-chart"');
  });

  it('rebuild rebuilds one projection and all, switching over', () => {
    const one = cli(['rebuild', 'merkle-log']);
    expect(one.status).toBe(0);
    expect(one.stdout).toMatch(/rebuild merkle-log: generation \d+, \d+ events .* switched over/);
    const all = cli(['rebuild']);
    expect(all.status).toBe(0);
    expect(all.stdout.match(/switched over/g)?.length).toBeGreaterThan(1);
    // One pass for all of them, its progress read from the first lane: a plain line at the end.
    expect(all.stdout).toMatch(/rebuild \d+ projections \(events\): (\d+)\/\1 \(/);
    expect(cli(['rebuild', 'nope']).status).toBe(2);
  });

  it('verify passes the store, and fails once its file was edited', () => {
    const ok = cli(['verify']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('verify: OK');
    const copy = join(scratch, 'edited');
    cpSync(dataDir, copy, { recursive: true });
    expect(existsSync(join(copy, 'events.db'))).toBe(true);
    const db = new Database(join(copy, 'events.db'));
    for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as {
      name: string;
    }[])
      db.exec(`DROP TRIGGER "${name}"`);
    db.prepare(
      "UPDATE events SET data = replace(data, '60000000', '90000000') WHERE data LIKE '%60000000%'",
    ).run();
    db.close();
    const edited = cli(['verify'], { LEDGER_DATA_DIR: copy });
    expect(edited.status).toBe(1);
    expect(edited.stderr).toContain('FAILED');
  });
});
