import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { EventForm } from '../reporting/queries/get-event/get-event.query';

export const EVENT_FORMS: readonly EventForm[] = ['opened', 'sealed'];

/** Which form of an event to serve: opened for reading (the default), sealed to recompute its hash. */
export class EventFormRequest {
  @ApiPropertyOptional({
    enum: EVENT_FORMS,
    description:
      'opened (default): personal data opened for you, older schema versions upcast. sealed: the event exactly ' +
      'as stored and hashed (personal data sealed, its own schema version): sha256 of the canonical JSON of ' +
      '{id, type, schemaVersion, stream, revision, recordedAt, metadata, data, prevHash} is its hash',
  })
  @IsOptional()
  @IsIn(EVENT_FORMS, { message: 'form must be opened or sealed' })
  form?: EventForm;
}
