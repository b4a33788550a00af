// Request fields that several actions ask for in the same words.
import { REQUEST_EXAMPLES } from '../plan/request-examples';
import type { Label, RequestField } from './action-descriptor';

const CITIZEN_ID_HELP = 'Citizen id (CCCD, 12 digits). Never stored: only its HMAC reference is recorded.';

/** A citizen id that the shell turns into the pseudonymous reference `storedAs`. */
export function citizenIdField(name: string, storedAs: string, label: Label, whose?: string): RequestField {
  return {
    name,
    type: 'citizenId',
    required: true,
    example: '058123456789',
    label,
    help: whose
      ? `Citizen id (CCCD, 12 digits) of ${whose}. Never stored: only its HMAC reference is recorded.`
      : CITIZEN_ID_HELP,
    storedAs,
  };
}

export function communeField(example: string = REQUEST_EXAMPLES.commune): RequestField {
  return {
    name: 'commune',
    type: 'orgUnitCode',
    required: true,
    example,
    label: { vi: 'Xã', en: 'Commune' },
    help: 'Org unit code of the commune',
  };
}

/** The optional id of a new stream: a UUID that defaults to the event id. */
export function newIdField(name: string, what: string): RequestField {
  return {
    name,
    type: 'uuid',
    required: false,
    newId: true,
    example: '5d1f0b1e-2c3a-4b6d-9e8f-0a1b2c3d4e5f',
    documentExample: false,
    label: { vi: 'Mã hồ sơ', en: 'Id' },
    help: `Id of the new ${what}; defaults to the event id`,
  };
}

export function programmeField(example: string): RequestField {
  return {
    name: 'programme',
    type: 'programmeCode',
    required: true,
    example,
    label: { vi: 'Chương trình', en: 'Programme' },
  };
}

export function moneyField(name: string, example: number, label: Label, help: string): RequestField {
  return { name, type: 'moneyVnd', required: true, example, label, help };
}

export function textField(name: string, maxLength: number, example: string, label: Label): RequestField {
  return { name, type: 'text', required: true, maxLength, example, label };
}

export function enumField(
  name: string,
  values: readonly string[],
  label: Label,
  help?: string,
): RequestField {
  return {
    name,
    type: 'enum',
    required: true,
    values,
    example: values[0],
    label,
    ...(help ? { help } : {}),
  };
}

export const caseIdLabel: Label = { vi: 'Mã hồ sơ', en: 'Case id' };
export const communeLabel: Label = { vi: 'Xã', en: 'Commune' };
