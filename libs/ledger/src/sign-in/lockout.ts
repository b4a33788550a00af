// How long a run of failed sign-ins locks an account: nothing for the first few, then the lock's length
// doubles with each further failure, up to the longest lock. A success clears the run.
import type { SignInConfig } from '../config/sign-in-config';

export function lockoutSeconds(failures: number, config: SignInConfig): number {
  const { loginMaxFailures: max, loginLockSeconds: first, loginLockMaxSeconds: longest } = config;
  if (max <= 0 || failures < max) return 0;
  return Math.min(longest, first * 2 ** Math.min(failures - max, 30));
}
