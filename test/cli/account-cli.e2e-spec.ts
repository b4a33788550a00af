// The accounts CLI as an operator runs it: the built ledger-cli as a child process. The first admin is made
// with `account create --admin` (password from standard input, never an argument), the other commands change
// accounts on the record, and the api on the same data directory signs the admin in with that password.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIRST_ADMIN_HINT, FirstAdminNotice } from '@ledger/ledger';
import { startTestLedger } from '../e2e/support/test-app';
import { buildApps, root } from './support/built-cli';

jest.setTimeout(180_000);

describe('account CLI (built, as a child process)', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'ledger-cli-accounts-'));
  const build = join(scratch, 'build');
  const dataDir = join(scratch, 'data');
  const cli = (args: string[], input?: string) =>
    spawnSync(process.execPath, [join(build, 'apps/ledger-cli/src/main.js'), 'account', ...args], {
      cwd: root,
      encoding: 'utf8',
      input: input ?? '',
      env: {
        PATH: process.env.PATH ?? '',
        LEDGER_DATA_DIR: dataDir,
        LEDGER_HEAD_SIGNING_INTERVAL_MINUTES: '0',
      },
    });
  const password = 'mật khẩu quản trị 2026';

  beforeAll(() => buildApps(build));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('never takes a password from an argument, and asks for one on standard input when there is no terminal', () => {
    const asArgument = cli([
      'create',
      '--admin',
      '--officer',
      'quan-tri-01',
      '--name',
      'An',
      '--agency',
      'UBND-KHANH-HOA',
      '--password',
      'x',
    ]);
    expect(asArgument.status).toBe(2);
    expect(asArgument.stderr).toMatch(/unknown option --password/);
    const noTerminal = cli([
      'create',
      '--admin',
      '--officer',
      'quan-tri-01',
      '--name',
      'An',
      '--agency',
      'UBND-KHANH-HOA',
    ]);
    expect(noTerminal.status).toBe(2);
    expect(noTerminal.stderr).toMatch(/--password-stdin/);
    expect(cli(['--help']).stdout).toMatch(/account create/);
  });

  it('creates the first admin, changes accounts on the record, and the api signs them in with their passwords', async () => {
    const created = cli(
      [
        'create',
        '--admin',
        '--officer',
        'quan-tri-01',
        '--name',
        'Nguyễn Văn An',
        '--agency',
        'UBND-KHANH-HOA',
        '--password-stdin',
      ],
      `${password}\n`,
    );
    expect([created.status, created.stderr]).toEqual([0, '']);
    expect(created.stdout).toMatch(/account created: quan-tri-01 {2}admin {2}UBND-KHANH-HOA/);

    const officer = cli(
      [
        'create',
        '--officer',
        'can-bo-01',
        '--name',
        'Pi Năng Thị Hoa',
        '--agency',
        'VHXH-XA-BAC-AI-DONG',
        '--role',
        'officer',
        '--password-stdin',
      ],
      'mật khẩu cán bộ 2026\n',
    );
    expect(officer.status).toBe(0);
    const mixed = cli(['grant', '--officer', 'can-bo-01', '--role', 'inspector']);
    expect(mixed.status).toBe(1);
    expect(mixed.stderr).toMatch(/never held together/);
    expect(cli(['grant', '--officer', 'can-bo-01', '--role', 'viewer']).stdout).toMatch(
      /account granted: can-bo-01 {2}officer,viewer/,
    );
    expect(cli(['revoke', '--officer', 'can-bo-01', '--role', 'viewer']).status).toBe(0);
    expect(cli(['disable', '--officer', 'can-bo-01', '--reason', 'nghỉ phép dài hạn']).stdout).toMatch(
      /disabled \(nghỉ phép dài hạn\)/,
    );
    const list = cli(['list']);
    expect(list.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^can-bo-01 {2}officer {2}VHXH-XA-BAC-AI-DONG {2}KH-BAC-AI-DONG {2}disabled/),
      expect.stringMatching(/^quan-tri-01 {2}admin {2}UBND-KHANH-HOA {2}\S+ {2}enabled/),
    ]);
    expect(cli(['enable', '--officer', 'can-bo-01']).status).toBe(0);
    expect(
      cli(['password', '--officer', 'can-bo-01', '--password-stdin'], 'mật khẩu mới của cán bộ\n').status,
    ).toBe(0);

    const ledger = await startTestLedger({}, dataDir);
    try {
      expect(await ledger.app.get(FirstAdminNotice).hasAdmin()).toBe(true);
      const login = await ledger.anonymous().post('/auth/login').send({ officer: 'quan-tri-01', password });
      expect(login.status).toBe(200);
      const accounts = await ledger
        .anonymous()
        .get('/accounts')
        .set('Authorization', `Bearer ${login.body.accessToken}`)
        .expect(200);
      expect((accounts.body.accounts as Array<{ officer: string }>).map((a) => a.officer)).toEqual([
        'can-bo-01',
        'quan-tri-01',
      ]);
      const stream = await ledger.http().get('/streams/account-can-bo-01').expect(200);
      expect(
        (stream.body.events as Array<{ type: string; metadata: { actor: { officer: string } } }>).map((e) => [
          e.type,
          e.metadata.actor.officer,
        ]),
      ).toEqual([
        ['AccountCreated', 'ledger-cli'],
        ['AccountRoleGranted', 'ledger-cli'],
        ['AccountRoleRevoked', 'ledger-cli'],
        ['AccountDisabled', 'ledger-cli'],
        ['AccountEnabled', 'ledger-cli'],
        ['AccountPasswordReset', 'ledger-cli'],
      ]);
      const old = await ledger
        .anonymous()
        .post('/auth/login')
        .send({ officer: 'can-bo-01', password: 'mật khẩu cán bộ 2026' });
      expect(old.status).toBe(401);
      await ledger
        .anonymous()
        .post('/auth/login')
        .send({ officer: 'can-bo-01', password: 'mật khẩu mới của cán bộ' })
        .expect(200);
    } finally {
      await ledger.app.close();
    }
  });

  it('on a data directory without an admin, says how to create the first one', async () => {
    const ledger = await startTestLedger();
    try {
      expect(await ledger.app.get(FirstAdminNotice).hasAdmin()).toBe(false);
      expect(FIRST_ADMIN_HINT).toMatch(/npm run -s cli -- account create --admin/);
      expect(FIRST_ADMIN_HINT).not.toMatch(/password[:=]/i);
    } finally {
      await ledger.close();
    }
  });
});
