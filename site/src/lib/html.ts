/**
 * Markup built as strings, for the parts of pages that repeat hundreds of thousands of times in a
 * national build: as Astro components every list item cost a component instance of its own, and
 * lesson and initiative pages are written from these strings without Astro's per-page pipeline
 * (lib/entry-pages/). The components of the same names wrap these functions.
 */
import { apaSegments, CITATION_FORMATS, citationDataUrl, citationJsonLd, highwireTags, jsonLdScript, type CitationFormat, type CitationItem } from './citation';
import { LABELS } from '@erfarenhetsbanken/shared-types';
import { pick, type Bank, type Citation, type Lesson, type Source } from './bank';
import { entryUrl, formatPeriod, LESSON_TYPE_LABEL, type EntryType, type LessonType, type Period } from './format';
import { renderMarkdown } from './markdown';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };
/** The escaping Astro applies to expressions in templates. */
export const escapeHtml = (text: string) => text.replace(/[&<>'"]/g, (c) => ENTITIES[c]);
/** The escaping Astro applies to attribute values. */
export const escapeAttribute = (text: string) => text.replace(/&/g, '&#38;').replace(/"/g, '&#34;');

export const lessonBadgeHtml = (type: LessonType) => `<span class="badge badge--${type}">${escapeHtml(LESSON_TYPE_LABEL[type])}</span>`;

/** Lessons as an entry list: title, type and (unless the page is about it) the initiatives each comes from. */
export function lessonListHtml(bank: Bank, items: Lesson[], showInitiatives: boolean): string {
  const item = (l: Lesson) => {
    const from = showInitiatives ? ` från ${escapeHtml(pick(bank.initiative, l.initiatives).map((i) => i.title).join(', '))}` : '';
    return `<li><a href="${escapeHtml(entryUrl('lesson', l.slug))}">${escapeHtml(l.title)}</a> <span class="meta">${lessonBadgeHtml(l.type)}${from}</span></li>`;
  };
  return `<ul class="entry-list">${items.map(item).join('')}</ul>`;
}

/** Missing years are stated, never guessed; the editor's note says what the source does say. */
export const periodHtml = (period: Period) =>
  `<span class="period">${escapeHtml(formatPeriod(period))}</span>${period.periodNote ? `<span class="period-note muted"> – ${escapeHtml(period.periodNote)}</span>` : ''}`;

/** One `<dt>`/`<dd>` pair of a fact list, linking the related entries; nothing when there are none. */
export function linkedTermHtml(term: string, type: EntryType, items: { slug: string; name?: string; title?: string }[]): string {
  if (items.length === 0) return '';
  const links = items.map((item) => `<li><a href="${entryUrl(type, item.slug)}">${escapeHtml(item.name ?? item.title ?? '')}</a></li>`);
  return `<dt>${escapeHtml(term)}</dt><dd><ul class="inline-list">${links.join('')}</ul></dd>`;
}

/** Sanitized in renderMarkdown with a strict allow-list; inserting it as markup is safe only because of that. */
export function markdownHtml(text: string | null | undefined, headingLevel = 3): string {
  const html = renderMarkdown(text, { headingLevel });
  return html && `<div class="prose">${html}</div>`;
}

// "17–18" reads as pages; a named part ("Förord") stands on its own.
const pagesLabel = (pages: string) => (/^\d/.test(pages) ? `s. ${pages}` : pages);

export function citationsHtml(bank: Bank, citations: Citation[]): string {
  const item = (c: Citation) => {
    const source = c.source ? bank.source.get(c.source) : undefined;
    const parts = ['<li class="citation"><span class="citation__label">Källa: </span>'];
    parts.push(source ? `<a href="${entryUrl('source', source.slug)}">${escapeHtml(source.title)}</a>` : '<span>Källan är inte publicerad</span>');
    if (source && (source.publisher || source.year)) {
      parts.push(` <span class="muted"> (${escapeHtml([source.publisher, source.year ?? 'år saknas'].filter(Boolean).join(', '))})</span>`);
    }
    parts.push(c.pages ? `<span>, ${escapeHtml(pagesLabel(c.pages))}</span>` : '<span class="muted">, sida anges inte</span>');
    if (c.quote) parts.push(`<blockquote><p>”${escapeHtml(c.quote)}”</p></blockquote>`);
    parts.push('</li>');
    return parts.join('');
  };
  return `<ul class="citations">${citations.map(item).join('')}</ul>`;
}

/**
 * Citera: how to cite what the page describes, in APA 7 (Swedish) and as files for reference
 * managers: links that carry their file (citationDataUrl), so no JavaScript and no extra request.
 */
export function citeAsHtml(item: CitationItem): string {
  const reference = apaSegments(item)
    .map((s) => (s.italic ? `<i>${escapeHtml(s.text)}</i>` : escapeHtml(s.text)))
    .join('');
  const files = (Object.entries(CITATION_FORMATS) as [CitationFormat, (typeof CITATION_FORMATS)[CitationFormat]][]).map(
    ([format, spec]) =>
      `<li><a href="${escapeAttribute(citationDataUrl(item, format))}" download="erfarenhetsbanken-${escapeAttribute(item.key)}.${format}" type="${spec.mime}">${escapeHtml(spec.label)}<span class="visually-hidden"> (.${format})</span></a></li>`,
  );
  return (
    '<section class="cite-as" id="citera" aria-labelledby="citera-rubrik"><h2 id="citera-rubrik">Citera</h2>' +
    (item.kind === 'source' ? '<p>Referens till källan enligt APA 7:</p>' : '<p>Sidans adress är permanent. Referens enligt APA 7:</p>') +
    `<p class="reference">${reference}</p>` +
    '<p class="cite-as__downloads">Ladda ner referensen för Zotero, EndNote, Mendeley eller LaTeX:</p>' +
    `<ul class="inline-list cite-as__files">${files.join('')}</ul></section>`
  );
}

/**
 * Machine-readable descriptions of what the page is about, for the page's <head>: Highwire
 * `citation_*` tags (Zotero's connector, Google Scholar) and schema.org JSON-LD, a data block
 * that is never executed. `extra`: schema.org properties only the page knows.
 */
export function citationMetaHtml(item: CitationItem, site: URL | string, extra: Record<string, unknown> = {}): string {
  const tags = highwireTags(item).map(([name, content]) => `<meta name="${escapeAttribute(name)}" content="${escapeAttribute(content)}">`);
  return `${tags.join('')}<script type="application/ld+json">${jsonLdScript(citationJsonLd(item, site, extra))}</script>`;
}

export const sourceListHtml = (items: Source[]) =>
  `<ul class="entry-list">${items
    .map(
      (s) =>
        `<li><a href="${entryUrl('source', s.slug)}">${escapeHtml(s.title)}</a> <span class="meta">${escapeHtml([LABELS.sourceType[s.type], s.authors, s.publisher, s.year ?? 'år saknas'].filter(Boolean).join(' · '))}</span></li>`,
    )
    .join('')}</ul>`;

/** A lesson in full where it is listed under its initiative: body and evidence together. `level`: its heading's. */
export function lessonCardHtml(bank: Bank, lesson: Lesson, level: 3 | 4): string {
  const id = `lardom-${lesson.slug}`;
  return (
    `<article class="lesson-card" aria-labelledby="${id}"><h${level} id="${id}"><a href="${entryUrl('lesson', lesson.slug)}">${escapeHtml(lesson.title)}</a></h${level}>` +
    markdownHtml(lesson.body, level + 1) +
    citationsHtml(bank, lesson.citations) +
    '</article>'
  );
}
