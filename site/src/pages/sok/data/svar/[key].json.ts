import { isPrimaryShard } from '../../../../lib/shard';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getBank } from '../../../../lib/bank';
import { jsonResponse as json, searchIndexFiles } from '../../../../lib/search-index';
import { chunkFile } from '../../../../lib/search/text';
import type { KeyAnswer } from '../../../../lib/search/format';

/** Per file key under ord/: the answer to it typed alone, with the text of its first hits. */
export const getStaticPaths = (async () => {
  // Only the primary build shard writes the search index (lib/shard.ts); the others never build it.
  if (!isPrimaryShard) return [];
  const { answers } = await searchIndexFiles(await getBank());
  return [...answers].map(([key, answer]) => ({ params: { key: chunkFile(key) }, props: { answer } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ answer: KeyAnswer }> = ({ props }) => json(props.answer);
