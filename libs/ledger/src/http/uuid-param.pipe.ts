import { Injectable, type PipeTransform } from '@nestjs/common';
import { ValidationFailedError } from '..';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids in paths (cases, events) are UUIDs; anything else is a 400 naming the path parameter. */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value))
      throw new ValidationFailedError([{ field: 'id', message: 'path parameter id must be a UUID' }]);
    return value.toLowerCase();
  }
}
