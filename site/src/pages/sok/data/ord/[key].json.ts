import { isPrimaryShard } from '../../../../lib/shard';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getBank } from '../../../../lib/bank';
import { jsonResponse as json, searchIndexFiles } from '../../../../lib/search-index';
import { chunkFile } from '../../../../lib/search/text';
import type { TermChunk } from '../../../../lib/search/format';

/** One term chunk per folded two-letter prefix: its words and their postings. */
export const getStaticPaths = (async () => {
  // Only the primary build shard writes the search index (lib/shard.ts); the others never build it.
  if (!isPrimaryShard) return [];
  const { terms } = await searchIndexFiles(await getBank());
  return [...terms].map(([key, chunk]) => ({ params: { key: chunkFile(key) }, props: { chunk } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ chunk: TermChunk }> = ({ props }) => json(props.chunk);
