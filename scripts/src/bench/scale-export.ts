import fs from 'fs';
import path from 'path';
import { isDeepStrictEqual } from 'util';
import { ROOT } from '../paths';
import { run } from '../run';
import { compileCms, startEphemeralCms } from '../ephemeral-cms';
import { generateBank } from '../generate/bank';
import { bulkLoad } from '../generate/bulk-load';
import { COLLECTION_NAMES, parseSnapshot, type Snapshot } from '@erfarenhetsbanken/shared-types';

export interface ScaleExportResult {
  n: number;
  entries: number;
  generateMs: number;
  loadMs: number;
  exportMs: number;
}

/**
 * The export at national scale: a throwaway CMS bulk-loaded with a synthetic bank of `n`
 * initiatives (~6n entries), timed loading and exporting. The export must give back exactly
 * what was loaded, or the timing means nothing.
 */
export async function measureExport(n: number, { compile = true, seed = 1 }: { compile?: boolean; seed?: number } = {}): Promise<ScaleExportResult> {
  if (compile) await compileCms();
  let startedAt = performance.now();
  let bank: Snapshot | null = generateBank({ initiatives: n, seed });
  const generateMs = performance.now() - startedAt;
  const cms = await startEphemeralCms();
  try {
    startedAt = performance.now();
    await bulkLoad(cms.strapi, bank);
    const loadMs = performance.now() - startedAt;
    // The CMS runs in this process: a bank of 60,000 entries held here beside it would be its
    // garbage collector's to trace on every request. It is made again (deterministically) to check the export.
    bank = null;
    // `npm run export` in its own process, as it runs against a real CMS: in this process it
    // would share one event loop with the CMS it reads from.
    const file = path.join(cms.tmpDir, 'export.json');
    startedAt = performance.now();
    await run('export', process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'src', 'export.ts')], {
      quiet: true,
      env: { ...process.env, CMS_URL: cms.url, EXPORT_API_TOKEN: cms.readToken, SNAPSHOT_PATH: file },
    });
    const exportMs = performance.now() - startedAt;
    const exported = parseSnapshot(JSON.parse(fs.readFileSync(file, 'utf8')));
    const loaded = generateBank({ initiatives: n, seed });
    for (const collection of COLLECTION_NAMES) {
      if (!isDeepStrictEqual(exported[collection], loaded[collection])) {
        const at = loaded[collection].findIndex((item, i) => !isDeepStrictEqual(item, exported[collection][i]));
        throw new Error(`The export of ${collection} differs from what was loaded (first at "${loaded[collection][at]?.slug}")`);
      }
    }
    const entries = COLLECTION_NAMES.reduce((sum, c) => sum + loaded[c].length, 0);
    return { n, entries, generateMs: Math.round(generateMs), loadMs: Math.round(loadMs), exportMs: Math.round(exportMs) };
  } finally {
    await cms.stop();
  }
}
