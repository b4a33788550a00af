import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPseudonymKey, Pseudonymizer } from './pseudonymizer';

describe('pseudonymous beneficiary references', () => {
  const key = Buffer.alloc(32, 7);

  it('gives the same citizen the same reference, and different citizens different ones', () => {
    const p = new Pseudonymizer(key);
    expect(p.reference('058200000001')).toBe(p.reference('058200000001'));
    expect(p.reference('058200000001')).not.toBe(p.reference('058200000002'));
    expect(p.reference('058200000001')).toMatch(/^b-[0-9a-f]{32}$/);
  });

  it('depends on the key, so references cannot be recomputed without it', () => {
    expect(new Pseudonymizer(key).reference('058200000001')).not.toBe(
      new Pseudonymizer(Buffer.alloc(32, 8)).reference('058200000001'),
    );
  });

  it('refuses anything that is not a 12-digit citizen id', () => {
    expect(() => new Pseudonymizer(key).reference('12345')).toThrow(/12 digits/);
  });

  it('generates a key file once (mode 0600) and reads the same key afterwards', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-key-'));
    try {
      const first = loadPseudonymKey(undefined, dir);
      const second = loadPseudonymKey(undefined, dir);
      expect(first.equals(second)).toBe(true);
      const file = join(dir, 'secrets', 'pseudonym.key');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(readFileSync(file, 'utf8').trim()).toHaveLength(64);
      expect(loadPseudonymKey('ab'.repeat(32), dir).equals(Buffer.alloc(32, 0xab))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
