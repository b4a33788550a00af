// The write routes of the martyrs' remains actions, made from their descriptors; their one handler is in
// ActionCommandsModule.
import { Module } from '@nestjs/common';
import { ActionCommandsModule } from '../actions/action-commands.module';
import { actionControllers } from '../actions/action-controller.factory';

@Module({ imports: [ActionCommandsModule], controllers: actionControllers('remains') })
export class RemainsHttpModule {}
