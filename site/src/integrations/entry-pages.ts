import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { loadBank, type Bank } from '../lib/bank';
import { initiativePageParts } from '../lib/entry-pages/initiative';
import { lessonPageParts } from '../lib/entry-pages/lesson';
import { entryPageTemplate, TEMPLATE_SLUG, type EntryPageParts, type TemplatedType } from '../lib/entry-pages/template';
import { entryUrl } from '../lib/format';
import { claimBatches } from '../lib/shard';
import { resolveSnapshotPath } from '../lib/snapshot';

const TEMPLATED: { [T in TemplatedType]: (bank: Bank, site: string) => [slug: string, parts: () => EntryPageParts][] } = {
  lesson: (bank, site) => bank.lessons.map((l) => [l.slug, () => lessonPageParts(bank, l, site)]),
  initiative: (bank, site) => bank.initiatives.map((i) => [i.slug, () => initiativePageParts(bank, i, site)]),
};

/**
 * Writes the lesson and initiative pages this build shard claims (lib/shard.ts) from the model
 * pages their `[slug]` routes rendered (lib/entry-pages/template.ts), then removes the models.
 */
export function entryPages(): AstroIntegration {
  let root: URL;
  let site: string;
  return {
    name: 'erfarenhetsbanken:entry-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = config.root;
        site = config.site!;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const bank = await loadBank(resolveSnapshotPath(root));
        for (const [type, entries] of Object.entries(TEMPLATED) as [TemplatedType, (typeof TEMPLATED)[TemplatedType]][]) {
          const pageFile = (slug: string) => path.join(out, entryUrl(type, slug), 'index.html');
          const page = entryPageTemplate(fs.readFileSync(pageFile(TEMPLATE_SLUG), 'utf8'), type);
          fs.rmSync(path.dirname(pageFile(TEMPLATE_SLUG)), { recursive: true });
          const all = entries(bank, site);
          let count = 0;
          for (const [start, end] of claimBatches(type, all.length)) {
            for (const [slug, parts] of all.slice(start, end)) {
              fs.mkdirSync(path.dirname(pageFile(slug)), { recursive: true });
              fs.writeFileSync(pageFile(slug), page(slug, parts()));
            }
            count += end - start;
          }
          logger.info(`${count} ${type} pages`);
        }
      },
    },
  };
}
