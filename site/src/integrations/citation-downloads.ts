import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { loadBank } from '../lib/bank';
import { CITATION_FORMATS, citationFileUrl, entryCitation, sourceCitation, type CitationFormat, type CitationItem } from '../lib/citation';
import { inShard } from '../lib/shard';
import { resolveSnapshotPath } from '../lib/snapshot';

/**
 * Writes the static citation downloads (`<entry page>/citera.bib`, `.ris`, `.json`) once the pages
 * are built. As Astro endpoints they were three routes per entry, each paying the full cost of a
 * rendered page; a national bank has 180,000 of them, so they are plain file writes instead.
 */
export function citationDownloads(): AstroIntegration {
  let root: URL;
  let site: string;
  return {
    name: 'erfarenhetsbanken:citation-downloads',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = config.root;
        site = config.site!;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const bank = await loadBank(resolveSnapshotPath(root));
        // Next to the entry pages this build shard renders.
        const mine = <T extends { slug: string }>(entries: T[]) => entries.filter((entry) => inShard(entry.slug));
        const items: CitationItem[] = [
          ...mine(bank.initiatives).map((i) => entryCitation('initiative', i, site)),
          ...mine(bank.lessons).map((l) => entryCitation('lesson', l, site)),
          ...mine(bank.sources).map((s) => sourceCitation(s, site)),
        ];
        const out = fileURLToPath(dir);
        const formats = Object.keys(CITATION_FORMATS) as CitationFormat[];
        for (const item of items) {
          // The three files share their entry page's folder.
          fs.mkdirSync(path.dirname(path.join(out, citationFileUrl(item, formats[0]))), { recursive: true });
          for (const format of formats) fs.writeFileSync(path.join(out, citationFileUrl(item, format)), CITATION_FORMATS[format].render(item));
        }
        logger.info(`${items.length * Object.keys(CITATION_FORMATS).length} citation files for ${items.length} entries`);
      },
    },
  };
}
