// token-key rotate: adds a key to the access-token key ring of the data directory; the newest key signs,
// older ones verify the tokens they signed for the grace period, then are refused.
import { loadConfig, rotateKeyRing, tokenKeysFile } from '@ledger/ledger';
import { parseArgs, UsageError, type CliCommand } from '../args';

export const tokenKeyCommand: CliCommand = {
  name: 'token-key',
  summary: 'Rotate the key that signs access tokens.',
  help: `Usage: npm run cli -- token-key rotate

Adds a new key to <LEDGER_DATA_DIR>/secrets/token-keys.json (mode 0600) and prints its id (the kid of the
tokens it signs). New tokens are signed with it at once, by the running api too (it reads the file again
when it changes). Tokens signed with an older key keep working for LEDGER_TOKEN_KEY_GRACE after the
rotation (default 30d, the longest lifetime of a token), then are refused; keys whose grace has ended are
dropped from the file. When LEDGER_TOKEN_SECRET is set the ring is not used: rotate by configuring a new
secret and the old one as LEDGER_TOKEN_PREVIOUS_SECRET until its tokens have expired (see README).`,
  run(args) {
    const { positionals } = parseArgs('token-key', args, { maxPositionals: 1 });
    if (positionals[0] !== 'rotate') throw new UsageError('token-key: the subcommand is rotate');
    const config = loadConfig();
    if (config.tokenSecret)
      throw new UsageError(
        'token-key: LEDGER_TOKEN_SECRET is set, so tokens are signed with it and not with the key ring; configure a new secret to rotate',
      );
    const file = tokenKeysFile(config.dataDir);
    const key = rotateKeyRing(file, config.tokenKeyGraceSeconds);
    console.log(key.kid);
    console.error(
      `token-key: ${key.kid} signs new tokens from now on (${file}); older keys verify for ${config.tokenKeyGraceSeconds / 86_400} days more`,
    );
    return Promise.resolve(0);
  },
};
