// The one handler of every action command (housing, remains, training and the one-off actions).
import { Module } from '@nestjs/common';
import { ActionExecuteRequests } from './action-execute-request';
import { RecordActionHandler } from './record-action.handler';

@Module({ providers: [ActionExecuteRequests, RecordActionHandler] })
export class ActionCommandsModule {}
