import { Module } from '@nestjs/common';
import { CorrectEventHttpController } from './commands/correct-event/correct-event.http.controller';
import { CorrectionsModule } from './corrections.module';

@Module({ imports: [CorrectionsModule], controllers: [CorrectEventHttpController] })
export class CorrectionsHttpModule {}
