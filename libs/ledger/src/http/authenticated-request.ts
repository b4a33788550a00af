import type { Request } from 'express';
import type { Principal } from '@ledger/domain';

/** A request after the access guard: the verified principal, absent on a public route called without a token. */
export type AuthenticatedRequest = Request & { principal?: Principal };
