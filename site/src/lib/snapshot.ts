/**
 * The site's only input: the exported snapshot, read and checked against the shared-types
 * contract (a mismatch stops the build naming entry and field).
 *
 * Not an Astro content loader: Astro bundles its whole data store into the server build (Astro 7
 * as chunks, but all of it); at national scale (60,000 entries, a 94 MB store) that took Astro 5's
 * Rollup past 3.4 GB. The data-access module (bank.ts) reads the snapshot from here instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseSnapshot, type Snapshot } from '@erfarenhetsbanken/shared-types';

/**
 * SNAPSHOT_PATH may be relative to where the user typed the command: npm runs workspace scripts
 * in site/, but records the original directory in INIT_CWD.
 */
export function resolveSnapshotPath(root: URL = pathToFileURL(`${process.cwd()}/`)): string {
  const fromEnv = process.env.SNAPSHOT_PATH;
  if (fromEnv) return path.resolve(process.env.INIT_CWD ?? process.cwd(), fromEnv);
  return path.join(fileURLToPath(root), '..', 'var', 'snapshot.json');
}

// Read and validated once per build (or, under `astro dev`, once per version of the file). The
// map lives on globalThis because the pages' bundled copy of this module and the integrations'
// own copy would otherwise each parse the file: at national scale 4 s and 0.4 GB apiece.
const CACHE_KEY = Symbol.for('erfarenhetsbanken.snapshots');
const cache: Map<string, Promise<Snapshot>> = ((globalThis as Record<symbol, unknown>)[CACHE_KEY] ??= new Map()) as Map<
  string,
  Promise<Snapshot>
>;

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
