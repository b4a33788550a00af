// The upload of registers, for the api and the CLI: the service records rows through the CommandBus, so the
// process must also load ActionCommandsModule (both do).
import { Module } from '@nestjs/common';
import { UploadService } from './upload.service';

@Module({ providers: [UploadService], exports: [UploadService] })
export class UploadModule {}
