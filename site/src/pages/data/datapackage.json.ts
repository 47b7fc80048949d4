import type { APIRoute } from 'astro';
import { getBank, openData } from '../../lib/bank';
import { dataPackage } from '../../lib/open-data/datapackage';

/** The Frictionless Data Package describing every open-data file and column. */
export const GET: APIRoute = async ({ site }) => {
  const descriptor = dataPackage(openData(await getBank()), site!);
  return new Response(`${JSON.stringify(descriptor, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
