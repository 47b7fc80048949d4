/**
 * Splits the search documents into the static files the browser fetches piecemeal: one meta
 * file (facet columns, field norms), per two-character prefix the union of its words' postings,
 * per three-character prefix its words and their postings, and small fragment files of display
 * text. Pure: pages and tests call it alike.
 */
import type { SearchDoc, SearchFacets } from '../search';
import { LESSON_TYPE_PARAM, SEGMENT } from '../format';
import { encodePostings, encodeSmall } from './codec';
import { SEARCH_KEYS } from './options';
import { chunkKey, CHUNK_CHARS, MIN_PART, MIN_WORD, normOf, prefixKey, tokenCount, words } from './text';
import {
  DOCS_PER_CHUNK,
  FIELDS,
  MULTI_FACETS,
  NORM_BASE,
  NORM_MAX,
  ON_DEMAND_FACETS,
  type DocFragment,
  type FacetColumn,
  type FacetColumns,
  type KeyAnswers,
  type MultiFacet,
  type PrefixUnion,
  type Riders,
  type SearchMeta,
  type TermChunk,
} from './format';

export interface SearchIndexFiles {
  meta: SearchMeta;
  /** the columns of the facets counted on demand, as written to facetter.json */
  facets: FacetColumns;
  /** file key (two or three characters) → prefix union or term chunk, as written under ord/ */
  terms: Map<string, PrefixUnion | TermChunk>;
  /** fragment file i holds docs [i * DOCS_PER_CHUNK, (i + 1) * DOCS_PER_CHUNK) */
  fragments: DocFragment[][];
  /** prefix → the answers to its file keys typed alone, as written under svar/ (added by key-outcomes.ts) */
  answers: Map<string, KeyAnswers>;
}

/** A word's docs, ascending, and per doc the fields (bit i for FIELDS[i]) it occurs in. */
interface Postings {
  ids: number[];
  masks: number[];
}

/** Postings characters above which a three-letter chunk is split by the fourth letter. */
const SPLIT_ABOVE = 60_000;

/** First hits per query that ride along with a file: the island shows ten at once. */
export const RIDER_HITS = 10;

/**
 * Docs riding along with a term chunk, at most (the last prefix may add a few more): the first
 * hits of the most frequent longer prefixes of its words (its key's own come with its answer).
 * Each costs about 200 bytes gzipped, where fetching it from poster/ later costs a round trip
 * on a keystroke.
 */
const RIDER_BUDGET = 20;

/** fuse.js's word score for an exact match, as the engine floors it. */
const LN_EXACT = Math.log(0.001);

/** The best `limit` (score, id) pairs, lowest score first, ties in id order as the engine keeps them. */
class Leaders {
  readonly ids: number[] = [];
  private readonly scores: number[] = [];
  constructor(private readonly limit: number) {}
  offer(id: number, score: number) {
    const { ids, scores, limit } = this;
    if (ids.length === limit && score >= scores[limit - 1]) return;
    let i = ids.length === limit ? limit - 1 : ids.length;
    while (i > 0 && (scores[i - 1] > score || (scores[i - 1] === score && ids[i - 1] > id))) {
      ids[i] = ids[i - 1];
      scores[i] = scores[i - 1];
      i--;
    }
    ids[i] = id;
    scores[i] = score;
  }
}

/**
 * The union of some words' postings. Gathered in `masks`, a mask per doc id that is cleared first
 * and reused for every union: a national bank's postings run to millions, too many for a map per union.
 */
function unionOf(lists: Postings[], masks: Uint8Array): Postings {
  masks.fill(0);
  for (const list of lists) for (let i = 0; i < list.ids.length; i++) masks[list.ids[i]] |= list.masks[i];
  const union: Postings = { ids: [], masks: [] };
  for (let id = 0; id < masks.length; id++) {
    if (masks[id] === 0) continue;
    union.ids.push(id);
    union.masks.push(masks[id]);
  }
  return union;
}

/** fuse.js's document frequency: the fields holding the word itself. */
function documentFrequency(postings: Postings | undefined): number {
  let df = 0;
  for (const mask of postings?.masks ?? []) df += (mask & 1) + ((mask >> 1) & 1) + ((mask >> 2) & 1);
  return df;
}

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
  { splitAbove = SPLIT_ABOVE, riderBudget = RIDER_BUDGET }: { splitAbove?: number; riderBudget?: number } = {},
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
  // Docs are visited in id order, so each word's ids come ascending.
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
        let p = postings.get(word);
        if (!p) postings.set(word, (p = { ids: [], masks: [] }));
        const last = p.ids.length - 1;
        if (p.ids[last] === id) p.masks[last] |= 1 << f;
        else {
          p.ids.push(id);
          p.masks.push(1 << f);
        }
      }
    });
  });

  // Two-character prefixes: their words, and compounds with a part there.
  const unions = new Map<string, Postings[]>();
  // Three-character prefixes: their words (with the part that filed them there).
  const chunks = new Map<string, [word: string, at: string][]>();
  const file = (word: string, at: string) => {
    const p2 = prefixKey(at);
    if (!unions.has(p2)) unions.set(p2, []);
    unions.get(p2)!.push(postings.get(word)!);
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

  const unionMasks = new Uint8Array(docs.length);
  const terms = new Map<string, PrefixUnion | TermChunk>();
  for (const [key, lists] of [...unions].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    terms.set(key, { df: documentFrequency(postings.get(key)), p: encodePostings(unionOf(lists, unionMasks)) });
  }
  const chunkOf = (list: string[]): TermChunk => {
    const w = [...new Set(list)].sort();
    return { w, p: w.map((word) => encodePostings(postings.get(word)!)) };
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
    const union = unionOf(list.map(([word]) => postings.get(word)!), unionMasks);
    terms.set(key, { df: documentFrequency(postings.get(key)), p: encodePostings(union) });
    const byFour = new Map<string, string[]>();
    for (const [word, at] of list) if (at.length > CHUNK_CHARS) byFour.set(at.slice(0, CHUNK_CHARS + 1), [...(byFour.get(at.slice(0, CHUNK_CHARS + 1)) ?? []), word]);
    for (const [four, words4] of [...byFour].sort((a, b) => (a[0] < b[0] ? -1 : 1))) terms.set(four, chunkOf(words4));
  }

  // Which docs' fragments ride along with which file. The engine's ranking is not needed to be
  // exact here, only likely: a hit without a rider is fetched from poster/ as before.
  const total = SEARCH_KEYS.reduce((n, k) => n + k.weight, 0);
  const weightNorm = new Float64Array(docs.length * 3);
  for (let id = 0; id < docs.length; id++) {
    FIELDS.forEach((field, f) => {
      const weight = SEARCH_KEYS.find((k) => k.name === field)!.weight / total;
      weightNorm[id * 3 + f] = weight * normOf(Math.min(tokenCount(docs[id][field]), NORM_MAX));
    });
  }
  // A single query word's doc score in logs (fuse.js: the product over matched fields of the
  // word score to the power weight × norm), from the fields matched exactly.
  const logScore = (id: number, exact: number) => {
    let score = 0;
    for (let f = 0; f < 3; f++) if (exact & (1 << f)) score += weightNorm[id * 3 + f] * LN_EXACT;
    return score;
  };
  // Zero between calls: each call clears what it set, as walking all docs per call would be slow.
  const exactMask = new Uint8Array(docs.length);
  const leadersOf = (exact: Postings[]) => {
    for (const { ids, masks: fields } of exact) for (let i = 0; i < ids.length; i++) exactMask[ids[i]] |= fields[i];
    const leaders = new Leaders(RIDER_HITS);
    for (const { ids } of exact) {
      for (const id of ids) {
        if (exactMask[id] === 0) continue;
        leaders.offer(id, logScore(id, exactMask[id]));
        exactMask[id] = 0;
      }
    }
    return leaders.ids;
  };
  /**
   * The first hits of longer prefixes of the words filed under a chunk, typed as a query: the
   * most frequent prefixes first (the likeliest to be typed), until `riderBudget` docs ride along.
   */
  const prefixLeaders = (entries: [word: string, at: string][], from: number): Set<number> => {
    const into = new Set<number>();
    const sorted = [...entries].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    const groups: { words: string[]; size: number }[] = [];
    // Entries sharing a prefix of length `len`; a group no smaller than its parent adds nothing.
    const walk = (group: [string, string][], len: number, parentSize: number) => {
      if (group.length !== parentSize) {
        const words = [...new Set(group.map(([word]) => word))];
        groups.push({ words, size: words.reduce((n, w) => n + postings.get(w)!.ids.length, 0) });
      }
      const longer = group.filter(([, at]) => at.length > len);
      let start = 0;
      for (let i = 1; i <= longer.length; i++) {
        if (i < longer.length && longer[i][1].slice(0, len + 1) === longer[start][1].slice(0, len + 1)) continue;
        walk(longer.slice(start, i), len + 1, group.length);
        start = i;
      }
    };
    walk(sorted, from, sorted.length);
    groups.sort((a, b) => b.size - a.size);
    for (const { words } of groups) {
      if (into.size >= riderBudget) break;
      for (const id of leadersOf(words.map((w) => postings.get(w)!))) into.add(id);
    }
    return into;
  };
  const fragments: DocFragment[][] = [];
  docs.forEach((d, id) => {
    const i = Math.floor(id / DOCS_PER_CHUNK);
    (fragments[i] ??= []).push({ t: d.t, u: d.u, title: d.title, text: d.text, ctx: d.ctx, meta: d.meta });
  });
  const ride = (key: string, ids: Set<number>) => {
    if (ids.size > 0) (terms.get(key) as TermChunk).h = ridersOf(fragments, ids);
  };
  for (const [key, list] of chunks) {
    if (!split.includes(key)) {
      ride(key, prefixLeaders(list, CHUNK_CHARS));
      continue;
    }
    // A crowded prefix: its four-letter chunks, with their longer prefixes.
    const byFour = new Map<string, [string, string][]>();
    for (const e of list) if (e[1].length > CHUNK_CHARS) byFour.set(e[1].slice(0, CHUNK_CHARS + 1), [...(byFour.get(e[1].slice(0, CHUNK_CHARS + 1)) ?? []), e]);
    for (const [four, group] of byFour) ride(four, prefixLeaders(group, CHUNK_CHARS + 1));
  }


  const column = (f: MultiFacet): FacetColumn => ({ c: encodeSmall(multi[f].c), v: encodeSmall(multi[f].v) });
  const meta: SearchMeta = {
    n: docs.length,
    fields,
    keys: [...terms.keys()],
    split,
    values,
    parent,
    type: encodeSmall(type),
    lt: encodeSmall(lt),
    multi: { period: column('period') },
    norms,
    // The empty search lists docs in order: its first screenful comes with the meta file.
    h: ridersOf(fragments, docs.slice(0, RIDER_HITS).map((_, id) => id)),
  };
  const facetColumns = Object.fromEntries(ON_DEMAND_FACETS.map((f) => [f, column(f)])) as FacetColumns;
  return { meta, facets: facetColumns, terms, fragments, answers: new Map() };
}

/** The display fragments of some docs, to ride along with a file. */
export function ridersOf(fragments: DocFragment[][], ids: Iterable<number>): Riders {
  const i = [...ids].sort((a, b) => a - b);
  return { i, d: i.map((id) => fragments[Math.floor(id / DOCS_PER_CHUNK)][id % DOCS_PER_CHUNK]) };
}
