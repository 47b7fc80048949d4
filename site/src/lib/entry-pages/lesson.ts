/** A lesson's page as strings (see template.ts). */
import { LABELS } from '@erfarenhetsbanken/shared-types';
import { pick, relatedLessons, sortedByName, type Bank, type Lesson } from '../bank';
import { entryCitation } from '../citation';
import { entryUrl } from '../format';
import { citationMetaHtml, citationsHtml, citeAsHtml, escapeHtml, lessonBadgeHtml, lessonListHtml, linkedTermHtml, markdownHtml, periodHtml } from '../html';
import { markdownToText } from '../markdown';
import type { EntryPageParts } from './template';

export function lessonPageParts(bank: Bank, lesson: Lesson, site: URL | string): EntryPageParts {
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
