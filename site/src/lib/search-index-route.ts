import type { APIRoute, GetStaticPaths } from 'astro';
import { getBank } from './bank';
import { jsonResponse, searchIndexFiles } from './search-index';
import type { SearchIndexFiles } from './search/index-builder';
import { isPrimaryShard } from './shard';

/**
 * The static endpoint of one kind of search index file under /sok/data/ (`[param].json`): one
 * JSON file per [name, body] that `entries` picks from the index.
 */
export function searchIndexRoute<T>(param: string, entries: (files: SearchIndexFiles) => [name: string, body: T][]) {
  const getStaticPaths = (async () => {
    // Only the primary build shard writes the search index (lib/shard.ts); the others never build it.
    if (!isPrimaryShard) return [];
    const files = await searchIndexFiles(await getBank());
    return entries(files).map(([name, body]) => ({ params: { [param]: name }, props: { body } }));
  }) satisfies GetStaticPaths;
  const GET: APIRoute<{ body: T }> = ({ props }) => jsonResponse(props.body);
  return { getStaticPaths, GET };
}
