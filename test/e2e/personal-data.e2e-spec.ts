// Personal data (Decree 13/2023/ND-CP): the household head's name and phone are sealed under the
// household's own key before anything is stored; readers see them opened; erasure of a person deletes the key,
// after which every read shows { erased: true } while the ledger (built CLI `verify`) still verifies.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { untilProjected } from './support/ledger-client';
import { at, startTestLedger, type TestLedger } from './support/test-app';
import { admin, inspector, officer } from './support/tokens';

const root = resolve(__dirname, '../..');
jest.setTimeout(240_000);

const NAME = 'Pi Năng Thị Hoa';
const PHONE = '0912345678';
const OTHER_NAME = 'Chamaléa Văn Tư';
const OTHER_PHONE = '+842593812345';
const REASON = 'Đơn yêu cầu xoá dữ liệu cá nhân ngày 02/03/2026, hồ sơ số 15/BVDL';

/** Every file of the data directory but the secrets (where the keys are): events, read store, their WALs. */
function storedBytes(dataDir: string): Buffer {
  return Buffer.concat(
    readdirSync(dataDir)
      .filter((name) => /\.db(-wal|-shm)?$/.test(name))
      .map((name) => readFileSync(join(dataDir, name))),
  );
}

describe('personal data: sealed on record, opened on read, erased with its key', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'ledger-personal-data-'));
  const dataDir = join(scratch, 'data');
  let build: string;
  let ledger: TestLedger;
  let caseStream: string;
  let eventId: string;
  let person: string;

  const cli = (args: string[]) =>
    spawnSync(process.execPath, [join(build, 'apps/ledger-cli/src/main.js'), ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', LEDGER_DATA_DIR: dataDir },
    });

  beforeAll(async () => {
    build = join(scratch, 'build');
    const bin = (name: string) => join(root, 'node_modules/.bin', name);
    execFileSync(bin('tsc'), ['-p', 'tsconfig.build.json', '--outDir', build], { cwd: root });
    execFileSync(bin('tsc-alias'), ['-p', 'tsconfig.build.json', '--outDir', build], { cwd: root });
    symlinkSync(join(root, 'node_modules'), join(build, 'node_modules'));
    ledger = await startTestLedger({}, dataDir);
  });
  afterAll(async () => {
    await ledger.app.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  const register = (citizenId: string, name: string, phone: string) =>
    ledger
      .http(officer())
      .post('/housing-cases')
      .send({
        householdHeadCitizenId: citizenId,
        householdHeadName: name,
        contactPhone: phone,
        commune: 'KH-BAC-AI-DONG',
        category: 'poor',
        occurredAt: at('2026-03-02'),
      });

  it('refuses a phone that is not Vietnamese and a blank name, naming the field', async () => {
    const phone = await register('058200000071', NAME, '12345');
    expect(phone.status).toBe(400);
    expect(JSON.stringify(phone.body)).toContain('contactPhone');
    const name = await register('058200000071', '   ', PHONE);
    expect(name.status).toBe(400);
    expect(JSON.stringify(name.body)).toContain('householdHeadName');
  });

  it('records a registration with a name and phone; an inspector reads them in the stream, the event and the trail', async () => {
    const res = await register('058200000070', NAME, PHONE);
    expect(res.status).toBe(201);
    caseStream = res.body.stream as string;
    eventId = res.body.eventIds[0] as string;

    const stream = await ledger.http(inspector()).get(`/streams/${caseStream}`).expect(200);
    const data = stream.body.events[0].data;
    person = data.householdRef as string;
    expect(person).toMatch(/^b-[0-9a-f]{32}$/);
    expect(data.personal).toEqual({ householdHeadName: NAME, contactPhone: PHONE });

    const event = await ledger.http(inspector()).get(`/events/${eventId}`).expect(200);
    expect(event.body.data.personal).toEqual({ householdHeadName: NAME, contactPhone: PHONE });

    await untilProjected(ledger);
    const trail = await ledger
      .http(inspector())
      .get('/trail')
      .query({ type: 'HousingCaseRegistered' })
      .expect(200);
    const entry = (
      trail.body.items as Array<{ eventId?: string; id?: string; data: { personal?: unknown } }>
    ).find((item) => JSON.stringify(item).includes(eventId));
    expect(entry?.data.personal).toEqual({ householdHeadName: NAME, contactPhone: PHONE });
  });

  it('a retry with the same id seals to the same bytes: nothing appended twice; another name under that id is a conflict', async () => {
    const id = '0b5f3c1e-7a2d-4c8e-9f10-2a3b4c5d6e7f';
    const send = (name: string) =>
      ledger
        .http(officer())
        .post('/housing-cases')
        .send({
          id,
          householdHeadCitizenId: '058200000073',
          householdHeadName: name,
          contactPhone: '0387654321',
          commune: 'KH-BAC-AI-DONG',
          category: 'poor',
          occurredAt: at('2026-03-02'),
        });
    const first = await send('Katơr Thị Mai');
    expect(first.status).toBe(201);
    const again = await send('Katơr Thị Mai');
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ replayed: true, eventIds: first.body.eventIds });
    expect((await send(OTHER_NAME)).status).toBe(409);
  });

  it('keeps neither the name nor the phone in clear in the event store or the read store files', async () => {
    expect(existsSync(join(dataDir, 'events.db'))).toBe(true);
    const bytes = storedBytes(dataDir);
    expect(bytes.includes(Buffer.from(NAME, 'utf8'))).toBe(false);
    expect(bytes.includes(Buffer.from(PHONE, 'utf8'))).toBe(false);
    expect(bytes.includes(Buffer.from('Thị Hoa', 'utf8'))).toBe(false);
  });

  it('lets only an admin erase: anonymous 401, officer and inspector 403, nothing erased', async () => {
    const path = `/beneficiaries/${person}/personal-data`;
    await ledger.anonymous().delete(path).send({ reason: REASON }).expect(401);
    await ledger.http(officer()).delete(path).send({ reason: REASON }).expect(403);
    await ledger.http(inspector()).delete(path).send({ reason: REASON }).expect(403);
    await ledger.http(admin()).delete(path).send({ reason: 'short' }).expect(400);
    await ledger
      .http(admin())
      .delete('/beneficiaries/058200000070/personal-data')
      .send({ reason: REASON })
      .expect(400);
    const event = await ledger.http(inspector()).get(`/events/${eventId}`).expect(200);
    expect(event.body.data.personal.householdHeadName).toBe(NAME);
  });

  it('erasure of a person: the key goes, every read shows erased, the erasure is on the record', async () => {
    const res = await ledger
      .http(admin())
      .delete(`/beneficiaries/${person}/personal-data`)
      .send({ reason: REASON })
      .expect(200);
    expect(res.body).toMatchObject({ personRef: person, keyErased: true, replayed: false });
    expect(res.body.stream).toBe(`personal-data-${person}`);

    const erased = { erased: true, person };
    const stream = await ledger.http(inspector()).get(`/streams/${caseStream}`).expect(200);
    expect(stream.body.events[0].data.personal).toEqual(erased);
    const event = await ledger.http(inspector()).get(`/events/${eventId}`).expect(200);
    expect(event.body.data.personal).toEqual(erased);
    await untilProjected(ledger);
    const trail = await ledger
      .http(inspector())
      .get('/trail')
      .query({ type: 'HousingCaseRegistered' })
      .expect(200);
    expect(JSON.stringify(trail.body)).toContain('"erased":true');
    for (const body of [stream.body, event.body, trail.body]) {
      expect(JSON.stringify(body)).not.toContain(NAME);
      expect(JSON.stringify(body)).not.toContain(PHONE);
    }

    const record = await ledger.http(inspector()).get(`/streams/personal-data-${person}`).expect(200);
    expect(record.body.events).toHaveLength(1);
    expect(record.body.events[0]).toMatchObject({
      type: 'PersonalDataErased',
      data: { personRef: person, reason: REASON },
      metadata: { actor: { officer: 'quan-tri-01', role: 'admin' } },
    });
  });

  it('erasing again is idempotent: 200, nothing new recorded', async () => {
    const again = await ledger
      .http(admin())
      .delete(`/beneficiaries/${person}/personal-data`)
      .send({ reason: REASON })
      .expect(200);
    expect(again.body).toMatchObject({ personRef: person, keyErased: false, replayed: true });
    const record = await ledger.http(inspector()).get(`/streams/personal-data-${person}`).expect(200);
    expect(record.body.events).toHaveLength(1);
  });

  it('erase-person (built CLI, by citizen id) erases another household; verify still passes the whole ledger', async () => {
    const res = await register('058200000072', OTHER_NAME, OTHER_PHONE);
    expect(res.status).toBe(201);
    const other = await ledger.http(inspector()).get(`/events/${res.body.eventIds[0]}`).expect(200);
    expect(other.body.data.personal).toEqual({ householdHeadName: OTHER_NAME, contactPhone: OTHER_PHONE });
    await ledger.http(admin()).post('/ledger/heads').send({}).expect(201);
    await ledger.app.close();

    const usage = cli(['erase-person', '--citizen-id', '058200000072']);
    expect(usage.status).toBe(2);
    const run = cli(['erase-person', '--citizen-id', '058200000072', '--reason', REASON]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('key deleted');
    expect(run.status).toBe(0);
    const twice = cli(['erase-person', '--ref', other.body.data.householdRef, '--reason', REASON]);
    expect(twice.stdout).toContain('already');
    expect(twice.status).toBe(0);

    const verify = cli(['verify']);
    expect(verify.stdout).toContain('against 1 signed heads');
    expect(verify.status).toBe(0);

    await ledger.restart();
    const after = await ledger.http(inspector()).get(`/events/${res.body.eventIds[0]}`).expect(200);
    expect(after.body.data.personal).toEqual({ erased: true, person: other.body.data.householdRef });
    const first = await ledger.http(inspector()).get(`/events/${eventId}`).expect(200);
    expect(first.body.data.personal).toEqual({ erased: true, person });
  });
});
