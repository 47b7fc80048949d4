// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import { entryPages } from './src/integrations/entry-pages.ts';
import { inlineHashFile } from './src/integrations/inline-hashes.ts';
import { islandPreload } from './src/integrations/island-preload.ts';
import { openDataFiles } from './src/integrations/open-data.ts';
import { searchData } from './src/integrations/search-data.ts';

// Build with `npm run build` (scripts/build.mjs), which also honours SNAPSHOT_PATH, SITE_OUT_DIR.
export default defineConfig({
  // Absolute URLs (sitemap, canonical links) are made against this.
  site: process.env.SITE_URL || 'http://localhost:4321',
  trailingSlash: 'always',
  // Astro 7's default ('jsx') drops the space between a line's last word and an element starting the
  // next line ("enligt<a>Creative Commons"): the templates are written for HTML's whitespace rules.
  compressHTML: true,
  // The inline hashes before the entry pages (see inline-hashes.ts); the search index before the
  // open data, as each lets go of its memory once written; both before the entry pages, which the
  // shards share out as they come for them (lib/shard.ts).
  integrations: [react(), inlineHashFile(), searchData(), openDataFiles(), entryPages(), islandPreload()],
  build: {
    format: 'directory',
    // One shared, cacheable stylesheet rather than the same CSS inlined into every page.
    inlineStylesheets: 'never',
  },
  // Publish-to-live time matters more than the size report in the build log.
  vite: { build: { reportCompressedSize: false } },
  devToolbar: { enabled: false },
});
