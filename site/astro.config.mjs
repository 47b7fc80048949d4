// @ts-check
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';

// The site is built in the CMS's absence: no telemetry call may wait on a network that isn't there.
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

const outDir = process.env.SITE_OUT_DIR ? path.resolve(process.env.INIT_CWD ?? process.cwd(), process.env.SITE_OUT_DIR) : undefined;

/**
 * Astro keeps the content store (data-store.json) in cacheDir. Two builds into different out dirs
 * (a test build next to `npm start`'s) must not share it, so each out dir gets its own cache.
 */
const cacheDir =
  process.env.ASTRO_CACHE_DIR ??
  (outDir ? path.join(os.tmpdir(), `eb-astro-cache-${crypto.createHash('sha1').update(outDir).digest('hex').slice(0, 12)}`) : undefined);

export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  trailingSlash: 'always',
  ...(outDir ? { outDir } : {}),
  ...(cacheDir ? { cacheDir } : {}),
  integrations: [react()],
  build: {
    format: 'directory',
    // One shared stylesheet, cached across pages, instead of the same CSS inlined into each page.
    inlineStylesheets: 'never',
  },
  devToolbar: { enabled: false },
  prefetch: false,
});
