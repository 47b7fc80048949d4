/**
 * Splits the search documents into the static files the browser fetches piecemeal: one meta
 * file (facet columns, field norms), per two-character prefix the union of its words' postings,
 * per three-character prefix its words and their postings, and small fragment files of display
 * text. Pure: pages and tests call it alike.
 */
import type { SearchDoc, SearchFacets } from '../search';
import { LESSON_TYPE_PARAM, SEGMENT } from '../format';
import { encodePostings, encodeSmall } from './codec';
import { chunkKey, CHUNK_CHARS, MIN_PART, MIN_WORD, prefixKey, tokenCount, words } from './text';
import {
  DOCS_PER_CHUNK,
  FIELDS,
  MULTI_FACETS,
  NORM_BASE,
  NORM_MAX,
  type DocFragment,
  type PrefixUnion,
  type SearchMeta,
  type TermChunk,
} from './format';

export interface SearchIndexFiles {
  meta: SearchMeta;
  /** file key (two or three characters) → prefix union or term chunk, as written under ord/ */
  terms: Map<string, PrefixUnion | TermChunk>;
  /** fragment file i holds docs [i * DOCS_PER_CHUNK, (i + 1) * DOCS_PER_CHUNK) */
  fragments: DocFragment[][];
}

type Postings = Map<number, number>;

/** Postings characters above which a three-letter chunk is split by the fourth letter. */
const SPLIT_ABOVE = 60_000;

function addAll(into: Postings, from: Postings) {
  for (const [id, mask] of from) into.set(id, (into.get(id) ?? 0) | mask);
}

const sortedEntries = (p: Postings) => [...p].sort((a, b) => a[0] - b[0]);

/**
 * The compound parts of a word: its proper endings of at least MIN_PART letters that are words
 * of the bank themselves ("projektledare" and "ledare" in "socialfondsprojektledare").
 */
function partsOf(word: string, vocabulary: Set<string>): string[] {
  const parts: string[] = [];
  for (let i = 1; word.length - i >= MIN_PART; i++) {
    const end = word.slice(i);
    if (vocabulary.has(end)) parts.push(end);
  }
  return parts;
}

/**
 * @param areaParent area slug → parent area slug: docs list only their own areas, the browser
 *   adds the ancestors (a search for Malmö finds what happened in Möllevången).
 */
export function buildSearchIndex(
  docs: SearchDoc[],
  facets: SearchFacets,
  areaParent: Map<string, string | null> = new Map(),
  { splitAbove = SPLIT_ABOVE }: { splitAbove?: number } = {},
): SearchIndexFiles {
  const values = {
    type: facets.type.map((o) => o.value),
    lessonType: facets.lessonType.map((o) => o.value),
    theme: facets.theme.map((o) => o.value),
    area: facets.area.map((o) => o.value),
    period: facets.period.map((o) => o.value),
  };
  const position = Object.fromEntries(MULTI_FACETS.map((f) => [f, new Map(values[f].map((v, i) => [v, i]))]));
  const parent = values.area.map((slug) => position.area.get(areaParent.get(slug) ?? '') ?? -1);
  const ancestors = (slug: string) => {
    const out: string[] = [];
    for (let p = areaParent.get(slug); p && p !== slug && !out.includes(p); p = areaParent.get(p)) out.push(p);
    return out;
  };
  const docValues = {
    theme: (d: SearchDoc) => d.th,
    // Own areas only: those no other area of the doc descends from.
    area: (d: SearchDoc) => {
      const implied = new Set(d.ar.flatMap(ancestors));
      return d.ar.filter((a) => !implied.has(a));
    },
    period: (d: SearchDoc) => d.pe,
  };

  const type: number[] = [];
  const lt: number[] = [];
  const multi = Object.fromEntries(MULTI_FACETS.map((f) => [f, { c: [] as number[], v: [] as number[] }]));
  let norms = '';
  let fields = 0;
  // word → doc id → field mask; docs are visited in id order.
  const postings = new Map<string, Postings>();
  docs.forEach((doc, id) => {
    type.push(values.type.indexOf(SEGMENT[doc.t]));
    lt.push(doc.lt ? values.lessonType.indexOf(LESSON_TYPE_PARAM[doc.lt]) + 1 : 0);
    for (const facet of MULTI_FACETS) {
      const own = [...new Set(docValues[facet](doc))].map((v) => position[facet].get(v)).filter((i) => i !== undefined);
      multi[facet].c.push(own.length);
      multi[facet].v.push(...own);
    }
    FIELDS.forEach((field, f) => {
      const text = doc[field];
      norms += String.fromCharCode(NORM_BASE + Math.min(tokenCount(text), NORM_MAX));
      const tokens = words(text);
      if (tokens.length > 0) fields += 1;
      for (const word of tokens) {
        if (word.length < MIN_WORD) continue;
        let byDoc = postings.get(word);
        if (!byDoc) postings.set(word, (byDoc = new Map()));
        byDoc.set(id, (byDoc.get(id) ?? 0) | (1 << f));
      }
    });
  });

  // Two-character prefixes: the union of their words, and of compounds with a part there.
  const unions = new Map<string, Postings>();
  // Three-character prefixes: their words (with the part that filed them there).
  const chunks = new Map<string, [word: string, at: string][]>();
  const file = (word: string, at: string) => {
    const p2 = prefixKey(at);
    if (!unions.has(p2)) unions.set(p2, new Map());
    addAll(unions.get(p2)!, postings.get(word)!);
    if (at.length < CHUNK_CHARS) return;
    const p3 = chunkKey(at);
    const list = chunks.get(p3) ?? [];
    list.push([word, at]);
    chunks.set(p3, list);
  };
  const vocabulary = new Set(postings.keys());
  for (const word of [...vocabulary].sort()) {
    file(word, word);
    for (const part of partsOf(word, vocabulary)) file(word, part);
  }

  const terms = new Map<string, PrefixUnion | TermChunk>();
  for (const [key, union] of [...unions].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    // fuse.js's document frequency counts fields with the exact word.
    let df = 0;
    for (const mask of postings.get(key)?.values() ?? []) df += (mask & 1) + ((mask >> 1) & 1) + ((mask >> 2) & 1);
    terms.set(key, { df, p: encodePostings(sortedEntries(union)) });
  }
  const chunkOf = (list: string[]): TermChunk => {
    const w = [...new Set(list)].sort();
    return { w, p: w.map((word) => encodePostings(sortedEntries(postings.get(word)!))) };
  };
  const split: string[] = [];
  for (const [key, list] of [...chunks].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const whole = chunkOf(list.map(([word]) => word));
    if (whole.p.reduce((n, p) => n + p.length, 0) <= splitAbove) {
      terms.set(key, whole);
      continue;
    }
    // A crowded prefix ("for", Swedish "för-"): a union for three-letter words, and chunks by
    // four letters for longer ones, so "forankring" does not fetch every "för-" word.
    split.push(key);
    const union: Postings = new Map();
    for (const [word] of list) addAll(union, postings.get(word)!);
    let df = 0;
    for (const mask of postings.get(key)?.values() ?? []) df += (mask & 1) + ((mask >> 1) & 1) + ((mask >> 2) & 1);
    terms.set(key, { df, p: encodePostings(sortedEntries(union)) });
    const byFour = new Map<string, string[]>();
    for (const [word, at] of list) if (at.length > CHUNK_CHARS) byFour.set(at.slice(0, CHUNK_CHARS + 1), [...(byFour.get(at.slice(0, CHUNK_CHARS + 1)) ?? []), word]);
    for (const [four, words4] of [...byFour].sort((a, b) => (a[0] < b[0] ? -1 : 1))) terms.set(four, chunkOf(words4));
  }

  const fragments: DocFragment[][] = [];
  docs.forEach((d, id) => {
    const i = Math.floor(id / DOCS_PER_CHUNK);
    (fragments[i] ??= []).push({ t: d.t, u: d.u, title: d.title, text: d.text, ctx: d.ctx, meta: d.meta });
  });

  const meta: SearchMeta = {
    n: docs.length,
    fields,
    keys: [...terms.keys()],
    split,
    values,
    parent,
    type: encodeSmall(type),
    lt: encodeSmall(lt),
    multi: Object.fromEntries(MULTI_FACETS.map((f) => [f, { c: encodeSmall(multi[f].c), v: encodeSmall(multi[f].v) }])) as SearchMeta['multi'],
    norms,
  };
  return { meta, terms, fragments };
}
