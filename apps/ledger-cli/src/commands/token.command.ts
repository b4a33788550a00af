// token: issues a signed token (HS256 JWT) for an officer. The api does not check tokens yet (issue 5).
import { issueToken, loadConfig, loadTokenSecret, parseTtl } from '@ledger/ledger';
import { parseArgs, UsageError, type CliCommand } from '../args';

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;
const ROLES = ['officer', 'supervisor', 'inspector', 'viewer', 'admin'];

export const tokenCommand: CliCommand = {
  name: 'token',
  summary: 'Issue a signed token for an officer.',
  help: `Usage: npm run cli -- token --officer ID --agency CODE --role ROLE[,ROLE] [--org-unit CODE[,CODE]] [--ttl 8h]

Prints a signed token (JWT, HS256) with the claims sub (officer), agency, orgUnits, roles, iat and exp.
  --role      ${ROLES.join(', ')} (several separated by commas)
  --org-unit  org units the officer acts for (default: none)
  --ttl       lifetime like 45m, 8h, 30d (default 8h)
The secret is LEDGER_TOKEN_SECRET (32+ bytes), else a key generated on first use into
<LEDGER_DATA_DIR>/secrets/token.key (mode 0600). The api does not check tokens yet.`,
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
    if (roles.length === 0 || roles.some((r) => !ROLES.includes(r)))
      throw new UsageError(`token: --role must be one or more of ${ROLES.join(', ')}`);
    const orgUnits = (options['--org-unit'] ?? '').split(',').filter((u) => u !== '');
    if (orgUnits.some((u) => !CODE.test(u))) throw new UsageError('token: --org-unit must be org unit codes');
    const ttlSeconds = parseTtl(options['--ttl'] ?? '8h');
    if (ttlSeconds === undefined) throw new UsageError('token: --ttl must be like 45m, 8h or 30d');
    const config = loadConfig();
    const secret = loadTokenSecret(config.tokenSecret, config.dataDir);
    console.log(
      issueToken({ sub: officer, agency, orgUnits, roles }, secret, { ttlSeconds, now: new Date() }),
    );
    return Promise.resolve(0);
  },
};
