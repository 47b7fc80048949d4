/** An initiative's page as strings (see template.ts). */
import { LABELS } from '@erfarenhetsbanken/shared-types';
import { ancestry, pick, sortedByName, sortedByTitle, type Bank, type Initiative } from '../bank';
import { entryCitation } from '../citation';
import { entryUrl, formatSek, LESSON_TYPE_PLURAL, LESSON_TYPES } from '../format';
import { citationMetaHtml, citeAsHtml, escapeHtml, lessonCardHtml, linkedTermHtml, markdownHtml, periodHtml, sourceListHtml } from '../html';
import type { EntryPageParts } from './template';

const initiativeLink = (i: Initiative) => `<a href="${entryUrl('initiative', i.slug)}">${escapeHtml(i.title)}</a>`;
const inlineList = (links: string[]) => `<ul class="inline-list">${links.map((link) => `<li>${link}</li>`).join('')}</ul>`;

/** The chain in time order: the oldest predecessors first, then the initiative, then what followed, generation by generation. */
function chainHtml(bank: Bank, i: Initiative): string {
  const before = ancestry(bank, i).reverse();
  const after: Initiative[][] = [];
  const seen = new Set([i.slug]);
  let current = [i];
  while (current.length) {
    const next = current.flatMap((c) => bank.successors.get(c.slug) ?? []).filter((c) => !seen.has(c.slug));
    next.forEach((c) => seen.add(c.slug));
    const unique = [...new Map(next.map((c) => [c.slug, c])).values()];
    if (unique.length) after.push(unique);
    current = unique;
  }
  if (before.length === 0 && after.length === 0) return '<p>Inga föregångare eller efterföljare är registrerade.</p>';
  const generation = (label: string) => (items: Initiative[]) => `<li><span class="muted">${label}: </span>${items.map(initiativeLink).join(', ')}</li>`;
  return (
    '<ol class="chain">' +
    before.map(generation('Föregångare')).join('') +
    `<li><strong>${escapeHtml(i.title)}</strong> <span class="muted">(den här insatsen)</span></li>` +
    after.map(generation('Efterföljare')).join('') +
    '</ol>'
  );
}

const textSection = (id: string, heading: string, markdown: string | null | undefined) =>
  markdown ? `<section aria-labelledby="${id}"><h2 id="${id}">${heading}</h2>${markdownHtml(markdown, 3)}</section>` : '';

export function initiativePageParts(bank: Bank, i: Initiative, site: URL | string): EntryPageParts {
  const areas = sortedByName(pick(bank.area, i.areas));
  const participants = sortedByName(pick(bank.organisation, i.participants));
  const funders = sortedByName(pick(bank.organisation, i.funders));
  const methods = sortedByName(pick(bank.method, i.methods));
  const themes = sortedByName(pick(bank.theme, i.themes));
  const sources = sortedByTitle(pick(bank.source, i.sources));
  const lessons = bank.lessonsOfInitiative.get(i.slug) ?? [];

  const cite = entryCitation('initiative', i, site);
  // The period as an ISO 8601 interval, open where the source gives no year (never guessed).
  const temporalCoverage = i.startYear == null && i.endYear == null ? undefined : `${i.startYear ?? '..'}/${i.endYear ?? '..'}`;
  const head = citationMetaHtml(cite, site, {
    description: i.summary,
    ...(themes.length ? { keywords: themes.map((t) => t.name).join(', ') } : {}),
    ...(temporalCoverage ? { temporalCoverage } : {}),
    ...(areas.length ? { spatialCoverage: areas.map((a) => ({ '@type': 'Place', name: a.name })) } : {}),
    ...(sources.length ? { citation: sources.map((s) => ({ '@type': 'CreativeWork', name: s.title, url: new URL(entryUrl('source', s.slug), site).href })) } : {}),
  });

  const orgLinks = (items: typeof participants) => items.map((o) => `<a href="${entryUrl('organisation', o.slug)}">${escapeHtml(o.name)}</a>`);
  const funding =
    (i.funding != null ? escapeHtml(i.funding) : i.amountSek == null ? '<span class="muted">Källan anger inte finansieringen</span>' : '') +
    (i.amountSek != null ? `<span> (belopp: ${escapeHtml(formatSek(i.amountSek))})</span>` : '');
  const facts = [
    `<dt>Typ av insats</dt><dd>${escapeHtml(LABELS.initiativeCategory[i.category])}</dd>`,
    `<dt>Period</dt><dd>${periodHtml(i)}</dd>`,
    i.municipality ? `<dt>Kommun</dt><dd>${escapeHtml(i.municipality)}</dd>` : '',
    `<dt>Finansiering</dt><dd>${funding}</dd>`,
    funders.length ? `<dt>Finansiärer</dt><dd>${inlineList(orgLinks(funders))}</dd>` : '',
    `<dt>Områden</dt><dd>${areas.length ? inlineList(areas.map((a) => `<a href="${entryUrl('area', a.slug)}">${escapeHtml(a.name)}</a>`)) : '<span class="muted">Inget område angivet</span>'}</dd>`,
    `<dt>Aktörer</dt><dd>${participants.length ? inlineList(orgLinks(participants)) : '<span class="muted">Inga aktörer angivna</span>'}</dd>`,
    linkedTermHtml('Metoder', 'method', methods),
    linkedTermHtml('Teman', 'theme', themes),
  ];
  const lessonGroups = LESSON_TYPES.map((type) => ({ type, lessons: lessons.filter((l) => l.type === type) }))
    .filter((g) => g.lessons.length > 0)
    .map(
      ({ type, lessons }) =>
        `<section aria-labelledby="typ-${type}"><h3 id="typ-${type}">${escapeHtml(LESSON_TYPE_PLURAL[type])} (${lessons.length})</h3>` +
        lessons.map((lesson) => lessonCardHtml(bank, lesson, 4)).join('') +
        '</section>',
    );
  const article = [
    '<article aria-labelledby="rubrik">',
    `<h1 id="rubrik">${escapeHtml(i.title)}</h1>`,
    `<p class="lead">${escapeHtml(i.summary)}</p>`,
    `<dl class="facts">${facts.join('')}</dl>`,
    textSection('beskrivning', 'Beskrivning', i.description),
    textSection('mal', 'Mål', i.goals),
    textSection('resultat', 'Resultat', i.outcomes),
    `<section aria-labelledby="lardomar"><h2 id="lardomar">Lärdomar (${lessons.length})</h2>`,
    lessons.length === 0 ? '<p>Inga lärdomar är ännu dokumenterade för den här insatsen.</p>' : lessonGroups.join(''),
    '</section>',
    `<section aria-labelledby="kedja"><h2 id="kedja">Föregångare och efterföljare</h2>${chainHtml(bank, i)}</section>`,
    `<section aria-labelledby="kallor"><h2 id="kallor">Källor (${sources.length})</h2>${sources.length ? sourceListHtml(sources) : '<p>Inga källor angivna.</p>'}</section>`,
    i.notes ? `<section aria-labelledby="anmarkningar"><h2 id="anmarkningar">Redaktionens anmärkningar</h2><p class="note">${escapeHtml(i.notes)}</p></section>` : '',
    citeAsHtml(cite),
    '</article>',
  ];
  return { title: i.title, description: i.summary, head, article: article.join('') };
}
