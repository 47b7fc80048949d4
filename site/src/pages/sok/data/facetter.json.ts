import type { APIRoute } from 'astro';
import { getBank } from '../../../lib/bank';
import { jsonResponse as json, searchIndexFiles } from '../../../lib/search-index';

/** The theme and area columns: fetched when the reader opens one of those groups or picks a value. */
export const GET: APIRoute = async () => json((await searchIndexFiles(await getBank())).facets);
