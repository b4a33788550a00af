import { hashPassword, refusePassword, SCRYPT_DEFAULTS, verifyPassword } from './password-hash';

describe('password hashes', () => {
  it('are scrypt with a random salt and the parameters written with the hash', async () => {
    const one = await hashPassword('mật khẩu đủ dài 2026');
    const two = await hashPassword('mật khẩu đủ dài 2026');
    const [scheme, N, r, p, salt, key] = one.split('$');
    expect([scheme, Number(N), Number(r), Number(p)]).toEqual([
      'scrypt',
      SCRYPT_DEFAULTS.N,
      SCRYPT_DEFAULTS.r,
      SCRYPT_DEFAULTS.p,
    ]);
    expect(Buffer.from(salt, 'base64url')).toHaveLength(16);
    expect(Buffer.from(key, 'base64url')).toHaveLength(64);
    expect(two).not.toBe(one);
    expect(one).not.toContain('mật khẩu');
  });

  it('verify the right password only, under the parameters stored with the hash', async () => {
    const cheap = await hashPassword('correct horse battery', { N: 1024, r: 8, p: 1 });
    expect(cheap.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await verifyPassword('correct horse battery', cheap)).toBe(true);
    expect(await verifyPassword('correct horse batterY', cheap)).toBe(false);
    expect(await verifyPassword('', cheap)).toBe(false);
  });

  it('treat the same text in another Unicode form as the same password (NFC)', async () => {
    const hash = await hashPassword('Nguyễn Văn An 1975', { N: 1024, r: 8, p: 1 });
    expect(await verifyPassword('Nguyễn Văn An 1975'.normalize('NFD'), hash)).toBe(true);
  });

  it('refuse a stored value they cannot read, or with absurd parameters', async () => {
    for (const stored of [
      '',
      'plain',
      'bcrypt$x',
      'scrypt$0$8$1$c2FsdA$aGFzaA',
      'scrypt$4194304$8$1$c2FsdA$aGFzaA',
    ])
      expect([stored, await verifyPassword('anything at all', stored)]).toEqual([stored, false]);
  });

  it('refuse a new password that is too short or too long', () => {
    expect(refusePassword('short')).toMatch(/at least 10/);
    expect(refusePassword('x'.repeat(257))).toMatch(/at most 256/);
    expect(refusePassword(42)).toMatch(/text/);
    expect(refusePassword('mười ký tự đây')).toBeNull();
  });
});
