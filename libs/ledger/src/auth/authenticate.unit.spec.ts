// From an Authorization header to the principal: through the ACCESS_TOKENS port, the session of a signed-in
// token carried over, and the plan's codes and the roles four eyes keep apart checked.
import { AuthenticationRequiredError } from '../errors/ledger-errors';
import { authenticate, type KnownCodes } from './authenticate';
import { JoseAccessTokens } from './jose-access-tokens';
import { configuredKeyRing } from './token-key-ring';

const tokens = new JoseAccessTokens(configuredKeyRing('unit-test-token-secret-of-32-bytes-or-more'), {
  issuer: 'policy-ledger',
  audience: 'policy-ledger-api',
  keyGraceSeconds: 86_400,
});
const known: KnownCodes = { agencies: new Set(['LDTBXH']), orgUnits: new Set(['PHUOC-DAI']) };
const claims = { sub: 'nguyen.van.a', agency: 'LDTBXH', orgUnits: ['PHUOC-DAI'], roles: ['officer'] };
const now = new Date();
const bearer = async (extra: Partial<typeof claims> & { sid?: string } = {}) =>
  `Bearer ${await tokens.issue({ ...claims, ...extra }, { ttlSeconds: 900, now })}`;

describe('authenticate', () => {
  it('gives the principal of a signed-in token with its session, and of a service token without one', async () => {
    expect(await authenticate(await bearer({ sid: 'session-7' }), tokens, now, known)).toEqual({
      officer: 'nguyen.van.a',
      agency: 'LDTBXH',
      orgUnits: ['PHUOC-DAI'],
      roles: ['officer'],
      session: 'session-7',
    });
    const service = await authenticate(await bearer(), tokens, now, known);
    expect(service?.officer).toBe('nguyen.van.a');
    expect(service && 'session' in service).toBe(false);
    expect(await authenticate(undefined, tokens, now, known)).toBeNull();
  });

  it('refuses with 401 a malformed header, a token that does not verify, unknown codes and mixed roles', async () => {
    const refused = async (header: string) =>
      authenticate(header, tokens, now, known).then(
        () => 'accepted',
        (error: unknown) => (error instanceof AuthenticationRequiredError ? error.message : String(error)),
      );
    expect(await refused('Basic abc')).toContain('Bearer');
    expect(await refused('Bearer a.b.c')).toContain('token');
    expect(await refused(await bearer({ agency: 'UBND' }))).toContain('not an agency of the plan');
    expect(await refused(await bearer({ orgUnits: ['PHUOC-X'] }))).toContain('not an org unit of the plan');
    expect(await refused(await bearer({ roles: ['officer', 'inspector'] }))).toContain('refused');
    expect(await refused(await bearer({ roles: ['king'] }))).toContain('known roles');
  });
});
