// token: issues a service token (a JWT through the ACCESS_TOKENS implementation) for a machine or an
// officer without an account; the api checks it on every route like a sign-in token.
import { refuseRoleMix, ROLES, type Role } from '@ledger/domain';
import {
  accessTokensFor,
  loadConfig,
  MAX_TOKEN_TTL_SECONDS,
  parseTtl,
  readSeedFiles,
  TOKEN_CODE,
} from '@ledger/ledger';
import { parseArgs, UsageError, type CliCommand } from '../args';

const CODE = TOKEN_CODE;
const MAX_DAYS = MAX_TOKEN_TTL_SECONDS / 86_400;

export const tokenCommand: CliCommand = {
  name: 'token',
  summary: 'Issue a service token (machines, service accounts).',
  help: `Usage: npm run cli -- token --officer ID --agency CODE --role ROLE[,ROLE] [--org-unit CODE[,CODE]] [--ttl 8h]

Prints a service token for a machine or a service account: a JWT (HS256, the key id in its header kid)
with the claims iss, aud, sub (officer), agency, orgUnits, roles, iat, nbf, exp and jti, and no session
(sid): it cannot be revoked before it expires, so keep its lifetime short. People sign in instead
(POST /auth/login) and get 15-minute tokens with a session.
  --agency    an agency of the plan folder (LEDGER_SEED_DIR, default seeds/)
  --role      ${ROLES.join(', ')} (several separated by commas); roles that four eyes keep apart
              are refused together (inspector with officer or supervisor; admin with any of those);
              see README "Access control"
  --org-unit  org units the officer acts for, each covering the units below it
              (default: the org unit the agency serves)
  --ttl       lifetime like 45m, 8h, 30d (default 8h, at most ${MAX_DAYS}d: the api refuses longer ones)
The key is LEDGER_TOKEN_SECRET (32+ bytes) when set, else the newest key of the ring in
<LEDGER_DATA_DIR>/secrets/token-keys.json (made on first use, mode 0600; \`token-key rotate\` adds one):
the api must use the same. iss and aud come from LEDGER_TOKEN_ISSUER and LEDGER_TOKEN_AUDIENCE.

Example: npm run -s cli -- token --officer nguyen-van-a --agency UBND-PHUOC-DAI --role officer`,
  async run(args) {
    const { options } = parseArgs('token', args, {
      options: ['--officer', '--agency', '--role', '--org-unit', '--ttl'],
    });
    const officer = options['--officer'];
    const agency = options['--agency'];
    if (!officer || !CODE.test(officer))
      throw new UsageError('token: --officer ID is required (2-64 letters, digits, . _ -)');
    if (!agency || !CODE.test(agency))
      throw new UsageError('token: --agency CODE is required (2-64 letters, digits, . _ -)');
    const roles = (options['--role'] ?? '').split(',').filter((r) => r !== '');
    if (roles.length === 0 || roles.some((r) => !(ROLES as readonly string[]).includes(r)))
      throw new UsageError(`token: --role must be one or more of ${ROLES.join(', ')}`);
    const mixed = refuseRoleMix(roles as Role[]);
    if (mixed) throw new UsageError(`token: --role ${roles.join(',')}: ${mixed}`);
    const ttlSeconds = parseTtl(options['--ttl'] ?? '8h');
    if (ttlSeconds === undefined)
      throw new UsageError(`token: --ttl must be like 45m, 8h or 30d, and at most ${MAX_DAYS}d`);
    const config = loadConfig();
    const seed = readSeedFiles(config.seedDir);
    const known = seed.agencies.find((a) => a.code === agency);
    if (!known)
      throw new UsageError(`token: --agency ${agency} is not an agency of the plan in ${config.seedDir}`);
    const units = new Set(seed.orgUnits.map((u) => u.code));
    const orgUnits = (options['--org-unit'] ?? known.orgUnit).split(',').filter((u) => u !== '');
    const unknown = orgUnits.filter((u) => !units.has(u));
    if (unknown.length > 0)
      throw new UsageError(`token: --org-unit ${unknown.join(', ')} is not an org unit of the plan`);
    const token = await accessTokensFor(config).issue(
      { sub: officer, agency, orgUnits, roles },
      { ttlSeconds },
    );
    console.log(token);
    return 0;
  },
};
