import { Injectable, type PipeTransform } from '@nestjs/common';
import { ValidationFailedError } from '..';

const INDICATOR_KEY = /^[a-z][a-z0-9_]{1,63}$/;

/** Indicator keys in paths are the seeds' snake_case keys; anything else is a 400 naming the parameter. */
@Injectable()
export class IndicatorKeyPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!INDICATOR_KEY.test(value)) {
      throw new ValidationFailedError([
        { field: 'key', message: 'path parameter key must be an indicator key' },
      ]);
    }
    return value;
  }
}
