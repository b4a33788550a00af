import { loggedPath, maskCitizenIds, requestIdFrom } from './access-log';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('access log', () => {
  it('keeps a sane incoming request id and replaces anything else with a new UUID', () => {
    for (const kept of [
      'abc',
      'proxy-7f3a.42',
      '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      'a:b_c',
    ])
      expect(requestIdFrom(kept)).toBe(kept);
    expect(requestIdFrom(['first-id', 'second-id'])).toBe('first-id');
    for (const replaced of [
      undefined,
      '',
      'has space',
      '-leading-dash',
      'x'.repeat(101),
      'line\nbreak',
      'tên-tiếng-việt',
      'ref-058200007001',
      '{"json":1}',
    ])
      expect(requestIdFrom(replaced)).toMatch(UUID);
    expect(requestIdFrom(undefined)).not.toBe(requestIdFrom(undefined));
  });

  it('masks citizen ids and keeps only allow-listed query values', () => {
    expect(maskCitizenIds('/beneficiaries/058200007001/history')).toBe('/beneficiaries/############/history');
    expect(maskCitizenIds('/x/1234567890123')).toBe('/x/1234567890123');
    expect(loggedPath('/trail?orgUnit=KH-BAC-AI&beneficiary=058200007001&reason=abc')).toBe(
      '/trail?orgUnit=KH-BAC-AI&beneficiary=-&reason=-',
    );
    expect(loggedPath('/a\nb')).toBe('/a\\u000ab');
  });
});
