import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { LogSigningKey } from '../../log-signing-key';
import { LOG_SIGNING_KEY } from '../../verifiable-log.di-tokens';
import { GetLogPublicKeyQuery, type LogPublicKeyView } from './get-log-public-key.query';

@QueryHandler(GetLogPublicKeyQuery)
export class GetLogPublicKeyHandler implements IQueryHandler<GetLogPublicKeyQuery> {
  constructor(@Inject(LOG_SIGNING_KEY) private readonly key: LogSigningKey) {}

  execute(): Promise<LogPublicKeyView> {
    return Promise.resolve({
      algorithm: 'Ed25519',
      publicKeyPem: this.key.publicKeyPem,
      keyId: this.key.keyId,
    });
  }
}
