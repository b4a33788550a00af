// The upload of registers, for the api and the CLI: each row becomes the execute request of its action command
// (as the command handler builds it) and goes through the write path's batch of many commands.
import { Module } from '@nestjs/common';
import { ActionExecuteRequests } from '../actions/action-execute-request';
import { UploadService } from './upload.service';

@Module({ providers: [ActionExecuteRequests, UploadService], exports: [UploadService] })
export class UploadModule {}
