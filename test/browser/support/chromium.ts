// The Chromium every browser test drives (Debian's, or CHROMIUM_PATH; playwright-core downloads none), its
// launch arguments, and `browserSuite`: describe when Chromium is there, else a skipped suite that says why.
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--lang=vi-VN',
];

export const hasChromium = existsSync(CHROMIUM);

export const browserSuite: (name: string, fn: () => void) => void = hasChromium
  ? describe
  : (name, fn) =>
      describe.skip(`${name} (skipped: no Chromium at ${CHROMIUM}; apt-get install chromium)`, fn);
