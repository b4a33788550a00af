// The rules of the queue of writes made while the connection was down (the outbox), as pure functions over plain
// records, so that they can be checked without a browser: when a write is queued instead of sent, what a replay's
// answer makes of it (recorded, refused with the ledger's reason, or waiting for another try, later each time),
// and what a fix does. A queued write keeps the event id it was given when its form was drawn: the ledger appends
// nothing for an id it has already recorded, so sending it again can never record it twice.

/** First wait after a failed try; each further failure doubles it, up to the longest. */
export const RETRY_FIRST_MS = 5_000;
export const RETRY_LONGEST_MS = 5 * 60_000;

/** Answers that say "not now" rather than "no": the write waits and is tried again. */
const TRY_AGAIN = new Set([408, 425, 429, 500, 502, 503, 504]);
/** Answers for which a write sent straight away is queued instead (the server or a proxy is away). */
const AWAY = new Set([502, 503, 504]);

/**
 * Whether a write that could not be sent straight away goes into the queue: when the browser says it is offline,
 * when the request did not reach the server (no HTTP status at all), or when the server or a proxy in front of it
 * is away (502, 503, 504). A refusal (any 4xx) is never queued: the officer must see it and fix the form.
 */
export function shouldQueue(error, online = true) {
  if (!online) return true;
  const status = statusOf(error);
  return status === null || AWAY.has(status);
}

/** The HTTP status of an error of the API (an ApiError), null when the request got no answer at all. */
export function statusOf(error) {
  return typeof error?.status === 'number' ? error.status : null;
}

/** A write put in the queue now, waiting to be sent; owner: the officer whose token will send it. */
export function newWrite({ owner, path, body, now }) {
  if (!owner) throw new Error('a queued write needs the officer it belongs to');
  if (!body || typeof body.id !== 'string' || !body.id) throw new Error('a queued write needs its event id');
  return {
    id: body.id,
    owner,
    path,
    body,
    state: 'waiting',
    attempts: 0,
    createdAt: now,
    updatedAt: now,
    nextTryAt: now,
    refusal: null,
    answer: null,
  };
}

/**
 * What a replay's outcome calls for: 'recorded' (the answer), 'sign-in' (401: the token was refused and could
 * not be renewed; the write waits for the officer to sign in again), 'retry' (no answer, or "not now"), 'refused'
 * (any other 4xx: the officer fixes the write or discards it).
 */
export function outcomeOf(error) {
  const status = statusOf(error);
  if (status === null || TRY_AGAIN.has(status) || status >= 500) return 'retry';
  if (status === 401) return 'sign-in';
  return 'refused';
}

/** How long to wait after the nth failed try in a row (1, 2, ...): 5 s, 10 s, 20 s, ... up to 5 minutes. */
export function retryDelay(attempts) {
  const n = Math.max(1, attempts);
  return Math.min(RETRY_LONGEST_MS, RETRY_FIRST_MS * 2 ** Math.min(n - 1, 20));
}

/**
 * Recorded: the ledger's answer is kept (event ids, case id, whether it was a replay of an id already recorded);
 * the fields sent are dropped, so that no beneficiary's citizen id stays on the device once it is on the record.
 */
export function recorded(write, answer, now) {
  return {
    ...write,
    body: { id: write.body.id },
    state: 'recorded',
    updatedAt: now,
    nextTryAt: null,
    refusal: null,
    answer: {
      eventIds: Array.isArray(answer?.eventIds) ? answer.eventIds : [],
      caseId: answer?.caseId ?? null,
      replayed: Boolean(answer?.replayed),
    },
  };
}

/** Refused by the ledger: its reason is kept as it said it (status, code, detail, the field it names). */
export function refused(write, error, now) {
  const problem = error?.body ?? {};
  return {
    ...write,
    state: 'refused',
    updatedAt: now,
    nextTryAt: null,
    refusal: {
      status: statusOf(error),
      code: error?.code ?? problem.code ?? null,
      detail: error?.detail ?? problem.detail ?? String(error?.message ?? ''),
      field: problem.field ?? null,
    },
  };
}

/** Not sent this time (no connection, the server away, too many requests): tried again later, later each time. */
export function failed(write, now, retryAfterSeconds = null) {
  const attempts = write.attempts + 1;
  const wait = Math.max(retryDelay(attempts), (Number(retryAfterSeconds) || 0) * 1000);
  return { ...write, state: 'waiting', attempts, updatedAt: now, nextTryAt: now + wait };
}

/**
 * A refused write, fixed by the officer: the new fields, under the same event id (the refused write appended
 * nothing, so the id is still free), waiting to be sent at once.
 */
export function fixed(write, fields, now) {
  if (write.state !== 'refused')
    throw new Error(`only a refused write can be fixed (this one is ${write.state})`);
  return {
    ...write,
    body: { ...fields, id: write.body.id },
    state: 'waiting',
    attempts: 0,
    updatedAt: now,
    nextTryAt: now,
    refusal: null,
  };
}

/** The writes to send now, oldest first (all that wait when `all`: the connection came back, or "send now"). */
export function dueWrites(writes, now, all = false) {
  return writes
    .filter((w) => w.state === 'waiting' && (all || w.nextTryAt === null || w.nextTryAt <= now))
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

/** When the next try is due (ms since the epoch), or null when nothing waits. */
export function nextTryAt(writes) {
  const times = writes.filter((w) => w.state === 'waiting').map((w) => w.nextTryAt ?? 0);
  return times.length ? Math.min(...times) : null;
}

/** How many writes still need something: waiting to be sent, or refused and waiting for a fix. */
export function pendingCount(writes) {
  return writes.filter((w) => w.state === 'waiting' || w.state === 'refused').length;
}
