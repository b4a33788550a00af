// The kinds of request field an action may ask for, with the pattern each text kind must match and the exact
// message a request is refused with. `$property` is the field's name (class-validator's placeholder).

import { INDICATOR_KEY_PATTERN, INDICATOR_KEY_RULE } from '../shared/indicator-key';

export const FIELD_TYPES = [
  'text',
  'personName',
  'phone',
  'citizenId',
  'orgUnitCode',
  'programmeCode',
  'indicatorKey',
  'facilityCode',
  'reference',
  'uuid',
  'period',
  'enum',
  'integer',
  'number',
  'moneyVnd',
] as const;

export type FieldType = (typeof FIELD_TYPES)[number];

export interface PatternRule {
  pattern: RegExp;
  message: string;
}

/** Mobile 0[35789]xxxxxxxx or landline 02xxxxxxxxx, with +84 in place of the leading 0. */
export const VIETNAMESE_PHONE = /^(?:\+84|0)(?:[35789]\d{8}|2\d{9})$/;
export const ORG_UNIT_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;
export const CITIZEN_ID = /^\d{12}$/;
export const PERIOD = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/;

/** The text kinds checked by one pattern. */
export const PATTERN_RULES = {
  phone: {
    pattern: VIETNAMESE_PHONE,
    message: '$property must be a Vietnamese phone number such as 0912345678',
  },
  citizenId: { pattern: CITIZEN_ID, message: '$property must be a 12-digit citizen id (CCCD)' },
  orgUnitCode: { pattern: ORG_UNIT_CODE, message: '$property must be an org unit code' },
  programmeCode: {
    pattern: /^[a-z0-9-]{2,40}$/,
    message: '$property must be a programme code (a-z, 0-9, -)',
  },
  indicatorKey: { pattern: INDICATOR_KEY_PATTERN, message: `$property must be ${INDICATOR_KEY_RULE}` },
  facilityCode: {
    pattern: /^(?!\d{12}$)[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/,
    message: '$property must be a facility code (2-64 letters, digits, . _ -), never a citizen id',
  },
  reference: {
    pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/,
    message: '$property must be 1-100 letters, digits, dot, underscore or -',
  },
  period: { pattern: PERIOD, message: '$property must be YYYY, YYYY-MM or YYYY-Qn' },
} as const satisfies Partial<Record<FieldType, PatternRule>>;

/** A person's name: 1 to 200 characters, not blank. */
export const PERSON_NAME = {
  maxLength: 200,
  textMessage: '$property must be a text',
  lengthMessage: '$property must be 1 to 200 characters',
  blankMessage: '$property must not be blank',
} as const;

/** Whole dong, above 0, at most 100 billion. */
export const MONEY_VND = { min: 1, max: 100_000_000_000 } as const;

export const messageFor = (template: string, field: string): string => template.replace('$property', field);
