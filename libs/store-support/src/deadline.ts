// Our own deadline around a store call. Store clients do not all honour theirs: a server that accepts the
// connection and never answers can leave a call (or a driver's retries) waiting forever.

/**
 * Settles like `work`, or rejects with `timeoutError()` after `ms`, calling `onTimeout` first (to cancel the
 * call or stop retries). A late rejection of `work` is swallowed, never left unhandled.
 */
export function withDeadline<T>(
  work: Promise<T>,
  ms: number,
  timeoutError: () => Error,
  onTimeout?: () => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      try {
        onTimeout?.();
      } finally {
        reject(timeoutError());
      }
    }, ms);
    work.then(
      (value) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
