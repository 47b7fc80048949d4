/**
 * Entry pages written as strings into one model page. Lessons and initiatives are most of the
 * pages of a national bank (60,000 of 65,000). Through Astro's per-page pipeline each cost about
 * 2–4 ms of CPU; so a build renders one model page per type through its `[slug]` route (with
 * TEMPLATE_SLUG and the placeholders of TEMPLATE_PARTS), and integrations/entry-pages.ts fills it
 * in for every entry. The frame stays Base.astro's. Under `astro dev` the routes render each entry
 * from the same parts.
 */
import { SEGMENT } from '../format';
import { escapeAttribute, escapeHtml } from '../html';
import { entryPaths } from '../shard';

export interface EntryPageParts {
  /** plain text: Base.astro escapes it */
  title: string;
  /** plain text; empty for none */
  description: string;
  /** markup for the page's <head> */
  head: string;
  /** markup for the page's main content */
  article: string;
}

export type TemplatedType = 'lesson' | 'initiative';

/** The model page's slug: no entry can have it (slugs are lower-case letters, digits and hyphens). */
export const TEMPLATE_SLUG = '_template_';

/** What a model page is rendered with; each occurs in Base.astro's output where an entry's own goes. */
export const TEMPLATE_PARTS: EntryPageParts = { title: '@@title@@', description: '@@description@@', head: '@@head@@', article: '@@article@@' };

/** getStaticPaths of a templated `[slug]` route: every entry under `astro dev`, the model page in a build. */
export const templatedPaths = (collection: 'lessons' | 'initiatives') =>
  import.meta.env.DEV ? entryPaths(collection) : [{ params: { slug: TEMPLATE_SLUG } }];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A model page cut at its placeholders, as a function of an entry's slug and parts. Throws when
 * the model does not hold each placeholder as often as a page needs it: a change to Base.astro
 * must not go unnoticed.
 */
export function entryPageTemplate(model: string, type: TemplatedType): (slug: string, parts: EntryPageParts) => string {
  const path = (slug: string) => `/${SEGMENT[type]}/${slug}/`;
  const slots: [token: string, count: number, fill: (slug: string, parts: EntryPageParts) => string][] = [
    // An entry without text gets no description, as Base.astro does.
    [`<meta name="description" content="${TEMPLATE_PARTS.description}">`, 1, (_, p) => (p.description ? `<meta name="description" content="${escapeAttribute(p.description)}">` : '')],
    [TEMPLATE_PARTS.head, 1, (_, p) => p.head],
    [TEMPLATE_PARTS.article, 1, (_, p) => p.article],
    // The <title> and the last breadcrumb.
    [TEMPLATE_PARTS.title, 2, (_, p) => escapeHtml(p.title)],
    // The canonical link and the printed address.
    [path(TEMPLATE_SLUG), 2, path],
  ];
  for (const [token, count] of slots) {
    const found = model.split(token).length - 1;
    if (found !== count) throw new Error(`The ${type} page model holds "${token}" ${found} times, not ${count}`);
  }
  const fillOf = new Map(slots.map(([token, , fill]) => [token, fill]));
  const pieces = model.split(new RegExp(`(${slots.map(([token]) => escapeRegExp(token)).join('|')})`));
  return (slug, parts) => {
    let html = '';
    for (let i = 0; i < pieces.length; i++) html += i % 2 ? fillOf.get(pieces[i])!(slug, parts) : pieces[i];
    return html;
  };
}
