import type { APIRoute } from 'astro';
import { getBank, openData } from '../../lib/bank';
import { openDataJson } from '../../lib/open-data/files';

/** The open-data file: exactly the snapshot contract (DESIGN.md, "Open data"). */
export const GET: APIRoute = async () => {
  return new Response(openDataJson(openData(await getBank())), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
