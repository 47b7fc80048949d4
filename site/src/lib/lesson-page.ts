/**
 * A lesson page as strings. Lessons are most of the pages of a national bank (50,000 of 65,000),
 * so a build renders one model page through Astro (the `[slug]` route with TEMPLATE_SLUG and the
 * placeholders below) and integrations/lesson-pages.ts fills it in for every lesson: the frame
 * stays Base.astro's, without Astro's per-page pipeline 50,000 times. Under `astro dev` the route
 * renders each lesson from the same parts.
 */
import { LABELS } from '@erfarenhetsbanken/shared-types';
import { pick, relatedLessons, sortedByName, type Bank, type Lesson } from './bank';
import { entryCitation } from './citation';
import { entryUrl } from './format';
import { citationMetaHtml, citationsHtml, citeAsHtml, escapeAttribute, escapeHtml, lessonBadgeHtml, lessonListHtml, linkedTermHtml, markdownHtml, periodHtml } from './html';
import { markdownToText } from './markdown';

export interface LessonPageParts {
  /** plain text: Base.astro escapes it */
  title: string;
  /** plain text; empty for none */
  description: string;
  /** markup for the page's <head> */
  head: string;
  /** markup for the page's main content */
  article: string;
}

export function lessonPageParts(bank: Bank, lesson: Lesson, site: URL | string): LessonPageParts {
  const initiatives = pick(bank.initiative, lesson.initiatives);
  const themes = sortedByName(pick(bank.theme, lesson.themes));
  const methods = sortedByName(pick(bank.method, lesson.methods));
  const description = markdownToText(lesson.body).slice(0, 250);
  const cite = entryCitation('lesson', lesson, site);
  const citedSources = pick(bank.source, [...new Set(lesson.citations.map((c) => c.source))]);
  const head = citationMetaHtml(cite, site, {
    description,
    ...(themes.length ? { keywords: themes.map((t) => t.name).join(', ') } : {}),
    about: initiatives.map((i) => ({ '@type': 'CreativeWork', name: i.title, url: new URL(entryUrl('initiative', i.slug), site).href })),
    citation: citedSources.map((s) => ({ '@type': 'CreativeWork', name: s.title, url: new URL(entryUrl('source', s.slug), site).href })),
  });

  const initiativeItems = initiatives.map(
    (i) => `<li><a href="${entryUrl('initiative', i.slug)}">${escapeHtml(i.title)}</a> (${periodHtml({ startYear: i.startYear, endYear: i.endYear })})</li>`,
  );
  const related = relatedLessons(bank, lesson).map(({ theme, lessons, more }) => {
    const themeUrl = entryUrl('theme', theme.slug);
    const name = escapeHtml(theme.name);
    return (
      `<section aria-labelledby="tema-${theme.slug}"><h3 id="tema-${theme.slug}"><a href="${themeUrl}">${name}</a></h3>` +
      lessonListHtml(bank, lessons, true) +
      (more ? `<p><a href="${themeUrl}">Fler lärdomar på temat ${name}</a></p>` : '') +
      '</section>'
    );
  });
  const article = [
    '<article aria-labelledby="rubrik">',
    `<p>${lessonBadgeHtml(lesson.type)}</p>`,
    `<h1 id="rubrik">${escapeHtml(lesson.title)}</h1>`,
    '<dl class="facts">',
    `<dt>${initiatives.length === 1 ? 'Insats' : 'Insatser'}</dt><dd><ul class="inline-list">${initiativeItems.join('')}</ul></dd>`,
    linkedTermHtml('Teman', 'theme', themes),
    linkedTermHtml('Metoder', 'method', methods),
    '</dl>',
    '<section aria-labelledby="lardomen"><h2 id="lardomen">Lärdomen</h2>',
    markdownHtml(lesson.body, 3),
    '</section>',
    '<section aria-labelledby="belagg"><h2 id="belagg">Belägg</h2>',
    `<p>Typ av underlag: ${lesson.evidenceKind ? escapeHtml(LABELS.evidenceKind[lesson.evidenceKind]) : '<span class="muted">anges inte</span>'}</p>`,
    citationsHtml(bank, lesson.citations),
    '</section>',
    '<section aria-labelledby="samma-tema"><h2 id="samma-tema">Lärdomar på samma tema från andra insatser</h2>',
    related.length === 0 ? '<p>Det finns ännu inga lärdomar från andra insatser på samma tema.</p>' : related.join(''),
    '</section>',
    citeAsHtml(cite),
    '</article>',
  ];
  return { title: lesson.title, description, head, article: article.join('') };
}

/** The model page's slug: no lesson can have it (slugs are lower-case letters, digits and hyphens). */
export const TEMPLATE_SLUG = '_template_';

/** What the model page is rendered with; each occurs in Base.astro's output where the lesson's own goes. */
export const TEMPLATE_PARTS: LessonPageParts = { title: '@@title@@', description: '@@description@@', head: '@@head@@', article: '@@article@@' };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The model page cut at its placeholders, as a function of a lesson's slug and parts. Throws when
 * the model does not hold each placeholder as often as a page needs it: a change to Base.astro
 * must not go unnoticed.
 */
export function lessonPageTemplate(model: string): (slug: string, parts: LessonPageParts) => string {
  const slots: [token: string, count: number, fill: (slug: string, parts: LessonPageParts) => string][] = [
    // A lesson whose body has no text gets no description, as Base.astro does.
    [`<meta name="description" content="${TEMPLATE_PARTS.description}">`, 1, (_, p) => (p.description ? `<meta name="description" content="${escapeAttribute(p.description)}">` : '')],
    [TEMPLATE_PARTS.head, 1, (_, p) => p.head],
    [TEMPLATE_PARTS.article, 1, (_, p) => p.article],
    // The <title> and the last breadcrumb.
    [TEMPLATE_PARTS.title, 2, (_, p) => escapeHtml(p.title)],
    // The canonical link and the printed address.
    [`/lardomar/${TEMPLATE_SLUG}/`, 2, (slug) => `/lardomar/${slug}/`],
  ];
  for (const [token, count] of slots) {
    const found = model.split(token).length - 1;
    if (found !== count) throw new Error(`The lesson page model holds "${token}" ${found} times, not ${count}`);
  }
  const fillOf = new Map(slots.map(([token, , fill]) => [token, fill]));
  const pieces = model.split(new RegExp(`(${slots.map(([token]) => escapeRegExp(token)).join('|')})`));
  return (slug, parts) => {
    let html = '';
    for (let i = 0; i < pieces.length; i++) html += i % 2 ? fillOf.get(pieces[i])!(slug, parts) : pieces[i];
    return html;
  };
}
