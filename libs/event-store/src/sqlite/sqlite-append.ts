// One append evaluated inside a group-commit transaction. Its checks (idempotency, expected revision) see
// the store as left by the earlier appends of the same batch. A failed check is returned, not thrown, so
// that it rejects only this append; anything thrown (an I/O error, a trigger) aborts the whole batch.
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../event-store.errors';
import type { AppendResult, ExpectedRevision } from '../event-store.port';
import type { PreparedEvent } from '../event-store.validation';
import { hashEventParts } from '../hash';
import type { Statements, StoredIdentity } from './sqlite-statements';

export interface AppendRequest {
  stream: string;
  expected: ExpectedRevision;
  /** Checked, serialized and digested before the batch, so the write lock is held for less time. */
  events: PreparedEvent[];
}

export type AppendOutcome =
  { ok: true; result: AppendResult; appended: number } | { ok: false; error: Error };

export interface BatchCursor {
  /** Position of the newest event written so far, this batch included. */
  head: number;
  recordedAt: string;
}

export function appendInBatch(
  statements: Statements,
  request: AppendRequest,
  cursor: BatchCursor,
): AppendOutcome {
  const { stream, events } = request;
  const stored = events.map((prepared) => statements.identityById.get(prepared.id));
  const known = stored.filter((row): row is StoredIdentity => row !== undefined);
  if (known.length > 0) return replay(request, stored, known.length);

  const state = statements.streamState.get(stream);
  const actual = state ? state.last_revision : -1;
  if (!expectationHolds(request.expected, actual)) {
    return { ok: false, error: new WrongExpectedRevisionError(stream, request.expected, actual) };
  }
  if (events.length === 0) {
    return {
      ok: true,
      appended: 0,
      result: { stream, events: [], nextExpectedRevision: actual, replayed: false },
    };
  }

  let revision = actual;
  let prevHash = state ? state.last_hash : null;
  const { recordedAt } = cursor;
  const refs = events.map((event) => {
    revision += 1;
    cursor.head += 1;
    const { id, type, schemaVersion, dataJson, metadataJson } = event;
    const hash = hashEventParts({
      id,
      type,
      schemaVersion,
      stream,
      revision,
      recordedAt,
      prevHash,
      dataJson,
      metadataJson,
    });
    statements.insertEvent.run({
      position: cursor.head,
      id,
      stream,
      revision,
      type,
      schema_version: schemaVersion,
      recorded_at: recordedAt,
      metadata: metadataJson,
      data: dataJson,
      prev_hash: prevHash,
      hash,
      payload_digest: event.digest,
    });
    prevHash = hash;
    return { id, revision, position: cursor.head };
  });
  return {
    ok: true,
    appended: refs.length,
    result: { stream, events: refs, nextExpectedRevision: revision, replayed: false },
  };
}

function expectationHolds(expected: ExpectedRevision, actual: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return actual === -1;
    case 'stream_exists':
      return actual >= 0;
    default:
      return actual === expected;
  }
}

/**
 * Some ids are already stored. It is a retry only when all are, in this stream, with the same payloads,
 * in the order of the original append; then the original result comes back and nothing is written.
 */
function replay(
  request: AppendRequest,
  stored: (StoredIdentity | undefined)[],
  knownCount: number,
): AppendOutcome {
  const { stream, events } = request;
  const fail = (i: number, detail: string): AppendOutcome => ({
    ok: false,
    error: new DuplicateEventIdError(events[i].id, detail),
  });
  if (knownCount < events.length) {
    const first = stored.findIndex((row) => row !== undefined);
    return fail(
      first,
      `${knownCount} of the ${events.length} event ids of this append are already recorded; an append is stored whole or not at all`,
    );
  }
  const rows = stored as StoredIdentity[];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row.stream !== stream) return fail(i, `it is recorded in stream ${row.stream}, not ${stream}`);
    if (row.payload_digest !== events[i].digest)
      return fail(i, `stream ${stream} revision ${row.revision} has another payload under this id`);
    if (i > 0 && row.revision !== rows[i - 1].revision + 1) {
      return fail(i, 'the ids are recorded, but not in the order of this append');
    }
  }
  return {
    ok: true,
    appended: 0,
    result: {
      stream,
      events: rows.map((row, i) => ({ id: events[i].id, revision: row.revision, position: row.position })),
      nextExpectedRevision: rows[rows.length - 1].revision,
      replayed: true,
    },
  };
}
