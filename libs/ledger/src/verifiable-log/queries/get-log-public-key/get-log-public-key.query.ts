import { Query } from '@nestjs/cqrs';

export interface LogPublicKeyView {
  algorithm: 'Ed25519';
  /** SPKI PEM. */
  publicKeyPem: string;
  /** SHA-256 of the SPKI DER, lowercase hex: the logId of every head this key signs. */
  keyId: string;
}

export class GetLogPublicKeyQuery extends Query<LogPublicKeyView> {}
