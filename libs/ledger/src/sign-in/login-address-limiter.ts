// Sign-in attempts per client address in fixed one-minute windows, in memory per api instance: a guesser
// going through many officer ids from one address is slowed down as one trying many passwords on one is.
// Self-contained on purpose, so that it can move to the shared rate limiter without touching sign-in.
import { Inject, Injectable } from '@nestjs/common';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config';

@Injectable()
export class LoginAddressLimiter {
  private window = 0;
  private counts = new Map<string, number>();
  private readonly perMinute: number;

  constructor(@Inject(LEDGER_CONFIG) config: LedgerConfig) {
    this.perMinute = config.signIn.loginPerAddressPerMinute;
  }

  /** When `address` may try again, or null when this attempt is within its budget. */
  take(address: string, now: Date): Date | null {
    if (this.perMinute <= 0) return null;
    const window = Math.floor(now.getTime() / 60_000);
    if (window !== this.window) {
      this.window = window;
      this.counts = new Map();
    }
    const count = (this.counts.get(address) ?? 0) + 1;
    this.counts.set(address, count);
    return count > this.perMinute ? new Date((window + 1) * 60_000) : null;
  }
}
