import type { APIRoute } from 'astro';
import { getBank, openData } from '../../lib/bank';

/** The open-data file: exactly the snapshot contract (DESIGN.md, "Open data"). */
export const GET: APIRoute = async () => {
  const data = openData(await getBank());
  return new Response(`${JSON.stringify(data, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
