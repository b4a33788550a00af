import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { LOG_SIGNING_KEY, type LogSigningKey } from '../../verifiable-log/log-signing-key';
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
