import fs from 'fs';
import { createRequire } from 'module';
import type { Browser } from 'playwright-core';

const require = createRequire(import.meta.url);

/**
 * Debian's Chromium; no browser download exists here. Its headless shell first: what Playwright
 * runs headless by default, without the full browser's own pages (the address bar's popup among
 * them), which took CPU from the page under test. CHROMIUM_PATH overrides.
 */
const CHROMIUM = process.env.CHROMIUM_PATH || ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((p) => fs.existsSync(p)) || '/usr/bin/chromium-headless-shell';

export function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium-headless-shell (or set CHROMIUM_PATH)`);
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}
