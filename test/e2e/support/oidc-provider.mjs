// A real OpenID Connect provider for the single sign-on suite: oidc-provider (an ES module with ES module
// dependencies, hence a child process rather than jest's module system), on 127.0.0.1 with a free port.
// One confidential client with the ledger's redirect URI; the people of the suite with their groups. Its
// development interactions show a login form (any password) and a consent form, which the suite submits
// with plain HTTP as a browser would.
//
// Usage: node oidc-provider.mjs '<json>' where json = { clientId, clientSecret, redirectUri,
//   people: { "<login>": { name, groups: [...] } }, claimsInIdToken }. Without clientSecret the client is a
//   public one (PKCE alone); claimsInIdToken puts the profile and groups claims in the ID token as Keycloak
//   does (else they come from the userinfo endpoint only). Prints one line: {"issuer":"http://127.0.0.1:<port>"}.
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const settings = JSON.parse(process.argv[2]);

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: settings.clientId,
      ...(settings.clientSecret
        ? { client_secret: settings.clientSecret, token_endpoint_auth_method: 'client_secret_basic' }
        : { token_endpoint_auth_method: 'none' }),
      redirect_uris: [settings.redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  scopes: ['openid', 'profile', 'groups'],
  claims: { openid: ['sub'], profile: ['name', 'preferred_username'], groups: ['groups'] },
  async findAccount(_ctx, id) {
    const person = settings.people[id];
    if (!person) return undefined;
    return {
      accountId: id,
      async claims() {
        return { sub: id, preferred_username: id, name: person.name, groups: person.groups };
      },
    };
  },
  conformIdTokenClaims: !settings.claimsInIdToken,
  pkce: { required: () => true },
  cookies: { keys: ['oidc-provider-test-cookie-key'] },
  features: { devInteractions: { enabled: true } },
});
provider.on('server_error', (_ctx, error) => console.error('oidc-provider server_error', error));
server.on('request', provider.callback());

process.stdout.write(`${JSON.stringify({ issuer })}\n`);
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
