// The handlers of the recorded actions (housing, remains, training and the one-off actions).
import { Module, type Type } from '@nestjs/common';
import * as commands from '.';

const commandHandlers = Object.values(commands).filter(
  (value) => typeof value === 'function' && value.name.endsWith('Handler'),
) as Type<unknown>[];

@Module({ providers: commandHandlers })
export class ActionCommandsModule {}
