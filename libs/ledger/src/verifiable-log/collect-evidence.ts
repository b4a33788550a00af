// Assembles an evidence bundle (evidence-bundle.ts) from the stores: the selected events, their leaves and
// proofs from the Merkle projection, the kept heads. Used by `ledger-cli evidence`.
import type { RecordedEvent } from '@ledger/domain';
import { consistencyProof, inclusionProof, type SignedTreeHead } from '@ledger/verifiable-log';
import {
  EVIDENCE_FORMAT,
  inSelection,
  sealEvidenceBundle,
  type EvidenceBundle,
  type EvidenceEvent,
  type EvidenceSelection,
} from './evidence-bundle';
import type { LogSigningKey } from './log-signing-key';
import type { MerkleLogReader } from './merkle-log.reader';

export class EvidenceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvidenceError';
  }
}

export async function collectEvidence(input: {
  events: AsyncIterable<RecordedEvent>;
  selection: EvidenceSelection;
  tree: MerkleLogReader;
  heads: readonly SignedTreeHead[];
  key: LogSigningKey;
  projectionVersions: Record<string, number>;
  now: Date;
}): Promise<EvidenceBundle> {
  const { tree, heads } = input;
  const proofHead = heads.length - 1;
  const head = heads[proofHead];
  if (!head)
    throw new EvidenceError(
      'no tree head has been signed yet: sign one first (npm run cli -- sign-head, or POST /ledger/heads while the api runs)',
    );
  const events: EvidenceEvent[] = [];
  for await (const event of input.events) {
    if (!inSelection(event, input.selection)) continue;
    const leaf = await tree.leafAt(event.position);
    if (leaf && leaf.eventId !== event.id)
      throw new EvidenceError(
        `the Merkle tree's leaf at position ${event.position} is event ${leaf.eventId}, not ${event.id}: ` +
          'the read store does not match the event log (npm run cli -- verify)',
      );
    if (!leaf || leaf.leafIndex >= head.treeSize)
      throw new EvidenceError(
        `the event at position ${event.position} is newer than the latest signed head (size ${head.treeSize}): ` +
          'sign a head first (npm run cli -- sign-head, or POST /ledger/heads while the api runs)',
      );
    events.push({
      event,
      leafIndex: leaf.leafIndex,
      proof: await inclusionProof(tree, leaf.leafIndex, head.treeSize),
    });
  }
  const consistency = [];
  for (let i = 1; i < heads.length; i++) {
    consistency.push({
      older: i - 1,
      newer: i,
      proof: await consistencyProof(tree, heads[i - 1].treeSize, heads[i].treeSize),
    });
  }
  const selection: EvidenceSelection = {
    from: input.selection.from,
    to: input.selection.to,
    ...(input.selection.agency !== undefined ? { agency: input.selection.agency } : {}),
  };
  return sealEvidenceBundle(
    {
      format: EVIDENCE_FORMAT,
      createdAt: input.now.toISOString(),
      selection,
      publicKeyPem: input.key.publicKeyPem,
      keyId: input.key.keyId,
      heads: heads.map((h) => ({ ...h })),
      proofHead,
      consistency,
      projectionVersions: input.projectionVersions,
      events,
    },
    input.key.privateKey,
  );
}
