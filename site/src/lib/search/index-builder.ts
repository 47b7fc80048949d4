/**
 * Splits the search documents into the static files the browser fetches piecemeal: one meta
 * file (facets, counts, field norms), term chunks by folded two-character prefix (words and
 * postings), and small fragment files of display text. Pure: pages and tests call it alike.
 */
import type { SearchDoc, SearchFacets } from '../search';
import { LESSON_TYPE_PARAM, SEGMENT } from '../format';
import { chunkKey, MIN_WORD, tokenCount, words } from './text';
import { DOCS_PER_CHUNK, FIELDS, MULTI_FACETS, NORM_BASE, NORM_MAX, type DocFragment, type SearchMeta, type TermChunk } from './format';

export interface SearchIndexFiles {
  meta: SearchMeta;
  /** chunk key → chunk */
  terms: Map<string, TermChunk>;
  /** fragment file i holds docs [i * DOCS_PER_CHUNK, (i + 1) * DOCS_PER_CHUNK) */
  fragments: DocFragment[][];
}

function deltas(ids: number[]): number[] {
  return ids.map((id, i) => (i === 0 ? id : id - ids[i - 1]));
}

export function buildSearchIndex(docs: SearchDoc[], facets: SearchFacets): SearchIndexFiles {
  const values = {
    type: facets.type.map((o) => o.value),
    lessonType: facets.lessonType.map((o) => o.value),
    theme: facets.theme.map((o) => o.value),
    area: facets.area.map((o) => o.value),
    period: facets.period.map((o) => o.value),
  };
  const multi = Object.fromEntries(MULTI_FACETS.map((f) => [f, values[f].map(() => [] as number[])])) as SearchMeta['multi'];
  const position = Object.fromEntries(MULTI_FACETS.map((f) => [f, new Map(values[f].map((v, i) => [v, i]))]));
  const docValues = { theme: (d: SearchDoc) => d.th, area: (d: SearchDoc) => d.ar, period: (d: SearchDoc) => d.pe };

  let type = '';
  let lt = '';
  let norms = '';
  let fields = 0;
  // word → doc id → field mask; docs are visited in id order, so each list comes out sorted.
  const postings = new Map<string, Map<number, number>>();
  docs.forEach((doc, id) => {
    type += values.type.indexOf(SEGMENT[doc.t]).toString(36);
    lt += doc.lt ? values.lessonType.indexOf(LESSON_TYPE_PARAM[doc.lt]).toString(36) : '-';
    for (const facet of MULTI_FACETS) {
      for (const value of new Set(docValues[facet](doc))) {
        const at = position[facet].get(value);
        if (at !== undefined) multi[facet][at].push(id);
      }
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

  const terms = new Map<string, TermChunk>();
  for (const word of [...postings.keys()].sort()) {
    const key = chunkKey(word);
    let chunk = terms.get(key);
    if (!chunk) terms.set(key, (chunk = { w: [], p: [] }));
    const entries = [...postings.get(word)!];
    const ids = deltas(entries.map(([id]) => id));
    chunk.w.push(word);
    chunk.p.push(entries.map(([, mask], i) => ids[i] * 8 + mask));
  }

  const fragments: DocFragment[][] = [];
  docs.forEach((d, id) => {
    const i = Math.floor(id / DOCS_PER_CHUNK);
    (fragments[i] ??= []).push({ t: d.t, u: d.u, title: d.title, text: d.text, ctx: d.ctx, meta: d.meta });
  });

  for (const facet of MULTI_FACETS) multi[facet] = multi[facet].map(deltas);
  const meta: SearchMeta = { n: docs.length, fields, keys: [...terms.keys()], values, type, lt, multi, norms };
  return { meta, terms, fragments };
}
