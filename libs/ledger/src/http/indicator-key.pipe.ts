import { Injectable, type PipeTransform } from '@nestjs/common';
import { INDICATOR_KEY_RULE, isIndicatorKey } from '@ledger/domain';
import { ValidationFailedError } from '..';

/** Indicator keys in paths are the seeds' snake_case keys; anything else is a 400 naming the parameter. */
@Injectable()
export class IndicatorKeyPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isIndicatorKey(value)) {
      throw new ValidationFailedError([
        { field: 'key', message: `path parameter key must be ${INDICATOR_KEY_RULE}` },
      ]);
    }
    return value;
  }
}
