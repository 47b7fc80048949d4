import { isPrimaryShard } from '../../../../lib/shard';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getBank } from '../../../../lib/bank';
import { jsonResponse as json, searchIndexFiles } from '../../../../lib/search-index';
import type { DocFragment } from '../../../../lib/search/format';

/** The display text of a few docs, fetched only when one of them is among the hits shown. */
export const getStaticPaths = (async () => {
  // Only the primary build shard writes the search index (lib/shard.ts); the others never build it.
  if (!isPrimaryShard) return [];
  const { fragments } = await searchIndexFiles(await getBank());
  return fragments.map((docs, i) => ({ params: { chunk: String(i) }, props: { docs } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ docs: DocFragment[] }> = ({ props }) => json(props.docs);
