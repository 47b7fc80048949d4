/**
 * The browser's query engine over the chunked index. fuse.js stays the ranking engine at word
 * level: a query word of four letters or more is matched, fuzzily and with fuse's own options,
 * against the words of its three-letter chunk; a word of two or three letters matches every word
 * with its first two letters (fuse would, with its threshold: all of them exactly for two
 * letters, at one error for three unless the three letters are there), so it reads one
 * precomputed union instead of scoring words. The doc score then follows fuse's token search
 * (idf-weighted word scores per field, field weights and length norms), so the order is what
 * one Fuse over everything gives, without shipping or scanning everything. Fragments are
 * fetched only for the hits shown, and fuse runs once more on those few for the highlights.
 *
 * Per keystroke at national scale: a file key typed alone (every word's second and third
 * letter, where a prefix matches most of the bank) is answered by the build, ranked by this same
 * engine with its first hits' text (key-outcomes.ts), so such a keystroke costs no ranking; the
 * answers of sibling keys share one file, which the page fetches between keys (prefetch), so
 * the letter typed next finds its answer in memory. Longer words, and words after others, are
 * ranked here; between keys the page ranks the likeliest next letter ahead (the one the chunk
 * just read suggests or, for a short word after others, the words of the hits on screen) and
 * fetches its hits' text, and after other words also the files of the runner-up letter. The
 * fragments of the likeliest first hits of longer prefixes also ride along in the term files
 * (index-builder.ts). Before the first letter the ranking code is warmed up, so the first
 * query ranked here does not run cold.
 */
import Fuse, { type FuseResult } from 'fuse.js';
import { FACET_NAMES, FUSE_OPTIONS, SEARCH_KEYS, type FacetName, type SearchState } from './options';
import { decodeInts, decodePostings, smallAt, type Postings } from './codec';
import { chunkFile, chunkKey, CHUNK_CHARS, MIN_WORD, normOf, prefixKey, words } from './text';
import {
  DOCS_PER_CHUNK,
  FIELDS,
  META_FILE,
  MULTI_FACETS,
  NORM_BASE,
  ON_DEMAND_FACETS,
  isOnDemandFacet,
  type DocFragment,
  type FacetColumn,
  type FacetColumns,
  answersKey,
  type KeyAnswers,
  type KeyOutcome,
  type MultiFacet,
  type PrefixUnion,
  type Riders,
  type SearchMeta,
  type TermChunk,
} from './format';

export interface IndexSource {
  meta(): Promise<SearchMeta>;
  /** the columns of the facets counted on demand */
  facets(): Promise<FacetColumns>;
  /** a file under ord/: a PrefixUnion for two-character keys, a TermChunk for three */
  terms(key: string): Promise<PrefixUnion | TermChunk>;
  /** a file under svar/ (the answers to the keys one letter longer than `prefix`), or null where the build stored none */
  answers(prefix: string): Promise<KeyAnswers | null>;
  fragments(chunk: number): Promise<DocFragment[]>;
}

export interface EngineHit {
  id: number;
  doc: DocFragment;
  highlights: { title: [number, number][]; text: [number, number][] };
}

export interface EngineOutcome {
  /** the query words searched for (folded, 1-letter words dropped) */
  terms: string[];
  /** how many docs match query and facets */
  total: number;
  /** the first `limit` hits, in rank order, with their text */
  hits: EngineHit[];
  /**
   * For each facet, how many hits each value would have with the other facets applied; null for
   * a facet counted on demand (ON_DEMAND_FACETS) until `countAll` has loaded its column.
   */
  counts: Record<FacetName, Map<string, number> | null>;
}

/** fuse.js's options for matching one query word against single words (already folded). */
const WORD_OPTIONS = {
  includeScore: true,
  threshold: FUSE_OPTIONS.threshold,
  minMatchCharLength: FUSE_OPTIONS.minMatchCharLength,
  // A query word may match anywhere inside a word, as it does anywhere in a field today.
  ignoreLocation: true,
  isCaseSensitive: true,
  shouldSort: false,
};

/** fuse.js normalises key weights to sum 1. */
const WEIGHT = (() => {
  const total = SEARCH_KEYS.reduce((n, k) => n + k.weight, 0);
  return FIELDS.map((f) => SEARCH_KEYS.find((k) => k.name === f)!.weight / total);
})();

const NONE = 2; // a word score above any real one: "no match in this field"
/** fuse.js's score for an exact match, as the engine floors it */
const EXACT = 0.001;
/** fuse.js's bitap score for one error in a three-letter word: errors / length */
const ONE_IN_THREE = 1 / 3;

interface TermMatch {
  /** the docs where the word matched, ascending */
  docs: Int32Array;
  /** per doc in `docs`: the best (lowest) word score per field, NONE if none */
  scores: Float32Array;
  /** doc id → position in docs, or -1 */
  at: Int32Array;
  idf: number;
}

/** The letter of the greatest weight (the first of equals), or null for none. */
function heaviest(weight: Map<string, number>): string | null {
  let best: string | null = null;
  for (const [letter, n] of weight) if (best === null || n > weight.get(best)!) best = letter;
  return best;
}

class Chunk {
  private words: Fuse<string> | undefined;
  private decoded: (Postings | undefined)[];
  constructor(readonly data: TermChunk) {
    this.decoded = new Array(data.w.length);
  }
  /** Built when a word of four letters or more is first matched: a three-letter one is answered by the build. */
  get fuse(): Fuse<string> {
    return (this.words ??= new Fuse(this.data.w, WORD_OPTIONS));
  }
  postings(i: number): Postings {
    return (this.decoded[i] ??= decodePostings(this.data.p[i]));
  }
  /**
   * The letter most words of the chunk continue `prefix` with, weighed by how much text their
   * postings cover; null when no word does.
   */
  likeliestAfter(prefix: string): string | null {
    const weight = new Map<string, number>();
    const { w, p } = this.data;
    for (let i = this.lowerBound(prefix); i < w.length && w[i].startsWith(prefix); i++) {
      if (w[i].length > prefix.length) weight.set(w[i][prefix.length], (weight.get(w[i][prefix.length]) ?? 0) + p[i].length);
    }
    return heaviest(weight);
  }
  private lowerBound(word: string): number {
    let lo = 0;
    let hi = this.data.w.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.data.w[mid] < word) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  /** fuse.js's document frequency of the exact word: fields containing it. */
  df(word: string): number {
    const lo = this.lowerBound(word);
    if (this.data.w[lo] !== word) return 0;
    const { masks } = this.postings(lo);
    let n = 0;
    for (const m of masks) n += (m & 1) + ((m >> 1) & 1) + ((m >> 2) & 1);
    return n;
  }
}

/** Per doc, the facet values it carries, as value indices: the meta file's, and the on-demand ones once loaded. */
interface DocColumns {
  type: Uint8Array;
  lessonType: Int8Array;
  multi: Partial<Record<MultiFacet, MultiColumn>>;
  norms: Float32Array;
}

/** One packed list of value indices per doc (CSR), for a fast per-hit check. */
interface MultiColumn {
  start: Uint32Array;
  values: Uint16Array;
}

/** Per area value, itself and its ancestors (the index lists each doc's own areas only). */
function areaClosures(parent: number[]): number[][] {
  return parent.map((_, v) => {
    const chain = [v];
    for (let p = parent[v]; p >= 0 && !chain.includes(p); p = parent[p]) chain.push(p);
    return chain;
  });
}

function multiColumnOf(facet: MultiFacet, { c, v }: FacetColumn, n: number, parent: number[]): MultiColumn {
  const closures = facet === 'area' ? areaClosures(parent) : null;
  const start = new Uint32Array(n + 1);
  let out = new Uint16Array(closures ? v.length * 4 : v.length);
  let k = 0;
  for (let d = 0, j = 0; d < n; d++) {
    start[d] = k;
    const own = smallAt(c, d);
    for (let e = 0; e < own; e++, j++) {
      const value = smallAt(v, j);
      if (!closures) {
        out[k++] = value;
        continue;
      }
      for (const a of closures[value]) {
        let dup = false;
        for (let x = start[d]; x < k && !dup; x++) dup = out[x] === a;
        if (dup) continue;
        if (k === out.length) {
          const grown = new Uint16Array(out.length * 2);
          grown.set(out);
          out = grown;
        }
        out[k++] = a;
      }
    }
  }
  start[n] = k;
  return { start, values: out.subarray(0, k) };
}

function columnsOf(meta: SearchMeta): DocColumns {
  const n = meta.n;
  const type = new Uint8Array(n);
  const lessonType = new Int8Array(n);
  for (let d = 0; d < n; d++) {
    type[d] = smallAt(meta.type, d);
    lessonType[d] = smallAt(meta.lt, d) - 1;
  }
  const multi = { period: multiColumnOf('period', meta.multi.period, n, meta.parent) };
  const norms = new Float32Array(n * 3);
  for (let i = 0; i < n * 3; i++) norms[i] = normOf(meta.norms.charCodeAt(i) - NORM_BASE);
  return { type, lessonType, multi, norms };
}

export interface Engine {
  readonly size: number;
  search(state: SearchState, limit: number): Promise<EngineOutcome>;
  /**
   * Work for the next keystroke, done while the reader is between keys: where the next letter
   * makes a file key typed alone, the build's answers for every such letter (one svar/ file);
   * otherwise the ranking of the query with its last word continued by its likeliest letter,
   * and the text of its first `limit` hits, and after other words the files the runner-up
   * letter needs. Another letter is then no slower than without. With nothing typed yet: the
   * ranking code warmed up, once.
   */
  prefetch(state: SearchState, limit: number): Promise<void>;
  /**
   * Loads the columns of the facets counted on demand; from then on every outcome counts them.
   * A search that filters by such a facet loads them itself.
   */
  countAll(): Promise<void>;
  /** The ranking alone (the build stores it for each file key, see KeyOutcome). */
  rank(state: SearchState): Promise<{ total: number; top: number[]; counts: EngineOutcome['counts'] }>;
}

interface Ranked {
  terms: string[];
  total: number;
  /** the best hits, at least RANKED_MAX, in rank order */
  top: number[];
  counts: EngineOutcome['counts'];
}

/** In guessing the next letter, a word right after the previous query word outweighs any number of others. */
const PHRASE = 1_000;

/** Hits ranked per search, whatever the page asks for: the island asks for 10, then for 50. */
export const RANKED_MAX = 50;

export async function createEngine(source: IndexSource): Promise<Engine> {
  const meta = await source.meta();
  const n = meta.n;
  const columns = columnsOf(meta);
  const keys = new Set(meta.keys);
  const split = new Set(meta.split);
  const files = new Map<string, Promise<unknown>>();
  const fragments = new Map<number, Promise<DocFragment[]>>();
  // Fragments that came with the meta file or a term file: their docs need no poster/ fetch.
  const riding = new Map<number, DocFragment>();
  const board = (riders: Riders | undefined) => riders?.i.forEach((id, k) => riding.set(id, riders.d[k]));
  board(meta.h);
  // Answers the build computed for file keys typed alone (no facets), by svar/ file.
  const answers = new Map<string, Promise<KeyAnswers | null>>();
  const answerFiles = new Set(meta.keys.map(answersKey));
  // Typing extends the last word letter by letter; earlier words and recent states come back.
  const termCache = new Map<string, Promise<TermMatch>>();
  const rankCache = new Map<string, Promise<Ranked>>();
  // Scratch for merging postings into one match: reset after each use, never reallocated.
  const best = new Float32Array(n * 3).fill(NONE);
  const seen = new Uint8Array(n);

  /** A file under ord/, parsed once; null when the bank has no such prefix. */
  function file<T>(key: string, parse: (raw: never) => T): Promise<T | null> {
    let f = files.get(key) as Promise<T | null> | undefined;
    if (!f) {
      f = keys.has(key)
        ? source.terms(key).then((raw) => {
            board((raw as TermChunk).h);
            return parse(raw as never);
          })
        : Promise.resolve(null);
      // A failed fetch is forgotten, so the next keystroke tries again.
      f.catch(() => files.delete(key));
      files.set(key, f);
    }
    return f;
  }
  const union = (key: string) => file(key, (raw: PrefixUnion) => ({ df: raw.df, postings: decodePostings(raw.p) }));
  const chunk = (key: string) => file(key, (raw: TermChunk) => new Chunk(raw));
  /** The chunk a word of three letters or more is matched in (crowded prefixes are chunked by four). */
  const chunkOfWord = (word: string) => chunk(split.has(chunkKey(word)) ? word.slice(0, CHUNK_CHARS + 1) : chunkKey(word));

  /** The svar/ file of a prefix (one of answerFiles), fetched once. */
  function answersOf(prefix: string): Promise<KeyAnswers | null> {
    let a = answers.get(prefix);
    if (!a) {
      a = source.answers(prefix).then((known) => {
        board(known?.h);
        return known;
      });
      a.catch(() => answers.delete(prefix));
      answers.set(prefix, a);
    }
    return a;
  }

  /** The stored answer to a key typed alone; then the key's term file, which the next letter reads. */
  async function answerOf(key: string): Promise<KeyOutcome | null> {
    const known = (await answersOf(answersKey(key)))?.o[key] ?? null;
    // Fetched while this answer is shown: a longer word reads the key's chunk.
    if (known && key.length >= CHUNK_CHARS && !split.has(key)) chunk(key).catch(() => {});
    return known;
  }

  const fragmentChunk = (i: number) => {
    let f = fragments.get(i);
    if (!f) {
      f = source.fragments(i);
      f.catch(() => fragments.delete(i));
      fragments.set(i, f);
    }
    return f;
  };

  /** Records a word score for a doc's fields; `finish` turns what was recorded into a match. */
  const touched = new Int32Array(n);
  let touchedCount = 0;
  function record(d: number, mask: number, score: number) {
    if (!seen[d]) {
      seen[d] = 1;
      touched[touchedCount++] = d;
    }
    for (let f = 0; f < 3; f++) if (mask & (1 << f) && score < best[d * 3 + f]) best[d * 3 + f] = score;
  }
  function recordAll({ ids, masks }: Postings, score: number) {
    for (let j = 0; j < ids.length; j++) record(ids[j], masks[j], score);
  }
  function finish(df: number): TermMatch {
    let list: Int32Array;
    if (touchedCount > n >> 5) {
      // Many docs (a two-letter prefix touches most of the bank): one pass over the flags is
      // cheaper than sorting them.
      list = new Int32Array(touchedCount);
      for (let d = 0, k = 0; d < n; d++) if (seen[d]) list[k++] = d;
    } else list = touched.slice(0, touchedCount).sort();
    touchedCount = 0;
    const scores = new Float32Array(list.length * 3);
    const at = new Int32Array(n).fill(-1);
    for (let k = 0; k < list.length; k++) {
      const d = list[k];
      at[d] = k;
      for (let f = 0; f < 3; f++) {
        scores[k * 3 + f] = best[d * 3 + f];
        best[d * 3 + f] = NONE;
      }
      seen[d] = 0;
    }
    const idf = Math.log(1 + (meta.fields - df + 0.5) / (df + 0.5));
    return { docs: list, scores, at, idf };
  }

  /** A match straight from one postings list (already ascending): what finish() makes of it. */
  function single({ ids, masks }: Postings, score: number, df: number): TermMatch {
    const scores = new Float32Array(ids.length * 3).fill(NONE);
    const at = new Int32Array(n).fill(-1);
    for (let k = 0; k < ids.length; k++) {
      at[ids[k]] = k;
      for (let f = 0; f < 3; f++) if (masks[k] & (1 << f)) scores[k * 3 + f] = score;
    }
    const idf = Math.log(1 + (meta.fields - df + 0.5) / (df + 0.5));
    return { docs: ids, scores, at, idf };
  }

  async function matchTerm(term: string): Promise<TermMatch> {
    if (term.length < CHUNK_CHARS) {
      const u = await union(prefixKey(term));
      return u ? single(u.postings, EXACT, u.df) : finish(0);
    }
    if (term.length === CHUNK_CHARS) {
      if (split.has(term)) {
        const [u, exact] = await Promise.all([union(prefixKey(term)), union(term)]);
        if (u) recordAll(u.postings, ONE_IN_THREE);
        if (exact) recordAll(exact.postings, EXACT);
        return finish(exact?.df ?? 0);
      }
      const [u, c] = await Promise.all([union(prefixKey(term)), chunk(chunkKey(term))]);
      if (u) recordAll(u.postings, ONE_IN_THREE);
      if (c) for (let i = 0; i < c.data.w.length; i++) recordAll(c.postings(i), EXACT);
      return finish(c?.df(term) ?? 0);
    }
    // Words of a crowded prefix are chunked by four letters (a typo in the fourth is not forgiven there).
    const c = await chunkOfWord(term);
    if (c) for (const { refIndex, score } of c.fuse.search(term) as FuseResult<string>[]) recordAll(c.postings(refIndex), Math.max(EXACT, score ?? 0));
    return finish(c?.df(term) ?? 0);
  }

  const term = (word: string) => {
    let t = termCache.get(word);
    if (!t) {
      t = matchTerm(word);
      t.catch(() => termCache.delete(word));
      termCache.set(word, t);
      if (termCache.size > 32) termCache.delete(termCache.keys().next().value!);
    }
    return t;
  };

  /**
   * The non-zero counts per facet value, by value index. A facet counted on demand stays null
   * until its column is loaded, even where a stored answer knows its counts: its group is
   * closed, and a closed group shows no counts.
   */
  function countsOf(count: (facet: number, value: number) => number): Ranked['counts'] {
    const counts = {} as Ranked['counts'];
    FACET_NAMES.forEach((facet, f) => {
      if (isOnDemandFacet(facet) && !columns.multi[facet]) {
        counts[facet] = null;
        return;
      }
      const values = (counts[facet] = new Map());
      meta.values[facet].forEach((value, v) => {
        const n = count(f, v);
        if (n) values.set(value, n);
      });
    });
    return counts;
  }

  /** Where each facet's counts start in a stored answer's `c`. */
  const countOffsets = FACET_NAMES.map((_, f) => FACET_NAMES.slice(0, f).reduce((sum, facet) => sum + meta.values[facet].length, 0));

  /** A stored outcome as rank() gives it. */
  function answer(terms: string[], known: KeyOutcome): Ranked {
    const all = decodeInts(known.c);
    return { terms, total: known.n, top: decodeInts(known.top), counts: countsOf((f, v) => all[countOffsets[f] + v]) };
  }

  /** Facet value indices wanted by the state, per facet; null where the facet is not used. */
  function wantedOf(state: SearchState) {
    return Object.fromEntries(
      FACET_NAMES.map((f) => {
        if (state[f].length === 0) return [f, null];
        const all = meta.values[f];
        return [f, new Set(state[f].map((v) => all.indexOf(v)).filter((i) => i >= 0))];
      }),
    ) as Record<FacetName, Set<number> | null>;
  }

  /** Bit i set: the doc fails facet FACET_NAMES[i]. */
  function failing(d: number, wanted: Record<FacetName, Set<number> | null>): number {
    let mask = 0;
    if (wanted.type && !wanted.type.has(columns.type[d])) mask |= 1;
    if (wanted.lessonType && !wanted.lessonType.has(columns.lessonType[d])) mask |= 2;
    for (let k = 0; k < MULTI_FACETS.length; k++) {
      const w = wanted[MULTI_FACETS[k]];
      if (!w) continue;
      // A facet in use has its column (rank loads it first).
      const { start, values } = columns.multi[MULTI_FACETS[k]]!;
      let ok = false;
      for (let j = start[d]; j < start[d + 1] && !ok; j++) ok = w.has(values[j]);
      if (!ok) mask |= 4 << k;
    }
    return mask;
  }

  function count(d: number, facetIndex: number, tallies: Uint32Array[]) {
    if (facetIndex === 0) tallies[0][columns.type[d]]++;
    else if (facetIndex === 1) {
      if (columns.lessonType[d] >= 0) tallies[1][columns.lessonType[d]]++;
    } else {
      const column = columns.multi[MULTI_FACETS[facetIndex - 2]];
      if (!column) return;
      const { start, values } = column;
      for (let j = start[d]; j < start[d + 1]; j++) tallies[facetIndex][values[j]]++;
    }
  }

  async function rank(state: SearchState, queryWords: string[], limit: number): Promise<Ranked> {
    const wanted = wantedOf(state);
    const faceted = !unfaceted(state);
    if (queryWords.length === 0 && state.q.trim() === '' && limit <= RANKED_MAX && meta.o && !faceted) {
      // The empty search (the page as it opens): the build's answer.
      return answer([], meta.o);
    }
    if (queryWords.length === 1 && limit <= RANKED_MAX && keys.has(queryWords[0]) && !faceted) {
      // A file key typed alone (every two- and three-letter word): the build's answer, when it has one.
      const known = await answerOf(queryWords[0]);
      if (known) return answer(queryWords, known);
    }
    const [matches] = await Promise.all([Promise.all(queryWords.map(term)), ON_DEMAND_FACETS.some((f) => wanted[f]) && countAll()]);
    // Only one-letter words: too short to search for (as before), so nothing matches.
    const nothing = queryWords.length === 0 && state.q.trim() !== '';
    return { terms: queryWords, ...score(nothing ? null : matches, faceted ? wanted : null, limit) };
  }

  /**
   * fuse.js's order and the facet counts for docs matching every one of `matches` (all docs
   * for none; none for null) and the facets `wanted` (null: no facet chosen).
   */
  function score(matches: TermMatch[] | null, wanted: Record<FacetName, Set<number> | null> | null, limit: number): Omit<Ranked, 'terms'> {
    const tallies = FACET_NAMES.map((f) => new Uint32Array(meta.values[f].length));
    const top: { id: number; score: number }[] = [];
    let total = 0;

    // Keeps the best `limit` hits sorted, ties in doc order as fuse.js's stable sort has them.
    const offer = (id: number, score: number) => {
      if (top.length === limit && score >= top[limit - 1].score) return;
      let i = top.length === limit ? limit - 1 : top.length;
      if (top.length < limit) top.push({ id, score });
      while (i > 0 && top[i - 1].score > score) {
        top[i] = top[i - 1];
        i--;
      }
      top[i] = { id, score };
    };

    // Without facets every hit counts towards every facet: the tallies without the checks.
    const [typeTally, lessonTypeTally] = tallies;
    const multiTallies = MULTI_FACETS.flatMap((f, k) => {
      const column = columns.multi[f];
      return column ? [{ ...column, tally: tallies[k + 2] }] : [];
    });
    const tallyAll = (d: number) => {
      typeTally[columns.type[d]]++;
      if (columns.lessonType[d] >= 0) lessonTypeTally[columns.lessonType[d]]++;
      for (const { start, values, tally } of multiTallies) for (let j = start[d]; j < start[d + 1]; j++) tally[values[j]]++;
    };

    const consider = (d: number, score: number) => {
      if (!wanted) {
        total++;
        tallyAll(d);
        offer(d, score);
        return;
      }
      const fails = failing(d, wanted);
      if (fails === 0) {
        total++;
        for (let f = 0; f < FACET_NAMES.length; f++) count(d, f, tallies);
        offer(d, score);
      } else if ((fails & (fails - 1)) === 0) {
        // Fails exactly one facet: it still counts towards that facet's other values.
        count(d, 31 - Math.clz32(fails), tallies);
      }
    };

    if (matches?.length === 0) {
      for (let d = 0; d < n; d++) consider(d, d);
    } else if (matches) {
      const idfSum = matches.reduce((s, m) => s + m.idf, 0);
      const norms = columns.norms;
      if (matches.length === 1) {
        // One word, most keystrokes: the loop below without its inner loops, same arithmetic.
        const { docs, scores, idf } = matches[0];
        for (let k = 0; k < docs.length; k++) {
          const d = docs[k];
          let score = 1;
          for (let f = 0; f < 3; f++) {
            const s = scores[k * 3 + f];
            if (s === NONE) continue;
            const fieldScore = Math.max(0.001, idfSum > 0 ? 1 - (0 + idf * (1 - s)) / idfSum : 0);
            score *= Math.pow(fieldScore, WEIGHT[f] * norms[d * 3 + f]);
          }
          consider(d, score);
        }
      } else {
        const smallest = matches.reduce((a, b) => (b.docs.length < a.docs.length ? b : a));
        candidates: for (const d of smallest.docs) {
          // Every query word must match in some field (tokenMatch 'all').
          for (const m of matches) if (m.at[d] < 0) continue candidates;
          let score = 1;
          for (let f = 0; f < 3; f++) {
            let sum = 0;
            let any = false;
            for (const m of matches) {
              const s = m.scores[m.at[d] * 3 + f];
              if (s === NONE) continue;
              any = true;
              sum += m.idf * (1 - s);
            }
            if (!any) continue;
            const fieldScore = Math.max(0.001, idfSum > 0 ? 1 - sum / idfSum : 0);
            score *= Math.pow(fieldScore, WEIGHT[f] * norms[d * 3 + f]);
          }
          consider(d, score);
        }
      }
    }

    return { total, top: top.map((t) => t.id), counts: countsOf((f, v) => tallies[f][v]) };
  }

  /** The ranking of a state, kept for a few states: the island asks for more hits of the same one. */
  function ranked(state: SearchState, limit: number): Promise<Ranked> {
    const size = Math.max(limit, RANKED_MAX);
    // The ranking depends on the folded words alone: "läx" and "lax" share one.
    const queryWords = queryWordsOf(state.q);
    const key = JSON.stringify([size, queryWords, state.q.trim() === '', ...FACET_NAMES.map((f) => state[f])]);
    let r = rankCache.get(key);
    if (!r) {
      r = rank(state, queryWords, size);
      r.catch(() => rankCache.delete(key));
      rankCache.set(key, r);
      if (rankCache.size > 8) rankCache.delete(rankCache.keys().next().value!);
    }
    return r;
  }

  let onDemand: Promise<void> | undefined;
  function countAll(): Promise<void> {
    if (!onDemand) {
      onDemand = source.facets().then((file) => {
        for (const facet of ON_DEMAND_FACETS) columns.multi[facet] = multiColumnOf(facet, file[facet], n, meta.parent);
        // The rankings kept so far lack these counts.
        rankCache.clear();
      });
      // A failed load is tried again by the next caller.
      onDemand.catch(() => (onDemand = undefined));
    }
    return onDemand;
  }

  const docOf = async (id: number) => riding.get(id) ?? (await fragmentChunk(Math.floor(id / DOCS_PER_CHUNK)))[id % DOCS_PER_CHUNK];

  async function search(state: SearchState, limit: number): Promise<EngineOutcome> {
    const { terms, total, top, counts } = await ranked(state, limit);
    const shown = top.slice(0, limit);
    const docs = await Promise.all(shown.map(docOf));
    const highlights = highlightsOf(docs, terms.join(' '));
    return { terms, total, hits: shown.map((id, i) => ({ id, doc: docs[i], highlights: highlights[i] })), counts };
  }

  /**
   * The letters the words of the hits on screen continue `prefix` with, the most frequent
   * first. After other words the hits are the docs the next letter narrows, so their words
   * guess better than the bank's; and a word right after the word typed before it outweighs
   * the others (people type phrases).
   */
  async function lettersInHits(state: SearchState, previous: string | undefined, prefix: string, limit: number): Promise<string[]> {
    const { top } = await ranked(state, limit);
    const weight = new Map<string, number>();
    for (const doc of await Promise.all(top.slice(0, limit).map(docOf))) {
      for (const field of [doc.title, doc.text, doc.ctx]) {
        const tokens = words(field);
        tokens.forEach((w, i) => {
          if (w.length <= prefix.length || !w.startsWith(prefix)) return;
          const n = previous && tokens[i - 1]?.startsWith(previous) ? PHRASE : 1;
          weight.set(w[prefix.length], (weight.get(w[prefix.length]) ?? 0) + n);
        });
      }
    }
    // A stable sort: of equals, the first seen (the better hit's) comes first.
    return [...weight].sort((a, b) => b[1] - a[1]).map(([letter]) => letter);
  }

  /** The ord/ files a query word is matched with, fetched and parsed (not matched). */
  function termFiles(word: string): Promise<unknown> {
    if (word.length < CHUNK_CHARS) return union(prefixKey(word));
    if (word.length > CHUNK_CHARS) return chunkOfWord(word);
    return Promise.all([union(prefixKey(word)), split.has(word) ? union(word) : chunk(word)]);
  }

  /** The ranking of a state and the text of its first hits. */
  async function prepare(state: SearchState, limit: number): Promise<void> {
    const { top } = await ranked(state, limit);
    await Promise.all(top.slice(0, limit).map(docOf));
  }

  let warm = false;
  /**
   * The ranking run a few times over made-up matches (every eighth doc, every twelfth), so the
   * first query the reader's words make it rank runs as compiled code: in Chromium at national
   * scale, a word after another over a third of the bank took 25 ms cold and 2 ms warm. Likewise
   * the highlighting. In steps of its own task each, so a key typed meanwhile waits for one
   * step at most.
   */
  async function warmUp() {
    if (warm) return;
    warm = true;
    const every = (step: number) => {
      const ids = new Int32Array(Math.ceil(n / step)).map((_, k) => k * step);
      recordAll({ ids, masks: new Uint8Array(ids.length).fill(2) }, EXACT);
      return finish(ids.length);
    };
    const nextTask = () => new Promise((resolve) => setTimeout(resolve));
    for (let round = 0; round < 3; round++) {
      const eighth = every(8);
      score([eighth], null, RANKED_MAX);
      await nextTask();
      score([eighth, every(12)], null, RANKED_MAX);
      await nextTask();
    }
    highlightsOf([...riding.values()].slice(0, 10), 'ab');
  }

  async function prefetch(state: SearchState, limit: number): Promise<void> {
    // After a space the next word could start with anything.
    if (/\s$/.test(state.q)) return;
    const all = words(state.q);
    const last = all[all.length - 1];
    if (!last) return warmUp();
    // Typed alone (beside one-letter words, which are not searched for) and without facets, the
    // next letter's key was answered by the build, with all its siblings in one file.
    const alone = all.slice(0, -1).every((w) => w.length < MIN_WORD) && unfaceted(state);
    if (alone && answerFiles.has(last)) {
      await answersOf(last);
      return;
    }
    // Otherwise the next letter may need an ord/ file. After other words, or where no chunk of
    // the word is at hand, the hits on screen suggest the letters: the likeliest is ranked
    // ahead with its hits' text, and for a word of two letters or more the runner-up's files
    // are fetched too, as the hits of a few docs guess a word's middle less surely. For a word
    // alone, the chunk just read suggests the letter.
    const chunked = last.length > CHUNK_CHARS || (last.length === CHUNK_CHARS && !split.has(last));
    const fromHits = all.length > 1 || !chunked ? await lettersInHits(state, all[all.length - 2], last, limit) : [];
    const letter = fromHits[0] ?? (chunked ? (await chunkOfWord(last))?.likeliestAfter(last) : null);
    if (!letter) return;
    const runnerUp = last.length >= MIN_WORD ? fromHits.slice(1, 2).map((second) => termFiles(last + second)) : [];
    await Promise.all([prepare({ ...state, q: state.q + letter }, limit), ...runnerUp]);
  }

  return {
    size: n,
    search,
    prefetch,
    countAll,
    async rank(state) {
      const { total, top, counts } = await ranked(state, RANKED_MAX);
      return { total, top, counts };
    },
  };
}

/** No facet value chosen: the states the build's stored answers are for. */
const unfaceted = (state: SearchState) => FACET_NAMES.every((f) => state[f].length === 0);

/** The distinct folded words of a query that are searched for (one-letter words are not). */
const queryWordsOf = (q: string) => [...new Set(words(q))].filter((w) => w.length >= MIN_WORD);

/** fuse.js itself, over just the shown docs, says what to highlight. */
function highlightsOf(docs: DocFragment[], query: string): EngineHit['highlights'][] {
  const out = docs.map(() => ({ title: [] as [number, number][], text: [] as [number, number][] }));
  if (!query || docs.length === 0) return out;
  const fuse = new Fuse(docs, { ...FUSE_OPTIONS, keys: SEARCH_KEYS, shouldSort: false } as typeof FUSE_OPTIONS);
  for (const result of fuse.search(query) as FuseResult<DocFragment>[]) {
    for (const match of result.matches ?? []) {
      if (match.key === 'title' || match.key === 'text') out[result.refIndex][match.key].push(...match.indices.map(([a, b]) => [a, b] as [number, number]));
    }
  }
  return out;
}

/** Fetches the static files the build wrote under `base` (e.g. /sok/data/). */
export function fetchSource(base: string): IndexSource {
  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${base}${path}`);
    if (!response.ok) throw new Error(`${response.status} ${path}`);
    return response.json() as Promise<T>;
  };
  return {
    meta: () => get(META_FILE),
    facets: () => get('facetter.json'),
    terms: (key) => get(`ord/${chunkFile(key)}.json`),
    answers: (prefix) => get(`svar/${chunkFile(prefix)}.json`),
    fragments: (i) => get(`poster/${i}.json`),
  };
}
