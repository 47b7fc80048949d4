import fs from 'fs';
import path from 'path';
import { fileURLToPath } from 'url';
import { COLLECTION_NAMES, parseSnapshot, snapshotJson, type Snapshot } from '@erfarenhetsbanken/shared-types';
import { ensureEnvFile } from '../../cms/scripts/ensure-env';
import { CMS_DIR, DEFAULT_SNAPSHOT } from './paths';

export interface ExportOptions {
  cmsUrl: string;
  token: string;
  /** Entries per request; the CMS caps it at its `rest.maxLimit` (cms/config/api.ts). */
  pageSize?: number;
  /** Requests in flight at once, over all collections. */
  concurrency?: number;
  /** Entries per request for the rest of a collection larger than ten pages. */
  largePageSize?: number;
}

export class ExportError extends Error {
  name = 'ExportError';
}

/** Relations arrive as `{ documentId, slug }`; the open-data contract carries only the slug. */
function toSnapshotItem(value: any): any {
  if (Array.isArray(value)) return value.map(toSnapshotItem);
  if (value && typeof value === 'object') {
    if ('documentId' in value && !('publishedAt' in value)) return value.slug ?? null;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toSnapshotItem(v)]));
  }
  return value;
}

// A kept-alive connection the CMS closes just as a request goes out fails with ECONNRESET; a GET
// is safe to repeat, so a connection failure is retried before the export gives up.
const CONNECTION_RETRIES = 2;

async function getJson(url: string, token: string) {
  let response: Response | undefined;
  for (let attempt = 0; !response; attempt += 1) {
    try {
      response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
    } catch (error) {
      if (attempt >= CONNECTION_RETRIES) {
        throw new ExportError(`The CMS did not answer at ${url}: ${(error as Error).cause ?? (error as Error).message}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100 * (attempt + 1)));
    }
  }
  if (!response.ok) {
    throw new ExportError(`The CMS answered ${response.status} ${response.statusText} for ${url}: ${(await response.text()).slice(0, 300)}`);
  }
  return response.json() as Promise<any>;
}

/** Runs tasks with at most `limit` in flight; after the first failure no new task starts. */
function limiter(limit: number) {
  let active = 0;
  let failed = false;
  const queue: (() => void)[] = [];
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    // A finishing task hands its slot straight to the next waiter, so `limit` is never exceeded.
    if (active >= limit) await new Promise<void>((resolve) => queue.push(resolve));
    else active += 1;
    try {
      if (failed) throw new ExportError('export aborted after an earlier request failed');
      return await task();
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      const next = queue.shift();
      if (next) next();
      else active -= 1;
    }
  };
}

// Beyond this many pages of `pageSize`, the rest of a collection is fetched in pages this large:
// fewer round trips and populate queries at national scale, unchanged requests at seed size.
const LARGE_COLLECTION_PAGES = 10;
const LARGE_PAGE_SIZE = 500;

/** Splits the ids in (after, last] into at most `count` ranges `[after, to]` of about equal width. */
export function rangesBetween(after: number, last: number, count: number): [number, number][] {
  const width = Math.max(1, Math.ceil((last - after) / count));
  const ranges: [number, number][] = [];
  for (let from = after; from < last; from += width) ranges.push([from, Math.min(from + width, last)]);
  return ranges;
}

/** Code-point order by slug: the same on every database, whatever its collation. */
const bySlug = (a: any, b: any) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);

/**
 * Reads every collection with the read-only token and returns the validated snapshot. The first
 * page of every collection is asked for at once, then the remaining pages, a bounded number of
 * requests at a time; any failed request fails the export, naming its URL.
 *
 * Pages are ordered by id, not slug: the snapshot is sorted here anyway, and an order the
 * database keeps in its primary key needs no sort of the whole collection per page (at 50,000
 * lessons that sort was most of the export's time). Beyond the first pages, a large collection
 * is read by id ranges (`id > last seen`) rather than offsets, since the database has to step
 * over every skipped row of an offset.
 */
export async function exportSnapshot({ cmsUrl, token, pageSize = 100, concurrency = 6, largePageSize = LARGE_PAGE_SIZE }: ExportOptions): Promise<Snapshot> {
  const base = cmsUrl.replace(/\/$/, '');
  const run = limiter(concurrency);
  const raw: Record<string, unknown> = { generatedAt: new Date().toISOString() };
  const fetchItems = async (url: string) => (await run(() => getJson(url, token))).data.map(toSnapshotItem) as unknown[];

  /** Every entry with `after < id` under `query` (which bounds it above), in pages of `largePageSize`. */
  async function readRange(query: string, after: number): Promise<unknown[]> {
    const items: unknown[] = [];
    for (let last = after; ; ) {
      // The count is left out: the first page gave it, and it costs a query per page.
      const page = await run(() => getJson(`${query}&filters[id][$gt]=${last}&pagination[start]=0&pagination[limit]=${largePageSize}&pagination[withCount]=false`, token));
      items.push(...page.data.map(toSnapshotItem));
      // The CMS caps the limit at its maxLimit; what it actually served says whether a page is short.
      if (page.data.length === 0 || page.data.length < page.meta.pagination.limit) return items;
      last = page.data[page.data.length - 1].id;
    }
  }

  async function collectionItems(collection: string): Promise<unknown[]> {
    const query = `${base}/api/${collection}?sort=id:asc`;
    const first = await run(() => getJson(`${query}&pagination[page]=1&pagination[pageSize]=${pageSize}`, token));
    const { pageCount, total } = first.meta.pagination;
    const items: unknown[] = first.data.map(toSnapshotItem);
    if (pageCount <= LARGE_COLLECTION_PAGES) {
      const rest: Promise<unknown[]>[] = [];
      for (let page = 2; page <= pageCount; page += 1) rest.push(fetchItems(`${query}&pagination[page]=${page}&pagination[pageSize]=${pageSize}`));
      items.push(...(await Promise.all(rest)).flat());
    } else {
      // The rest is split into id ranges read side by side, each page starting after the last id
      // of the one before; a short page ends a range. The highest id bounds the last range.
      const [top] = (await run(() => getJson(`${base}/api/${collection}?sort=id:desc&pagination[start]=0&pagination[limit]=1&pagination[withCount]=false`, token))).data;
      const after = first.data[first.data.length - 1].id;
      // Nothing above the first page (entries deleted meanwhile) reads nothing; the count check below says so.
      const ranges = rangesBetween(after, top?.id ?? after, concurrency);
      const pages = await Promise.all(ranges.map(([from, to]) => readRange(`${query}&filters[id][$lte]=${to}`, from)));
      items.push(...pages.flat());
    }
    if (items.length !== total) {
      throw new ExportError(`The CMS served ${items.length} of ${total} ${collection} (${query}): entries changed during the export or pages overlap; run it again.`);
    }
    return items;
  }

  const collections = await Promise.all(COLLECTION_NAMES.map(collectionItems));
  COLLECTION_NAMES.forEach((collection, i) => {
    raw[collection] = (collections[i] as any[]).sort(bySlug);
  });
  return parseSnapshot(raw);
}

/** Writes via a temporary file and a rename, so a reader never sees half a snapshot. */
export function writeSnapshot(snapshot: Snapshot, file: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, snapshotJson(snapshot));
  fs.renameSync(tmp, file);
}

export function exportOptionsFromEnv(): ExportOptions {
  const env = { ...ensureEnvFile(path.join(CMS_DIR, '.env')), ...process.env };
  return { cmsUrl: env.CMS_URL || `http://localhost:${env.CMS_PORT || 1337}`, token: env.EXPORT_API_TOKEN! };
}

export const snapshotCounts = (snapshot: Snapshot) => COLLECTION_NAMES.map((c) => `${c}: ${snapshot[c].length}`).join(', ');

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const file = process.env.SNAPSHOT_PATH || DEFAULT_SNAPSHOT;
  exportSnapshot(exportOptionsFromEnv()).then(
    (snapshot) => {
      writeSnapshot(snapshot, file);
      console.log(`Exported ${snapshotCounts(snapshot)} → ${file}`);
    },
    (error) => {
      console.error(`Export failed: ${error.message}`);
      process.exit(1);
    },
  );
}
