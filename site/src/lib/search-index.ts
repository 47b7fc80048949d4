/**
 * Builds the search documents, the facet options and the chunked search index at build time
 * (written to files by integrations/search-data.ts). The browser fetches the index piecemeal
 * (search/engine.ts) and never indexes anything itself.
 */
import { LABELS } from '@erfarenhetsbanken/shared-types';
import { areaAncestors, decadesOfLesson, pick, type Bank } from './bank';
import {
  collator,
  compareDecades,
  decadeLabel,
  decadesOf,
  entryUrl,
  formatPeriodShort,
  LESSON_TYPE_LABEL,
  LESSON_TYPE_PARAM,
  LESSON_TYPES,
  SEGMENT,
  TYPE_LABEL_PLURAL,
  type EntryType,
} from './format';
import { markdownToText } from './markdown';
import type { FacetName, SearchDoc, SearchFacets } from './search';
import { buildSearchIndex, type SearchIndexFiles } from './search/index-builder';
import { META_FILE } from './search/format';
import { addKeyOutcomes } from './search/key-outcomes';
import { chunkFile } from './search/text';

const TEXT_LENGTH = 280;

/** Cuts at a word boundary; fuse scores and highlights on what is shipped, so keep it short. */
function excerpt(text: string, length = TEXT_LENGTH): string {
  const clean = text.replace(/\s+/g, ' ').trim().normalize('NFC');
  if (clean.length <= length) return clean;
  const cut = clean.slice(0, length);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), length - 40))} …`;
}

const nfc = (text: string | null | undefined) => (text ?? '').normalize('NFC');

export function buildSearchDocs(bank: Bank): SearchDoc[] {
  const areaNames = (slugs: string[]) => pick(bank.area, slugs).map((a) => a.name);
  const withAncestors = (slugs: string[]) => {
    const out = new Set<string>();
    for (const area of pick(bank.area, slugs)) {
      out.add(area.slug);
      for (const ancestor of areaAncestors(bank, area)) out.add(ancestor.slug);
    }
    return [...out];
  };
  const doc = (t: EntryType, slug: string, fields: Omit<SearchDoc, 't' | 'u'>): SearchDoc => ({
    t,
    u: entryUrl(t, slug),
    ...fields,
    title: nfc(fields.title),
    ctx: nfc(fields.ctx),
  });

  const docs: SearchDoc[] = [];
  for (const i of bank.initiatives) {
    docs.push(
      doc('initiative', i.slug, {
        title: i.title,
        text: excerpt(i.summary),
        ctx: [i.municipality, ...areaNames(i.areas), LABELS.initiativeCategory[i.category]].filter(Boolean).join(' · '),
        meta: `${LABELS.initiativeCategory[i.category]} · ${formatPeriodShort(i)}`,
        th: i.themes,
        ar: withAncestors(i.areas),
        pe: decadesOf(i),
      }),
    );
  }
  for (const l of bank.lessons) {
    const initiatives = pick(bank.initiative, l.initiatives);
    docs.push(
      doc('lesson', l.slug, {
        title: l.title,
        text: excerpt(markdownToText(l.body)),
        ctx: initiatives.map((i) => i.title).join(' · '),
        meta: `${LESSON_TYPE_LABEL[l.type]} · ${initiatives.map((i) => i.title).join(', ')}`,
        lt: l.type,
        th: l.themes,
        ar: withAncestors(initiatives.flatMap((i) => i.areas)),
        pe: decadesOfLesson(bank, l),
      }),
    );
  }
  for (const s of bank.sources) {
    docs.push(
      doc('source', s.slug, {
        title: s.title,
        text: excerpt(s.notes ?? ''),
        ctx: [s.authors, s.publisher, s.year].filter(Boolean).join(' · '),
        meta: [LABELS.sourceType[s.type], s.publisher, s.year ?? 'år saknas'].filter(Boolean).join(' · '),
        th: [],
        ar: [],
        pe: s.year ? [String(Math.floor(s.year / 10) * 10)] : [],
      }),
    );
  }
  for (const a of bank.areas) {
    docs.push(
      doc('area', a.slug, {
        title: a.name,
        text: excerpt(a.description ?? ''),
        ctx: [a.municipality, ...areaAncestors(bank, a).map((p) => p.name)].filter(Boolean).join(' · '),
        meta: [LABELS.areaKind[a.kind], a.municipality].filter(Boolean).join(' · '),
        th: [],
        ar: withAncestors([a.slug]),
        pe: [],
      }),
    );
  }
  for (const o of bank.organisations) {
    docs.push(
      doc('organisation', o.slug, {
        title: o.name,
        text: excerpt(o.description ?? ''),
        ctx: '',
        meta: LABELS.organisationKind[o.kind],
        th: [],
        ar: [],
        pe: [],
      }),
    );
  }
  for (const m of bank.methods) {
    docs.push(doc('method', m.slug, { title: m.name, text: excerpt(markdownToText(m.description)), ctx: '', meta: 'Metod', th: [], ar: [], pe: [] }));
  }
  for (const t of bank.themes) {
    docs.push(doc('theme', t.slug, { title: t.name, text: excerpt(t.description ?? ''), ctx: '', meta: 'Tema', th: [t.slug], ar: [], pe: [] }));
  }
  return docs;
}

/** Facet options with Swedish labels, listing only values some document carries. */
export function buildFacets(bank: Bank, docs: SearchDoc[]): SearchFacets {
  const used = (facet: FacetName) => {
    const values = new Set<string>();
    for (const d of docs) {
      if (facet === 'theme') d.th.forEach((v) => values.add(v));
      if (facet === 'area') d.ar.forEach((v) => values.add(v));
      if (facet === 'period') d.pe.forEach((v) => values.add(v));
    }
    return values;
  };
  const types: EntryType[] = ['initiative', 'lesson', 'theme', 'area', 'organisation', 'method', 'source'];
  const byLabel = (a: { label: string }, b: { label: string }) => collator.compare(a.label, b.label);
  const areasUsed = used('area');
  const themesUsed = used('theme');
  return {
    type: types.map((t) => ({ value: SEGMENT[t], label: TYPE_LABEL_PLURAL[t] })),
    lessonType: LESSON_TYPES.map((t) => ({ value: LESSON_TYPE_PARAM[t], label: LESSON_TYPE_LABEL[t] })),
    theme: bank.themes.filter((t) => themesUsed.has(t.slug)).map((t) => ({ value: t.slug, label: t.name })).sort(byLabel),
    area: bank.areas.filter((a) => areasUsed.has(a.slug)).map((a) => ({ value: a.slug, label: a.name })).sort(byLabel),
    period: [...used('period')].sort(compareDecades).map((d) => ({ value: d, label: decadeLabel(d) })),
  };
}

// The search page lists the facet options and the search-data integration indexes the same
// documents, in one build process but from two copies of this module (the pages' bundle and the
// integration's): on globalThis, like the bank (bank.ts), the documents are built once.
const DOCS_KEY = Symbol.for('erfarenhetsbanken.search-docs');
const docsOfBank = ((globalThis as Record<symbol, unknown>)[DOCS_KEY] ??= new WeakMap()) as WeakMap<Bank, SearchDoc[]>;

/** buildSearchDocs, once per bank until searchIndexFiles has used them. */
export function searchDocsOf(bank: Bank): SearchDoc[] {
  let docs = docsOfBank.get(bank);
  if (!docs) docsOfBank.set(bank, (docs = buildSearchDocs(bank)));
  return docs;
}

/** The index files. The documents are let go once indexed: a national build needs its memory for what comes after. */
export async function searchIndexFiles(bank: Bank): Promise<SearchIndexFiles> {
  const docs = searchDocsOf(bank);
  docsOfBank.delete(bank);
  const parents = new Map(bank.areas.map((a) => [a.slug, a.parent && bank.area.has(a.parent) ? a.parent : null]));
  const index = buildSearchIndex(docs, buildFacets(bank, docs), parents);
  await addKeyOutcomes(index);
  return index;
}

/** Where the browser fetches the index files from (search/engine.ts). */
export const SEARCH_DATA_URL = '/sok/data/';

/** Each index file's path under SEARCH_DATA_URL, with its JSON body. */
export function* searchDataFiles({ meta, facets, terms, fragments, answers }: SearchIndexFiles): Generator<[path: string, body: unknown]> {
  yield [META_FILE, meta];
  yield ['facetter.json', facets];
  for (const [key, file] of terms) yield [`ord/${chunkFile(key)}.json`, file];
  for (const [i, docs] of fragments.entries()) yield [`poster/${i}.json`, docs];
  for (const [prefix, group] of answers) yield [`svar/${chunkFile(prefix)}.json`, group];
}
