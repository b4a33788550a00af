import { Module } from '@nestjs/common';
import { VerifiableLogHttpController } from './verifiable-log.http.controller';
import { VerifiableLogModule } from './verifiable-log.module';

@Module({ imports: [VerifiableLogModule], controllers: [VerifiableLogHttpController] })
export class VerifiableLogHttpModule {}
