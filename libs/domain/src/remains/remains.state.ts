import type { IdentificationMethod, RemainsCaseOutcome } from './remains.commands';

export interface OpenedRemainsCase {
  status: 'open' | 'closed';
  caseId: string;
  site: string;
  commune: string;
  openedAt?: string;
  recovery?: { setsOfRemains: number; recoveredAt?: string };
  identification?: { method: IdentificationMethod; martyrRecordRef: string; identifiedAt?: string };
  reburial?: { cemetery: string; reburiedAt?: string };
  closure?: { outcome: RemainsCaseOutcome; closedAt?: string };
}

export type RemainsCaseState = { status: 'not_opened' } | OpenedRemainsCase;

export const initialRemainsCaseState: RemainsCaseState = { status: 'not_opened' };
