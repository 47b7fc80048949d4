import type { AstroConfig } from 'astro';
import { loadBank } from '../lib/bank';
import { resolveSnapshotPath } from '../lib/snapshot';

/**
 * What the integrations that write files from the bank take from Astro's config: the bank of the
 * site's snapshot and the site's address. `configDone` belongs in their `astro:config:done`.
 */
export function siteBank() {
  let root: URL;
  let site = '';
  return {
    configDone: ({ config }: { config: AstroConfig }) => {
      root = config.root;
      site = config.site!;
    },
    bank: () => loadBank(resolveSnapshotPath(root)),
    site: () => site,
  };
}
