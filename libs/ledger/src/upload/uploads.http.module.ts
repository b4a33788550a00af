// Registers uploaded over HTTP (templates, preview, upload) over the upload service.
import { Module } from '@nestjs/common';
import { UploadModule } from './upload.module';
import { UploadsHttpController } from './uploads.http.controller';

@Module({ imports: [UploadModule], controllers: [UploadsHttpController] })
export class UploadsHttpModule {}
