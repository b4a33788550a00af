// The envelope every stored event carries (DESIGN.md, "Write side").
// Deciders produce only { type, data }; the shell adds the metadata, the store adds position, revision,
// recordedAt and the hash chain at append.

export interface Actor {
  /** Officer id (from the token once access control lands; from request headers until then). */
  officer: string;
  /** Agency code, e.g. "LDTBXH-BAC-AI". */
  agency: string;
  role: string;
}

/** A reference to a document that backs an action. Only its digest is kept, never the document. */
export interface EvidenceRef {
  /** Where the document lives (file name, archive number, URL in the agency's records system). */
  ref: string;
  /** Lowercase hex sha256 of the document's bytes. */
  sha256: string;
  description?: string;
}

/** What the shell (handler) attaches to every event it appends. */
export interface EventMetadata {
  occurredAt: string; // ISO 8601, when the action happened, from the officer
  actor: Actor;
  orgUnit: string; // org unit code the action belongs to (a commune, or the district)
  commandId: string;
  correlationId: string;
  causationId: string;
  evidence: EvidenceRef[];
}

/** An event to append: its id is chosen by the writer (client-sent or generated), never by the store. */
export interface NewEvent<T extends string = string, D = unknown> {
  id: string; // UUID
  type: T;
  schemaVersion: number;
  data: D;
  metadata: EventMetadata;
}

/** An event as read back from any store. */
export interface RecordedEvent<T extends string = string, D = unknown> extends NewEvent<T, D> {
  stream: string;
  /** 0-based index of the event within its stream. */
  revision: number;
  /** Global commit order, strictly increasing across the whole store. */
  position: number;
  /** Server clock at append, ISO 8601. */
  recordedAt: string;
  /** Hash of the previous event of the same stream; null for revision 0. */
  prevHash: string | null;
  /** sha256 over the canonical content of this event including prevHash (see libs/event-store hash.ts). */
  hash: string;
}

/** A domain event as deciders see it: a discriminated union member. */
export interface DomainEvent<T extends string = string, D = unknown> {
  type: T;
  data: D;
}
