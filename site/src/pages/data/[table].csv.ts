import type { APIRoute } from 'astro';
import { getBank, openData } from '../../lib/bank';
import { toCsv } from '../../lib/open-data/csv';
import { TABLES } from '../../lib/open-data/fields';

/** One CSV per table of the field config (lib/open-data/fields.ts): /data/initiatives.csv, … */
export const getStaticPaths = () => TABLES.map((table) => ({ params: { table: table.name } }));

export const GET: APIRoute = async ({ params }) => {
  const table = TABLES.find((t) => t.name === params.table)!;
  const csv = toCsv(table, openData(await getBank()));
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' } });
};
