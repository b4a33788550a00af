// Evidence bundles (`ledger-cli evidence` / `check-evidence`): a selection of events with everything needed
// to check them with no access to the ledger: each event as stored (its hash is recomputed from its
// content), its inclusion proof against the latest signed head, every signed head with the consistency
// proofs that chain them into one log, the log's public key, and the versions of the projections whose
// documents the selection was read from.
//
// The proofs bind the events and the heads; the seal binds the rest (selection, versions, time): an
// Ed25519 signature by the log key over a domain-separated digest of the canonical JSON of everything
// else. Its signed bytes ("policy-ledger-evidence/1\n" + 32 bytes) can never be mistaken for a tree head's
// 50 bytes. So a bundle edited anywhere fails its check.
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { localDayOf, type RecordedEvent } from '@ledger/domain';
import { canonicalJson, hashEvent } from '@ledger/event-store';
import {
  logKeyId,
  verifyEventInclusion,
  verifySignedHeadsConsistent,
  verifyTreeHead,
  type SignedTreeHead,
} from '@ledger/verifiable-log';

export const EVIDENCE_FORMAT = 'policy-ledger-evidence/1';

export interface EvidenceSelection {
  /** Inclusive dates (YYYY-MM-DD) of the actions (metadata.occurredAt, as recorded). */
  from: string;
  to: string;
  agency?: string;
}

export interface EvidenceEvent {
  event: RecordedEvent;
  leafIndex: number;
  /** Inclusion proof against `heads[proofHead]`. */
  proof: string[];
}

export interface EvidenceConsistency {
  /** Indexes into heads: heads[older] is a prefix of heads[newer]. */
  older: number;
  newer: number;
  proof: string[];
}

export interface EvidenceBundle {
  format: typeof EVIDENCE_FORMAT;
  createdAt: string;
  selection: EvidenceSelection;
  publicKeyPem: string;
  keyId: string;
  /** Every signed head, oldest first. */
  heads: SignedTreeHead[];
  /** Index of the head every inclusion proof is against (the latest). */
  proofHead: number;
  consistency: EvidenceConsistency[];
  projectionVersions: Record<string, number>;
  events: EvidenceEvent[];
  seal?: { keyId: string; signature: string };
}

export type UnsealedEvidenceBundle = Omit<EvidenceBundle, 'seal'>;

export function sealEvidenceBundle(bundle: UnsealedEvidenceBundle, privateKey: KeyObject): EvidenceBundle {
  const signature = sign(null, sealBytes(bundle), privateKey).toString('base64');
  return { ...bundle, seal: { keyId: logKeyId(createPublicKey(privateKey)), signature } };
}

export interface EvidenceCheck {
  ok: boolean;
  /** Every problem found, each naming where. */
  problems: string[];
  events: number;
  heads: number;
}

/**
 * Checks a bundle as read from a file (anything: it is validated). `trustedPublicKeyPem`: the key the
 * checker got from the log's operator; without it the bundle's own key is used, and its keyId is what the
 * checker should compare with the published one.
 */
export function checkEvidenceBundle(input: unknown, trustedPublicKeyPem?: string): EvidenceCheck {
  const problems: string[] = [];
  const bundle = input as Partial<EvidenceBundle> | null;
  const fail = (problem: string): EvidenceCheck => ({ ok: false, problems: [problem], events: 0, heads: 0 });
  if (typeof bundle !== 'object' || bundle === null) return fail('the bundle is not a JSON object');
  if (bundle.format !== EVIDENCE_FORMAT) return fail(`format: not ${EVIDENCE_FORMAT}`);
  if (typeof bundle.publicKeyPem !== 'string') return fail('publicKeyPem: missing');
  let key: KeyObject;
  try {
    key = createPublicKey(trustedPublicKeyPem ?? bundle.publicKeyPem);
  } catch (error) {
    return fail(`public key: cannot be read: ${String(error)}`);
  }
  if (key.asymmetricKeyType !== 'ed25519') return fail('public key: not Ed25519');
  const keyId = logKeyId(key);
  if (bundle.keyId !== keyId) problems.push('keyId: not the id of the public key');
  if (trustedPublicKeyPem && logKeyId(bundle.publicKeyPem) !== keyId)
    problems.push('publicKeyPem: not the trusted public key');

  const heads = Array.isArray(bundle.heads) ? bundle.heads : [];
  if (heads.length === 0) problems.push('heads: none');
  heads.forEach((head, i) => {
    const result = verifyTreeHead(head, key);
    if (!result.ok) problems.push(`heads[${i}]: ${result.reason}`);
  });
  const consistency = Array.isArray(bundle.consistency) ? bundle.consistency : [];
  for (let i = 1; i < heads.length; i++) {
    const link = consistency.find((c) => c?.older === i - 1 && c?.newer === i);
    if (!link) {
      problems.push(`consistency: no proof that heads[${i - 1}] is a prefix of heads[${i}]`);
      continue;
    }
    const result = verifySignedHeadsConsistent({
      older: heads[i - 1],
      newer: heads[i],
      proof: link.proof,
      publicKey: key,
    });
    if (!result.ok) problems.push(`consistency heads[${i - 1}]..heads[${i}]: ${result.reason}`);
  }

  const proofHead = typeof bundle.proofHead === 'number' ? heads[bundle.proofHead] : undefined;
  if (!proofHead) problems.push('proofHead: not one of the heads');
  const events = Array.isArray(bundle.events) ? bundle.events : [];
  if (!Array.isArray(bundle.events)) problems.push('events: not a list');
  const selection = bundle.selection;
  events.forEach((entry, i) => {
    const event = entry?.event;
    if (!event || typeof event !== 'object') return problems.push(`events[${i}]: no event`);
    let recomputed: string;
    try {
      recomputed = hashEvent(event);
    } catch (error) {
      return problems.push(`events[${i}] (position ${String(event.position)}): ${String(error)}`);
    }
    const where = `events[${i}] (position ${event.position}, id ${event.id})`;
    if (recomputed !== event.hash) problems.push(`${where}: its content does not give its hash`);
    if (proofHead) {
      const result = verifyEventInclusion(
        event.hash,
        entry.leafIndex,
        proofHead.treeSize,
        entry.proof,
        proofHead.rootHash,
      );
      if (!result.ok) problems.push(`${where}: inclusion: ${result.reason}`);
    }
    if (selection && !inSelection(event, selection)) problems.push(`${where}: outside the selection`);
  });

  const seal = bundle.seal;
  if (!seal || typeof seal.signature !== 'string') problems.push('seal: missing');
  else {
    const { seal: _omitted, ...rest } = bundle as EvidenceBundle;
    let sealed = false;
    try {
      sealed = verify(null, sealBytes(rest), key, Buffer.from(seal.signature, 'base64'));
    } catch {
      sealed = false;
    }
    if (!sealed) problems.push('seal: the signature does not match the bundle (edited after it was made)');
    if (seal.keyId !== keyId) problems.push('seal: keyId is not the id of the public key');
  }
  return { ok: problems.length === 0, problems, events: events.length, heads: heads.length };
}

export function inSelection(event: RecordedEvent, selection: EvidenceSelection): boolean {
  const day = localDayOf(String(event.metadata?.occurredAt ?? '')) ?? '';
  if (day < selection.from || day > selection.to) return false;
  return selection.agency === undefined || event.metadata?.actor?.agency === selection.agency;
}

function sealBytes(bundle: UnsealedEvidenceBundle): Buffer {
  const digest = createHash('sha256').update(canonicalJson(bundle), 'utf8').digest();
  return Buffer.concat([Buffer.from(`${EVIDENCE_FORMAT}\n`, 'utf8'), digest]);
}
