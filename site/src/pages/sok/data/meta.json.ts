import type { APIRoute } from 'astro';
import { getBank } from '../../../lib/bank';
import { jsonResponse as json, searchIndexFiles } from '../../../lib/search-index';

/** Facet columns, counts and field norms: all the search page needs before anyone types. */
export const GET: APIRoute = async () => json((await searchIndexFiles(await getBank())).meta);
