import type { APIRoute } from 'astro';
import { getBank } from '../lib/bank';
import { atomFeed, type FeedEntry } from '../lib/feed';
import { entryUrl, LESSON_TYPE_LABEL, LESSON_TYPE_PARAM } from '../lib/format';
import { markdownToText } from '../lib/markdown';

/** How many of the newest entries the feed carries; older ones stay on the site and in /data/. */
const FEED_SIZE = 50;

const shorten = (text: string, max = 300) => (text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`);
const later = (a: string, b: string) => (new Date(a) >= new Date(b) ? a : b);

/** /flode.xml: the newest lessons and initiatives by publication date (Atom). */
export const GET: APIRoute = async ({ site }) => {
  const bank = await getBank();
  const abs = (path: string) => new URL(path, site).href;
  // Pick the newest first and describe only those: a summary costs a markdown pass.
  const newest = [...bank.initiatives.map((entry) => ({ kind: 'initiative' as const, entry })), ...bank.lessons.map((entry) => ({ kind: 'lesson' as const, entry }))]
    .map((item) => ({ ...item, url: abs(entryUrl(item.kind, item.entry.slug)) }))
    .sort((a, b) => b.entry.publishedAt.localeCompare(a.entry.publishedAt) || a.url.localeCompare(b.url))
    .slice(0, FEED_SIZE);
  const entries: FeedEntry[] = newest.map(({ kind, entry, url }) => {
    const dates = { published: entry.publishedAt, updated: later(entry.publishedAt, entry.updatedAt) };
    if (kind === 'initiative') {
      return { url, title: entry.title, summary: entry.summary, ...dates, categories: [{ term: 'insats', label: 'Insats' }] };
    }
    return {
      url,
      title: entry.title,
      summary: shorten(markdownToText(entry.body)),
      ...dates,
      categories: [
        { term: 'lardom', label: 'Lärdom' },
        { term: LESSON_TYPE_PARAM[entry.type], label: LESSON_TYPE_LABEL[entry.type] },
      ],
    };
  });
  const xml = atomFeed({
    self: abs('/flode.xml'),
    home: abs('/'),
    title: 'Erfarenhetsbanken: nya lärdomar och insatser',
    subtitle: 'De senast publicerade lärdomarna och insatserna i Erfarenhetsbanken.',
    author: 'Erfarenhetsbanken',
    rights: 'Innehållet får återanvändas enligt Creative Commons Erkännande 4.0 (CC BY 4.0).',
    fallbackUpdated: bank.generatedAt,
    entries,
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
