// Corrections: an officer proposes a correction of a recorded event (a second person approves it in four eyes).
import { Module } from '@nestjs/common';
import { CorrectEventHandler } from './commands/correct-event/correct-event.handler';

@Module({ providers: [CorrectEventHandler] })
export class CorrectionsModule {}
