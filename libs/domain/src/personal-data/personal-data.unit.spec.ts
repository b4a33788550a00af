import { specFor } from '../testing/decider-spec';
import { housingCaseAggregate } from '../housing/housing.aggregate';
import type { RegisterHousingCase } from '../housing/housing.commands';
import type { Principal } from '../access/principal';
import type { WritePolicyContext, WriteRequest } from '../access/write-policy';
import { DomainError } from '../shared/domain-error';
import {
  decidePersonalDataErasure,
  PERSONAL_DATA_ERASED,
  personalDataStream,
  personalDataWriteRule,
} from './personal-data-erasure';
import { isSealedPersonalData, type SealedPersonalData } from './sealed-personal-data';

const spec = specFor(housingCaseAggregate);
const householdRef = 'b-0123456789abcdef0123456789abcdef';
const sealed: SealedPersonalData = {
  sealed: 'pd1',
  person: householdRef,
  iv: 'AAECAwQFBgcICQoL',
  data: 'c2VhbGVkIGJ5dGVz',
  tag: 'AAECAwQFBgcICQoLDA0ODw==',
};
const register = (over: Partial<RegisterHousingCase> = {}): RegisterHousingCase => ({
  type: 'RegisterHousingCase',
  caseId: 'HC-1',
  householdRef,
  commune: 'PHUOC-DAI',
  category: 'poor',
  occurredAt: '2024-01-10',
  now: '2024-06-30T10:00:00+07:00',
  ...over,
});
const base = { caseId: 'HC-1', householdRef, commune: 'PHUOC-DAI', category: 'poor' };

describe('personal data on a housing case registration', () => {
  it('registers without personal data, as before (old events stay valid)', () =>
    spec.given().when(register()).then({ type: 'HousingCaseRegistered', data: base }));

  it('carries a sealed object as it came, without looking inside', () =>
    spec
      .given()
      .when(register({ personal: sealed }))
      .then({ type: 'HousingCaseRegistered', data: { ...base, personal: sealed } }));

  it.each([
    ['a name in clear', { householdHeadName: 'Nguyễn Văn A' }],
    ['a string', 'Nguyễn Văn A'],
    ['another version', { ...sealed, sealed: 'pd0' }],
    ['an extra field', { ...sealed, name: 'Nguyễn Văn A' }],
    ['a short nonce', { ...sealed, iv: 'AAEC' }],
    ['a tag that is not base64', { ...sealed, tag: 'not base64 at all!!!!!!!' }],
  ])('refuses %s as personal data', (_, personal) =>
    spec
      .given()
      .when(register({ personal: personal as never }))
      .thenThrows('PERSONAL_DATA_NOT_SEALED', { kind: 'invalid', field: 'personal' }),
  );

  it('refuses personal data sealed for another person', () =>
    spec
      .given()
      .when(register({ personal: { ...sealed, person: 'b-ffffffffffffffffffffffffffffffff' } }))
      .thenThrows('PERSONAL_DATA_OF_ANOTHER_PERSON', { kind: 'invalid', field: 'personal' }));

  it('recognizes sealed objects by shape only', () => {
    expect(isSealedPersonalData(sealed)).toBe(true);
    expect(isSealedPersonalData({ ...sealed, extra: 1 })).toBe(false);
    expect(isSealedPersonalData([sealed])).toBe(false);
    expect(isSealedPersonalData(null)).toBe(false);
  });
});

describe('erasure of a person', () => {
  const reason = 'Đơn yêu cầu xoá dữ liệu số 12/2026 của chủ hộ';

  it('given nothing, when erased, then PersonalDataErased with no personal data in it', () => {
    expect(decidePersonalDataErasure({ personRef: householdRef, reason: `  ${reason} ` }, [])).toEqual([
      { type: PERSONAL_DATA_ERASED, data: { personRef: householdRef, reason } },
    ]);
  });

  it('given an erasure, when erased again, then nothing new', () => {
    expect(
      decidePersonalDataErasure({ personRef: householdRef, reason }, [{ type: PERSONAL_DATA_ERASED }]),
    ).toEqual([]);
  });

  it.each([
    [{ personRef: '058200000001', reason }, 'personRef'],
    [{ personRef: householdRef, reason: 'because' }, 'reason'],
  ])('refuses %p', (request, field) => {
    let error: unknown;
    try {
      decidePersonalDataErasure(request, []);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).field).toBe(field);
  });

  describe('who may erase', () => {
    const who = (roles: Principal['roles']): Principal => ({
      officer: 'x',
      agency: 'UBND-BAC-AI',
      orgUnits: ['NT-BAC-AI'],
      roles,
    });
    const erasure = (stream = personalDataStream(householdRef)): WriteRequest => ({
      stream,
      aggregate: undefined,
      orgUnit: 'NT-BAC-AI',
      events: [{ type: PERSONAL_DATA_ERASED, data: { personRef: householdRef, reason } }],
    });
    const context = {} as WritePolicyContext;

    it('an admin', () => expect(personalDataWriteRule(who(['admin']), erasure(), context)).toBeNull());

    it.each([['officer'], ['supervisor'], ['inspector'], ['viewer']] as const)('not an %s', (role) =>
      expect(personalDataWriteRule(who([role]), erasure(), context)).toMatchObject({ code: 'FORBIDDEN' }),
    );

    it("not into another person's stream, nor other events into the erasure stream", () => {
      expect(
        personalDataWriteRule(who(['admin']), erasure(personalDataStream('b-' + 'f'.repeat(32))), context),
      ).toMatchObject({ code: 'FORBIDDEN' });
      expect(
        personalDataWriteRule(
          who(['admin']),
          { ...erasure(), events: [{ type: 'HouseHandedOver', data: {} }] },
          context,
        ),
      ).toMatchObject({ code: 'FORBIDDEN' });
    });

    it('says nothing about other writes', () =>
      expect(
        personalDataWriteRule(
          who(['officer']),
          { ...erasure('housing-case-1'), events: [{ type: 'HouseHandedOver', data: {} }] },
          context,
        ),
      ).toBeUndefined());
  });
});
