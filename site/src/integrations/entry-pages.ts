import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { entryPageParts } from '../lib/entry-pages/parts';
import { entryPageTemplate, TEMPLATE_SLUG, TEMPLATED_COLLECTION, type TemplatedType } from '../lib/entry-pages/template';
import { entryUrl } from '../lib/format';
import { inShard } from '../lib/shard';
import { siteBank } from './site-bank';

/**
 * Writes this build shard's lesson and initiative pages from the model pages their `[slug]`
 * routes rendered (lib/entry-pages/template.ts), then removes the models.
 */
export function entryPages(): AstroIntegration {
  const fromConfig = siteBank();
  return {
    name: 'erfarenhetsbanken:entry-pages',
    hooks: {
      'astro:config:done': fromConfig.configDone,
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const bank = await fromConfig.bank();
        for (const type of Object.keys(TEMPLATED_COLLECTION) as TemplatedType[]) {
          const pageFile = (slug: string) => path.join(out, entryUrl(type, slug), 'index.html');
          const page = entryPageTemplate(fs.readFileSync(pageFile(TEMPLATE_SLUG), 'utf8'), type);
          fs.rmSync(path.dirname(pageFile(TEMPLATE_SLUG)), { recursive: true });
          let count = 0;
          for (const { slug } of bank[TEMPLATED_COLLECTION[type]]) {
            if (!inShard(slug)) continue;
            fs.mkdirSync(path.dirname(pageFile(slug)), { recursive: true });
            fs.writeFileSync(pageFile(slug), page(slug, entryPageParts(type, bank, slug, fromConfig.site())));
            count++;
          }
          logger.info(`${count} ${type} pages`);
        }
      },
    },
  };
}
