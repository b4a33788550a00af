// The dashboard: a static page (plain ES modules, CSS, our own SVG charts) served by the API itself, so it
// works with no internet and no CDN. It reads only the public aggregate APIs, and the inspection, recording and
// account APIs as the signed-in officer (or with a service account's pasted token); it holds no data of its own. Assets are read once from ./public and its folders
// (copied next to the compiled file by `npm run build`): `/dashboard/<file>` and `/dashboard/<folder>/<file>`,
// and nothing that is not one of those files. The service worker (public/service-worker.js) is also served at
// /sw.js, so that it may keep the whole site's page, with the list of the files it keeps and their version.
import { Controller, Get, Logger, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, posix } from 'node:path';
import { Public } from '@ledger/ledger/http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
};

/** The service worker's source among the assets; served at /sw.js with the files it keeps. */
const SERVICE_WORKER = 'service-worker.js';

/** Only our own files, from our own origin; the API is the only thing the page talks to. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "frame-ancestors 'none'",
].join('; ');

interface Asset {
  type: string;
  body: Buffer;
}

export const DASHBOARD_ASSETS_DIR = join(__dirname, 'public');

@ApiExcludeController()
@Public('the dashboard page and its scripts hold no data; the data comes from the APIs under their own rules')
@Controller()
export class DashboardController {
  private readonly logger = new Logger('Dashboard');
  private assets: Map<string, Asset> | null = null;
  private worker: Buffer | null = null;

  @Get()
  index(@Res() res: Response): void {
    this.send(res, 'index.html');
  }

  /** The page again at /dashboard/ (where single sign-on sends the browser back to). */
  @Get('dashboard')
  dashboardIndex(@Res() res: Response): void {
    this.send(res, 'index.html');
  }

  /**
   * The service worker, at the root so that its scope is the whole site (the page is at / and at /dashboard/):
   * never cached by the browser's HTTP cache, so that a new version of the page is seen on the next visit.
   */
  @Get('sw.js')
  serviceWorker(@Res() res: Response): void {
    const body = this.workerScript();
    if (!body) throw new NotFoundException('no service worker: run npm run build');
    res.setHeader('Content-Type', TYPES['.js']);
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Service-Worker-Allowed', '/');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.status(200).send(body);
  }

  @Get('dashboard/:file')
  asset(@Param('file') file: string, @Res() res: Response): void {
    this.send(res, file);
  }

  /** A file in a folder of the assets (the views of the page: `/dashboard/views/overview.js`). */
  @Get('dashboard/:folder/:file')
  nestedAsset(@Param('folder') folder: string, @Param('file') file: string, @Res() res: Response): void {
    this.send(res, `${folder}/${file}`);
  }

  private send(res: Response, name: string): void {
    const asset = this.load().get(name);
    if (!asset) throw new NotFoundException(`no dashboard file ${name}`);
    res.setHeader('Content-Type', asset.type);
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (name.endsWith('.html')) {
      res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
      res.setHeader('X-Frame-Options', 'DENY');
    }
    res.status(200).send(asset.body);
  }

  /**
   * The worker's source after one line naming the files it keeps ('/' and every file but itself) and their version:
   * a hash of their content, so that any change of a file is a new version, installed in a cache of its own.
   */
  private workerScript(): Buffer | null {
    if (this.worker) return this.worker;
    const assets = this.load();
    const source = assets.get(SERVICE_WORKER);
    if (!source) return null;
    const names = [...assets.keys()].filter((name) => name !== SERVICE_WORKER).sort();
    const hash = createHash('sha256');
    for (const name of [SERVICE_WORKER, ...names])
      hash.update(name).update('\0').update(assets.get(name)!.body);
    const shell = {
      version: hash.digest('hex').slice(0, 16),
      files: ['/', ...names.map((n) => `/dashboard/${n}`)],
    };
    this.worker = Buffer.concat([
      Buffer.from(`self.LEDGER_SHELL = ${JSON.stringify(shell)};\n`),
      source.body,
    ]);
    return this.worker;
  }

  /**
   * Reads the folder and its folders once, each file under its path from the folder ('app.js',
   * 'views/overview.js'); only files of a known type. A build without the assets answers 404 and says why in
   * the log, once.
   */
  private load(): Map<string, Asset> {
    if (this.assets) return this.assets;
    const assets = new Map<string, Asset>();
    if (existsSync(DASHBOARD_ASSETS_DIR)) {
      for (const name of filesUnder(DASHBOARD_ASSETS_DIR)) {
        const type = TYPES[extname(name)];
        if (type) assets.set(name, { type, body: readFileSync(join(DASHBOARD_ASSETS_DIR, name)) });
      }
    } else {
      this.logger.warn(`dashboard assets not found in ${DASHBOARD_ASSETS_DIR}: run npm run build`);
    }
    this.assets = assets;
    return assets;
  }
}

/** The files under a folder, as paths from it with '/' ('app.js', 'views/overview.js'). */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const name = prefix ? posix.join(prefix, entry.name) : entry.name;
    if (entry.isDirectory()) return filesUnder(dir, name);
    return entry.isFile() ? [name] : [];
  });
}
