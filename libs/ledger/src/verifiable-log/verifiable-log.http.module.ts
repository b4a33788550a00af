import { Module } from '@nestjs/common';
import { ReadScope } from '../http/read-scope';
import { VerifiableLogHttpController } from './verifiable-log.http.controller';
import { VerifiableLogModule } from './verifiable-log.module';

@Module({
  imports: [VerifiableLogModule],
  controllers: [VerifiableLogHttpController],
  providers: [ReadScope],
})
export class VerifiableLogHttpModule {}
