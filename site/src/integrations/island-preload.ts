import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { isPrimaryShard } from '../lib/shard';

/** Built pages whose island should load with the page. */
const PAGES = ['sok/index.html'];

/** The chunks a built module imports statically (`from"./x.js"`, `import"./x.js"`; not `import(…)`). */
const staticImports = (code: string) => [...code.matchAll(/\b(?:from|import)\s*["'](\.\/[^"']+\.js)["']/g)].map((m) => m[1]);

/**
 * `modulepreload` links in the head for an island's scripts and the chunks they import. Astro
 * starts an island's import only once the parser reaches the island, after the head's styles,
 * and a chunk the island imports only once the island's script has arrived: at national scale the
 * search page asked for its scripts 450 ms after navigation began, and for React 100 ms later.
 */
export function islandPreload(): AstroIntegration {
  return {
    name: 'erfarenhetsbanken:island-preload',
    hooks: {
      'astro:build:done': ({ dir }) => {
        // The other shards leave these pages empty; the primary's are the site's.
        if (!isPrimaryShard) return;
        const out = fileURLToPath(dir);
        for (const page of PAGES) {
          const file = path.join(out, page);
          const html = fs.readFileSync(file, 'utf8');
          const scripts = new Set<string>();
          const visit = (url: string) => {
            if (scripts.has(url)) return;
            scripts.add(url);
            for (const chunk of staticImports(fs.readFileSync(path.join(out, url), 'utf8'))) visit(path.posix.join(path.posix.dirname(url), chunk));
          };
          // Only island elements carry these attributes (quotes inside attribute values are escaped).
          for (const [, url] of html.matchAll(/\b(?:component|renderer)-url="([^"]+)"/g)) visit(url);
          if (scripts.size === 0) throw new Error(`${page} has no island to preload`);
          const links = [...scripts].map((url) => `<link rel="modulepreload" href="${url}">`).join('');
          fs.writeFileSync(file, html.replace('</head>', `${links}</head>`));
        }
      },
    },
  };
}
