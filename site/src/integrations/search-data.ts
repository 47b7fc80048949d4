import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { loadBank } from '../lib/bank';
import { SEARCH_DATA_URL, searchDataFiles, searchIndexFiles } from '../lib/search-index';
import { isPrimaryShard } from '../lib/shard';
import { resolveSnapshotPath } from '../lib/snapshot';

/**
 * Writes the search index files under /sok/data/ once the pages are built, and serves them under
 * `astro dev`. As Astro endpoints each of the 16,500 files of a national bank paid a rendered
 * page's overhead, about 1.2 ms apiece; here they are plain file writes.
 */
export function searchData(): AstroIntegration {
  let root: URL;
  const filesOf = async () => searchDataFiles(await searchIndexFiles(await loadBank(resolveSnapshotPath(root))));
  return {
    name: 'erfarenhetsbanken:search-data',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = config.root;
      },
      'astro:build:done': async ({ dir, logger }) => {
        // One index for the whole site: only the primary build shard writes it (lib/shard.ts).
        if (!isPrimaryShard) return;
        const out = path.join(fileURLToPath(dir), SEARCH_DATA_URL);
        const made = new Set<string>();
        let count = 0;
        for (const [file, body] of await filesOf()) {
          const target = path.join(out, file);
          const folder = path.dirname(target);
          if (!made.has(folder)) fs.mkdirSync(folder, { recursive: true });
          made.add(folder);
          fs.writeFileSync(target, JSON.stringify(body));
          count++;
        }
        logger.info(`${count} search index files`);
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(async (request, response, next) => {
          const url = request.url?.split('?')[0] ?? '';
          if (!url.startsWith(SEARCH_DATA_URL)) return next();
          try {
            const wanted = url.slice(SEARCH_DATA_URL.length);
            // The dev server rebuilds the index when the snapshot changes (loadBank's cache is per version).
            for (const [file, body] of await filesOf()) {
              if (file !== wanted) continue;
              response.setHeader('Content-Type', 'application/json; charset=utf-8');
              return response.end(JSON.stringify(body));
            }
            next();
          } catch (error) {
            next(error);
          }
        });
      },
    },
  };
}
