// Why a sign-in, a refresh or a signed-in write is refused. Wrong officer and wrong password get one answer,
// so a guesser learns nothing about which officers exist.
import { LedgerError, localDayOf } from '@ledger/domain';

/** Wrong officer or wrong password: 401, the same words for both. */
export class SignInFailedError extends LedgerError {
  readonly code = 'SIGN_IN_FAILED';
  readonly kind = 'unauthorized';
  constructor() {
    super('Sai mã cán bộ hoặc mật khẩu. / The officer id or the password is wrong.');
  }
}

/** The account is disabled: 401, said only to someone who gave its right password. */
export class AccountDisabledError extends LedgerError {
  readonly code = 'ACCOUNT_DISABLED';
  readonly kind = 'unauthorized';
  constructor(officer: string) {
    super(`Tài khoản ${officer} đã bị khoá. / The account ${officer} is disabled; ask an admin.`);
  }
}

/** The session is over (signed out, revoked, expired, the account disabled or a role revoked): 401. */
export class SessionEndedError extends LedgerError {
  readonly code = 'SESSION_ENDED';
  readonly kind = 'unauthorized';
  constructor(why: string) {
    super(`Phiên đăng nhập đã kết thúc; hãy đăng nhập lại. / The session has ended (${why}); sign in again.`);
  }
}

/** No refresh cookie came with the request: 400 naming the cookie. */
export class RefreshCookieMissingError extends LedgerError {
  readonly code = 'REFRESH_COOKIE_MISSING';
  readonly kind = 'invalid';
  override readonly field = 'ledger_refresh';
  constructor() {
    super('no refresh cookie (ledger_refresh) came with the request: sign in first');
  }
}

/** Too many failed sign-ins for this account: 429 with Retry-After and the time to retry. */
export class SignInLockedError extends LedgerError {
  readonly code = 'SIGN_IN_LOCKED';
  readonly kind = 'rate_limited';
  readonly retryAfterSeconds: number;

  constructor(
    readonly retryAt: Date,
    now: Date,
  ) {
    const seconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
    super(
      `Đăng nhập sai quá nhiều lần; tài khoản tạm khoá đến ${hoChiMinhTime(retryAt)} (giờ Việt Nam), thử lại sau ${seconds} giây. / ` +
        `Too many failed sign-ins: the account is locked until ${retryAt.toISOString()}; try again in ${seconds} s.`,
    );
    this.retryAfterSeconds = seconds;
  }

  override details() {
    return { retryAfterSeconds: this.retryAfterSeconds, retryAt: this.retryAt.toISOString() };
  }
}

/** The 429 of the per-address limit on POST /auth/login (the route's own rate limit), Vietnamese first. */
export function addressLimitMessage(seconds: number): string {
  const at = new Date(Date.now() + seconds * 1000);
  return (
    `Quá nhiều lần đăng nhập từ địa chỉ này; thử lại sau ${seconds} giây (lúc ${hoChiMinhTime(at)}). / ` +
    `Too many sign-ins from this address; try again in ${seconds} s (at ${at.toISOString()}).`
  );
}

function hoChiMinhTime(at: Date): string {
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(at);
  return `${time} ${localDayOf(at.toISOString()) ?? ''}`.trim();
}
