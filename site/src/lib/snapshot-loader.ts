import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { COLLECTION_SCHEMAS, parseSnapshot, type Collection, type Snapshot } from '@erfarenhetsbanken/shared-types';
import { z } from 'astro/zod';

export { COLLECTION_SCHEMAS };

/** What the build knows about the snapshot as a whole (the open-data file needs its date). */
export const snapshotInfoSchema = z.object({ generatedAt: z.string(), file: z.string() });

/**
 * SNAPSHOT_PATH may be relative to where the user typed the command: npm runs workspace scripts
 * in site/, but records the original directory in INIT_CWD.
 */
export function resolveSnapshotPath(root: URL): string {
  const fromEnv = process.env.SNAPSHOT_PATH;
  if (fromEnv) return path.resolve(process.env.INIT_CWD ?? process.cwd(), fromEnv);
  return path.join(fileURLToPath(root), '..', 'var', 'snapshot.json');
}

// All collections load in parallel from the same file: read and validate it once per build (or,
// under `astro dev`, once per version of the file).
const cache = new Map<string, Promise<Snapshot>>();

async function readSnapshot(file: string): Promise<Snapshot> {
  let text: string;
  try {
    text = await fs.promises.readFile(file, 'utf8');
  } catch (error) {
    throw new Error(
      `Cannot read the snapshot at ${file} (${(error as NodeJS.ErrnoException).code ?? error}). ` +
        'Export one with `npm run export`, or point SNAPSHOT_PATH at one.',
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`The snapshot at ${file} is not valid JSON: ${(error as Error).message}`);
  }
  // parseSnapshot checks every item against its schema and every relation slug against the
  // snapshot, and names the entry and field of each problem; the build stops on the first throw.
  try {
    return parseSnapshot(data);
  } catch (error) {
    throw new Error(`Snapshot ${file} does not match the shared-types contract.\n${(error as Error).message}`);
  }
}

export function loadSnapshot(file: string): Promise<Snapshot> {
  let version = 0;
  try {
    version = fs.statSync(file).mtimeMs;
  } catch {
    // readSnapshot explains a missing file.
  }
  const key = `${file}@${version}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = readSnapshot(file);
    cache.set(key, pending);
  }
  return pending;
}

/**
 * A named content loader over the exported snapshot: one collection per content type, each entry
 * keyed by its slug and validated again by Astro against the same shared-types schema.
 */
export function snapshotLoader(collection: Collection): Loader {
  return {
    name: 'snapshot-loader',
    schema: COLLECTION_SCHEMAS[collection],
    async load({ store, parseData, config, logger, generateDigest, watcher }) {
      const file = resolveSnapshotPath(config.root);
      const sync = async () => {
        const snapshot = await loadSnapshot(file);
        // The store persists between builds; clearing it keeps entries unpublished since the last
        // export from lingering.
        store.clear();
        for (const item of snapshot[collection]) {
          const data = await parseData({ id: item.slug, data: item as unknown as Record<string, unknown> });
          store.set({ id: item.slug, data, digest: generateDigest(data) });
        }
        logger.info(`${snapshot[collection].length} ${collection} from ${file}`);
      };
      await sync();
      // Under `astro dev`, a fresh export shows up without a restart.
      if (watcher) {
        watcher.add(file);
        watcher.on('change', (changed) => {
          if (path.resolve(changed) === file) sync().catch((error) => logger.error((error as Error).message));
        });
      }
    },
  };
}

/** The snapshot's own metadata, as a one-entry collection (pages may only read collections). */
export function snapshotInfoLoader(): Loader {
  return {
    name: 'snapshot-info-loader',
    schema: snapshotInfoSchema,
    async load({ store, parseData, config }) {
      const file = resolveSnapshotPath(config.root);
      const snapshot = await loadSnapshot(file);
      store.clear();
      const data = await parseData({ id: 'snapshot', data: { generatedAt: snapshot.generatedAt, file } });
      store.set({ id: 'snapshot', data });
    },
  };
}
