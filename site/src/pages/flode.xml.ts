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
  const entries: FeedEntry[] = [
    ...bank.initiatives.map((i) => ({
      url: abs(entryUrl('initiative', i.slug)),
      title: i.title,
      summary: i.summary,
      published: i.publishedAt,
      updated: later(i.publishedAt, i.updatedAt),
      categories: [{ term: 'insats', label: 'Insats' }],
    })),
    ...bank.lessons.map((l) => ({
      url: abs(entryUrl('lesson', l.slug)),
      title: l.title,
      summary: shorten(markdownToText(l.body)),
      published: l.publishedAt,
      updated: later(l.publishedAt, l.updatedAt),
      categories: [
        { term: 'lardom', label: 'Lärdom' },
        { term: LESSON_TYPE_PARAM[l.type], label: LESSON_TYPE_LABEL[l.type] },
      ],
    })),
  ]
    .sort((a, b) => b.published.localeCompare(a.published) || a.url.localeCompare(b.url))
    .slice(0, FEED_SIZE);
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
