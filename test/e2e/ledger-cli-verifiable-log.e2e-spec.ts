// The built ledger-cli as a child process on a real embedded store: verify (untouched, then tampered after
// a head was signed), evidence, and check-evidence (as made, then edited).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { housingCaseAt, untilProjected } from './support/ledger-client';
import { startTestLedger } from './support/test-app';

const root = resolve(__dirname, '../..');
jest.setTimeout(180_000);

describe('ledger-cli verify, evidence and check-evidence (built, as a child process)', () => {
  let build: string;
  let dataDir: string;
  const scratch = mkdtempSync(join(tmpdir(), 'ledger-cli-vl-'));

  const cli = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [join(build, 'apps/ledger-cli/src/main.js'), ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', LEDGER_DATA_DIR: dataDir, ...env },
    });

  beforeAll(async () => {
    build = join(scratch, 'build');
    const bin = (name: string) => join(root, 'node_modules/.bin', name);
    execFileSync(bin('tsc'), ['-p', 'tsconfig.build.json', '--outDir', build], { cwd: root });
    execFileSync(bin('tsc-alias'), ['-p', 'tsconfig.build.json', '--outDir', build], { cwd: root });
    symlinkSync(join(root, 'node_modules'), join(build, 'node_modules'));

    dataDir = join(scratch, 'data');
    const ledger = await startTestLedger({}, dataDir);
    await housingCaseAt(ledger, 'funded', '058200000031');
    await housingCaseAt(ledger, 'registered', '058200000032');
    await untilProjected(ledger);
    await ledger.http().post('/ledger/heads').send({}).expect(201);
    await ledger.app.close();
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('verify passes the untouched store and checks the signed head', () => {
    const run = cli(['verify']);
    expect(run.stdout).toContain('against 1 signed heads');
    expect(run.status).toBe(0);
  });

  it('verify fails a store edited after the head was signed, naming the first bad position', () => {
    const copy = join(scratch, 'tampered');
    cpSync(dataDir, copy, { recursive: true });
    const db = new Database(join(copy, 'events.db'));
    for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as {
      name: string;
    }[])
      db.exec(`DROP TRIGGER "${name}"`);
    db.prepare('DELETE FROM events WHERE position = 2').run();
    db.close();
    const run = cli(['verify'], { LEDGER_DATA_DIR: copy });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('first bad position 2');
  });

  it('evidence writes a bundle that check-evidence accepts, and rejects once edited', () => {
    const out = join(scratch, 'bundle.json');
    const made = cli(['evidence', '--from', '2026-01-01', '--to', '2026-12-31', '--out', out]);
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    const checked = cli(['check-evidence', out], { LEDGER_DATA_DIR: join(scratch, 'nowhere') });
    expect(checked.stdout).toMatch(/OK: [1-9]\d* events in 1 signed heads/);
    expect(checked.status).toBe(0);

    const bundle = JSON.parse(readFileSync(out, 'utf8')) as { createdAt: string };
    bundle.createdAt = '2020-01-01T00:00:00.000Z';
    writeFileSync(out, JSON.stringify(bundle));
    const edited = cli(['check-evidence', out]);
    expect(edited.status).toBe(1);
    expect(edited.stdout).toContain('seal');
  });
});
