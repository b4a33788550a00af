// The one handler of every action command (housing, remains, training and the one-off actions).
import { Module } from '@nestjs/common';
import { RecordActionHandler } from './record-action.handler';

@Module({ providers: [RecordActionHandler] })
export class ActionCommandsModule {}
