// The tokens whose signature this process has already checked, so that a client sending the same bearer
// token on every request pays for the HMAC once. Only what the signature proves is kept: the header and
// payload it covers and the key that checked it. Everything that can change between two requests (the
// key still allowed to verify, expiry and nbf against the clock, the claim shape) is checked again by the
// caller on every use; a token that failed is never kept.

/** What a verified signature proved: the token's payload under this key. */
export interface VerifiedSignature {
  kid: string;
  /** The key's secret at the time: a ring whose kid now names another secret does not reuse the entry. */
  secret: Buffer;
  payload: Record<string, unknown>;
  /** The token's exp (seconds): an entry is dropped once it is past, whatever the clock tolerance. */
  exp: number;
}

/** The most tokens remembered; past that the oldest entry goes (a plain insertion-ordered Map). */
export const VERIFIED_SIGNATURES_MAX = 10_000;

export class VerifiedSignatures {
  private readonly entries = new Map<string, VerifiedSignature>();

  constructor(private readonly max = VERIFIED_SIGNATURES_MAX) {}

  /** The entry of `token`, or undefined; an entry whose exp is `clockToleranceSeconds` past `now` is dropped. */
  get(token: string, now: number, clockToleranceSeconds: number): VerifiedSignature | undefined {
    const entry = this.entries.get(token);
    if (entry && entry.exp <= now - clockToleranceSeconds) {
      this.entries.delete(token);
      return undefined;
    }
    return entry;
  }

  remember(token: string, entry: VerifiedSignature): void {
    if (this.entries.size >= this.max && !this.entries.has(token)) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(token, entry);
  }

  forget(token: string): void {
    this.entries.delete(token);
  }

  get size(): number {
    return this.entries.size;
  }
}
