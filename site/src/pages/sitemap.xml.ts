import type { APIRoute } from 'astro';
import { allPaths, getBank } from '../lib/bank';
import { laterComparePageUrls } from '../lib/compare';
import { laterListPageUrls } from '../lib/listing';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Every page of the site: search engines use it, and so do the accessibility tests. */
export const GET: APIRoute = async ({ site }) => {
  const bank = await getBank();
  const urls = [...allPaths(bank), ...laterListPageUrls(bank), ...laterComparePageUrls(bank)].map((path) => `  <url><loc>${escape(new URL(path, site).href)}</loc></url>`);
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
