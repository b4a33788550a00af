import { DomainError } from '../shared/domain-error';
import { requirePrintableName } from './person-name';

describe('a recorded name is printable text', () => {
  it.each(['Pi Năng Thị Hoa', 'Chamaléa Văn Tư', 'Nguyễn Thị Ánh Tuyết'.normalize('NFD'), "K'Ho Ma Lý"])(
    'accepts %s',
    (name) => expect(() => requirePrintableName(name, 'householdHeadName')).not.toThrow(),
  );

  it.each([
    ['NUL', 'A\u0000B'],
    ['newline', 'A\nB'],
    ['tab', 'A\tB'],
    ['DEL', 'A\u007fB'],
    ['C1 control', 'A\u0085B'],
    ['right-to-left override', 'A\u202eB'],
    ['left-to-right embedding', '\u202aAB'],
    ['pop directional formatting', 'AB\u202c'],
    ['isolate', 'A\u2066B\u2069'],
    ['right-to-left mark', 'A\u200fB'],
  ])('refuses a %s, naming the field', (_what, name) => {
    let error: unknown;
    try {
      requirePrintableName(name, 'householdHeadName');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).field).toBe('householdHeadName');
  });
});
