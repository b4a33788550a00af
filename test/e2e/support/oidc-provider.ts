// Starts the OpenID Connect provider of oidc-provider.mjs in a child process and walks its pages with plain
// HTTP as a browser would: the authorization request, the login form, the consent form, back to the ledger.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface ProviderPerson {
  name: string;
  groups: string[];
}

export interface ProviderSettings {
  clientId: string;
  /** Absent: a public client (PKCE alone, no client authentication). */
  clientSecret?: string;
  redirectUri: string;
  people: Record<string, ProviderPerson>;
  /** Profile and groups claims in the ID token, as Keycloak's mappers put them (else from userinfo only). */
  claimsInIdToken?: boolean;
}

export interface TestProvider {
  issuer: string;
  stop(): Promise<void>;
}

export async function startOidcProvider(settings: ProviderSettings): Promise<TestProvider> {
  const child: ChildProcess = spawn(
    process.execPath,
    [join(__dirname, 'oidc-provider.mjs'), JSON.stringify(settings)],
    // Its warnings (development keys, Node 20) are expected; its errors would show on the suite's stderr.
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const issuer = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`oidc-provider did not start:\n${stderr}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { issuer: string }).issuer);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`oidc-provider exited with ${code}:\n${stderr}`));
    });
  });
  return {
    issuer,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A browser at the provider: keeps the provider's cookies, follows its redirects, submits its forms. */
export class ProviderBrowser {
  private readonly jar = new Map<string, string>();

  async get(url: string | URL): Promise<Response> {
    return this.send(url, { method: 'GET' });
  }

  async post(url: string | URL, form: Record<string, string>): Promise<Response> {
    return this.send(url, {
      method: 'POST',
      body: new URLSearchParams(form).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  private async send(url: string | URL, init: RequestInit): Promise<Response> {
    const cookie = [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return res;
  }

  /**
   * From the ledger's redirect to the provider to the provider's redirect back to the ledger: signs in as
   * `login` (any password) and, when asked, consents. `answer`: 'consent', or 'abort' to decline at login.
   * Returns the URL the provider sends the browser to (the ledger's callback with code and state, or error).
   */
  async signIn(
    authorizationUrl: string,
    login: string,
    answer: 'consent' | 'abort' = 'consent',
  ): Promise<URL> {
    let url = new URL(authorizationUrl);
    const origin = url.origin;
    for (let step = 0; step < 12; step++) {
      const res = await this.get(url);
      if (res.status === 200) {
        const html = await res.text();
        const action = /<form[^>]*action="([^"]+)"[^>]*method="post"/.exec(html)?.[1];
        const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
        if (!action || !prompt)
          throw new Error(`the provider shows a page without a form:\n${html.slice(0, 500)}`);
        const posted =
          answer === 'abort'
            ? await this.get(`${action.replace(/\/$/, '')}/abort`)
            : await this.post(action, prompt === 'login' ? { prompt, login, password: 'any' } : { prompt });
        url = this.next(posted, origin);
      } else url = this.next(res, origin);
      if (url.origin !== origin) return url;
    }
    throw new Error('the provider kept the browser for more than 12 steps');
  }

  private next(res: Response, origin: string): URL {
    const location = res.headers.get('location');
    if (res.status < 300 || res.status >= 400 || !location)
      throw new Error(`the provider answered ${res.status} without a redirect`);
    return new URL(location, origin);
  }
}
