/**
 * A site build can be split over processes, one per core (scripts/build.mjs sets
 * BUILD_SHARD="i/n" in each). The entry pages — tens of thousands at national scale, and the bulk
 * of the build — are divided between them: those Astro renders by slug, the templated lessons and
 * initiatives in batches each shard claims; every other page is rendered by the primary shard
 * alone, and the shards' outputs are merged with the primary's files taking precedence.
 */
import fs from 'node:fs';
import path from 'node:path';
import { getBank, type Bank } from './bank';

function parseShard(value: string | undefined): { index: number; count: number } {
  if (!value) return { index: 0, count: 1 };
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const [index, count] = match ? [Number(match[1]), Number(match[2])] : [NaN, NaN];
  if (!(count >= 1 && index < count)) throw new Error(`BUILD_SHARD must be "<index>/<count>" with index < count, got "${value}"`);
  return { index, count };
}

export const shard = parseShard(process.env.BUILD_SHARD);
export const isPrimaryShard = shard.index === 0;

/**
 * The primary shard also renders the lists and feed and writes the search index and open data,
 * so it takes a smaller share of the entry pages Astro renders (the templated ones are shared out
 * as the shards come for them, see claimBatches).
 */
const PRIMARY_SHARE = 0.25;

/** FNV-1a: stable across processes and runs, so a slug always lands in the same shard. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0) / 0x100000000;
}

/** The shard a slug's entry page belongs to. */
export function shardOf(slug: string, count = shard.count): number {
  if (count === 1) return 0;
  const x = hash(slug);
  const primary = PRIMARY_SHARE * (2 / count);
  return x < primary ? 0 : 1 + Math.min(count - 2, Math.floor(((x - primary) / (1 - primary)) * (count - 1)));
}

export const inShard = (slug: string) => shardOf(slug) === shard.index;

type EntryCollection = 'initiatives' | 'lessons' | 'sources' | 'areas' | 'organisations' | 'methods' | 'themes';

/** getStaticPaths of an entry page (`[slug]`): this shard's entries of the collection. */
export async function entryPaths(collection: EntryCollection) {
  const entries: Bank[EntryCollection] = (await getBank())[collection];
  return entries.filter((entry) => inShard(entry.slug)).map((entry) => ({ params: { slug: entry.slug } }));
}

/** Entries per batch that claimBatches hands out: small enough to even out, large enough to cost nothing. */
const BATCH = 500;

/**
 * The batches of a list (`[start, end)` index ranges) this shard writes, claimed one at a time as
 * the shard comes for them, so a shard that is done with its other work takes more. The other way,
 * a fixed share per shard, left one shard idle for 15 s or more, and which one depended on the
 * disk's speed that minute. A claim is a file created exclusively in BUILD_CLAIMS_DIR, which
 * scripts/build.mjs gives all shards of a build; without it (one process) every batch is this one's.
 */
export function* claimBatches(list: string, length: number): Generator<[start: number, end: number]> {
  const claims = process.env.BUILD_CLAIMS_DIR;
  for (let start = 0; start < length; start += BATCH) {
    if (claims && shard.count > 1) {
      try {
        fs.closeSync(fs.openSync(path.join(claims, `${list}-${start}`), 'wx'));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw error;
      }
    }
    yield [start, Math.min(length, start + BATCH)];
  }
}
