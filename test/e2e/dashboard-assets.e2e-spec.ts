// The dashboard's files as the API serves them: every file of the assets folder and of its folders at
// /dashboard/<path> with its content type, the page with its Content-Security-Policy, every module a script
// imports served, and nothing outside the folder.
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, posix } from 'node:path';
import { DASHBOARD_ASSETS_DIR } from '../../apps/ledger-api/src/dashboard/dashboard.controller';
import { startTestLedger, type TestLedger } from './support/test-app';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/** The files under the assets folder, as paths from it ('app.js', 'views/overview.js'). */
function assetFiles(prefix = ''): string[] {
  return readdirSync(join(DASHBOARD_ASSETS_DIR, prefix), { withFileTypes: true }).flatMap((entry) => {
    const name = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? assetFiles(name) : [name];
  });
}

/** The files a script imports, as paths from the assets folder ('../dom.js' in 'views/overview.js' is 'dom.js'). */
function importsOf(file: string): string[] {
  const source = readFileSync(join(DASHBOARD_ASSETS_DIR, file), 'utf8');
  const specifiers = [...source.matchAll(/\bfrom\s+'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]);
  return specifiers.map((specifier) => posix.normalize(posix.join(posix.dirname(file), specifier)));
}

describe('the dashboard files', () => {
  let ledger: TestLedger;
  const files = assetFiles();
  beforeAll(async () => {
    ledger = await startTestLedger();
  });
  afterAll(() => ledger.close());

  it('serves the page with a Content-Security-Policy that allows only its own origin', async () => {
    const res = await ledger.anonymous().get('/').expect(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.text).toContain('/dashboard/app.js');
    // The same page at /dashboard/, where single sign-on sends the browser back to.
    const again = await ledger.anonymous().get('/dashboard/').expect(200);
    expect(again.headers['content-security-policy']).toBe(res.headers['content-security-policy']);
    expect(again.text).toBe(res.text);
  });

  it('serves every file of the folder and of its folders with the type of its extension', async () => {
    expect(files).toContain('app.js');
    expect(files.some((file) => file.includes('/'))).toBe(true);
    for (const file of files) {
      const type = TYPES[extname(file)];
      expect({ file, type }).toEqual({ file, type: expect.any(String) });
      const res = await ledger.anonymous().get(`/dashboard/${file}`).expect(200);
      expect({ file, type: res.headers['content-type'] }).toEqual({
        file,
        type: expect.stringContaining(type),
      });
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      const body = res.text ?? (res.body as Buffer).toString('utf8');
      expect({ file, same: body === readFileSync(join(DASHBOARD_ASSETS_DIR, file), 'utf8') }).toEqual({
        file,
        same: true,
      });
    }
  });

  it('has every module that a script imports among the files it serves', async () => {
    const scripts = files.filter((file) => file.endsWith('.js'));
    const missing = scripts.flatMap((file) =>
      importsOf(file)
        .filter((target) => !files.includes(target))
        .map((target) => `${file} -> ${target}`),
    );
    expect(missing).toEqual([]);
    const imported = new Set(scripts.flatMap(importsOf));
    // Two entry points: the page's (app.js) and the service worker's, which the browser loads from /sw.js.
    const unused = scripts.filter(
      (file) => file !== 'app.js' && file !== 'service-worker.js' && !imported.has(file),
    );
    expect(unused).toEqual([]);
  });

  it('serves the web app manifest and the service worker for the whole site, with the files it keeps', async () => {
    const page = await ledger.anonymous().get('/').expect(200);
    expect(page.text).toContain('<link rel="manifest" href="/dashboard/manifest.webmanifest" />');
    expect(page.headers['content-security-policy']).toContain("manifest-src 'self'");
    expect(page.headers['content-security-policy']).toContain("worker-src 'self'");
    const manifest = await ledger.anonymous().get('/dashboard/manifest.webmanifest').expect(200);
    expect(manifest.headers['content-type']).toBe('application/manifest+json; charset=utf-8');
    const app = JSON.parse(manifest.text) as {
      name: string;
      lang: string;
      start_url: string;
      scope: string;
      display: string;
      icons: Array<{ src: string; sizes: string; type: string }>;
    };
    expect(app).toMatchObject({ lang: 'vi', start_url: '/', scope: '/', display: 'standalone' });
    expect(app.name).toContain('Bác Ái');
    for (const size of ['192x192', '512x512']) expect(app.icons.map((i) => i.sizes)).toContain(size);
    for (const icon of app.icons) {
      const res = await ledger.anonymous().get(icon.src).expect(200);
      expect(res.headers['content-type']).toBe(icon.type);
    }

    const worker = await ledger.anonymous().get('/sw.js').expect(200);
    expect(worker.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(worker.headers['service-worker-allowed']).toBe('/');
    expect(worker.headers['cache-control']).toBe('no-cache');
    const source = readFileSync(join(DASHBOARD_ASSETS_DIR, 'service-worker.js'), 'utf8');
    const [first, ...rest] = worker.text.split('\n');
    expect(rest.join('\n')).toBe(source);
    const shell = JSON.parse(/^self\.LEDGER_SHELL = (.*);$/.exec(first)![1]) as {
      version: string;
      files: string[];
    };
    expect(shell.version).toMatch(/^[0-9a-f]{16}$/);
    // The page and every file of the folder but the worker itself, each one served.
    const expected = ['/', ...files.filter((f) => f !== 'service-worker.js').map((f) => `/dashboard/${f}`)];
    expect([...shell.files].sort()).toEqual(expected.sort());
  });

  it('answers 404 for a file it does not have and for anything outside the folder', async () => {
    await ledger.anonymous().get('/dashboard/nothing.js').expect(404);
    await ledger.anonymous().get('/dashboard/views/nothing.js').expect(404);
    await ledger.anonymous().get('/dashboard/..%2Fdashboard.controller.ts').expect(404);
    await ledger.anonymous().get('/dashboard/public/app.js').expect(404);
    await ledger.anonymous().get('/dashboard/a/b/c.js').expect(404);
  });
});
