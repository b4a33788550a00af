import { Injectable, type PipeTransform } from '@nestjs/common';
import { ValidationFailedError } from '..';

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;

/** Org unit and agency codes in paths; anything else is a 400 naming the parameter. */
@Injectable()
export class CodeParamPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!CODE.test(value))
      throw new ValidationFailedError([{ field: 'code', message: 'path parameter code must be a code' }]);
    return value;
  }
}
