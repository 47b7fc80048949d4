import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { loadBank, type Bank } from '../lib/bank';
import { resolveSnapshotPath } from '../lib/snapshot';

/** A file's path under the integration's folder, and its content (text, or UTF-8 bytes). */
export type GeneratedFile = [file: string, content: string | Buffer];

const MEDIA_TYPES: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8; header=present',
};

/**
 * Files made from the bank (the search index, the open data), written once the pages are built
 * and served from the same list under `astro dev`. As Astro endpoints each of the 16,500 search
 * files cost a page render, and the open data's 117 MB JSON and 90 MB of CSV spent 16 s of a
 * national build in Astro's handling of their responses; here they are plain file writes.
 */
export function generatedFiles({
  name,
  folder,
  filesOf,
  inThisShard,
}: {
  name: string;
  /** the URL path the files live under, e.g. `/data/` */
  folder: string;
  filesOf: (bank: Bank, site: string) => Iterable<GeneratedFile> | Promise<Iterable<GeneratedFile>>;
  /** whether this build shard writes them (lib/shard.ts): one shard, as the site has one copy */
  inThisShard: () => boolean;
}): AstroIntegration {
  let root: URL;
  let site: string;
  // The dev server makes them once per version of the snapshot (loadBank's cache is per version).
  const served = new WeakMap<Bank, Promise<Map<string, string | Buffer>>>();
  const servedFiles = async () => {
    const bank = await loadBank(resolveSnapshotPath(root));
    let made = served.get(bank);
    if (!made) served.set(bank, (made = Promise.resolve(filesOf(bank, site)).then((list) => new Map(list))));
    return made;
  };
  return {
    name: `erfarenhetsbanken:${name}`,
    hooks: {
      'astro:config:done': ({ config }) => {
        root = config.root;
        site = config.site!;
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!inThisShard()) return;
        const out = path.join(fileURLToPath(dir), folder);
        const made = new Set<string>();
        let count = 0;
        const bank = await loadBank(resolveSnapshotPath(root));
        for (const [file, content] of await filesOf(bank, site)) {
          const target = path.join(out, file);
          const parent = path.dirname(target);
          if (!made.has(parent)) fs.mkdirSync(parent, { recursive: true });
          made.add(parent);
          fs.writeFileSync(target, content);
          count++;
        }
        logger.info(`${count} files under ${folder}`);
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(async (request, response, next) => {
          const url = request.url?.split('?')[0] ?? '';
          if (!url.startsWith(folder)) return next();
          try {
            const file = url.slice(folder.length);
            const content = (await servedFiles()).get(file);
            if (content === undefined) return next();
            response.setHeader('Content-Type', MEDIA_TYPES[path.extname(file)] ?? 'application/octet-stream');
            response.end(content);
          } catch (error) {
            next(error);
          }
        });
      },
    },
  };
}
