import type { APIRoute } from 'astro';
import { getBank } from '../../lib/bank';
import { buildSearchPayload } from '../../lib/search-index';

/** The prebuilt search index (documents + fuse.js index), fetched by the search island. */
export const GET: APIRoute = async () => {
  const payload = buildSearchPayload(await getBank());
  return new Response(JSON.stringify(payload), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
