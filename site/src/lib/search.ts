/**
 * Search in the browser: state, URL handling and the searcher the island talks to. The engine
 * behind `createSearcher` (search/engine.ts) reads a chunked static index, so a bank of 60,000
 * entries is searched without downloading it whole.
 */
import type { EntryType, LessonType } from './format';
import { createEngine, fetchSource, type EngineOutcome, type IndexSource } from './search/engine';
import type { DocFragment } from './search/format';
import { FACET_NAMES, type FacetName, type SearchState } from './search/options';

export { FACET_NAMES, FUSE_OPTIONS, SEARCH_KEYS, type FacetName, type SearchState } from './search/options';
export { isOnDemandFacet, ON_DEMAND_FACETS } from './search/format';

/** One search document; short keys keep the shipped JSON small. */
export interface SearchDoc {
  /** entry type */
  t: EntryType;
  /** URL of the entry page */
  u: string;
  title: string;
  /** short text: summary, or the start of the body or description */
  text: string;
  /** context words searched with low weight: area and initiative names, authors, … */
  ctx: string;
  /** a short line shown under the title (period, lesson type, kind, year) */
  meta: string;
  /** lesson type, for lessons */
  lt?: LessonType;
  /** theme slugs */
  th: string[];
  /** area slugs, ancestors included (a search for Malmö finds what happened in Möllevången) */
  ar: string[];
  /** decades (`1990`, …, or `okand`) */
  pe: string[];
}

export interface FacetOption {
  value: string;
  label: string;
}

export interface SearchFacets {
  type: FacetOption[];
  lessonType: FacetOption[];
  theme: FacetOption[];
  area: FacetOption[];
  period: FacetOption[];
}

export const EMPTY_STATE: SearchState = { q: '', type: [], lessonType: [], theme: [], area: [], period: [] };

/** Swedish query-string names, so a shared search URL reads naturally. */
export const PARAM: Record<'q' | FacetName, string> = {
  q: 'q',
  type: 'typ',
  lessonType: 'lardomstyp',
  theme: 'tema',
  area: 'omrade',
  period: 'period',
};

export interface Hit {
  doc: DocFragment;
  /** [start, end] ranges (inclusive) to highlight, per field */
  highlights: { title: [number, number][]; text: [number, number][] };
}

export interface SearchOutcome {
  /** the state this outcome answers (responses can arrive out of order) */
  state: SearchState;
  /** how many entries match */
  total: number;
  /** the first hits in rank order, as many as were asked for */
  hits: Hit[];
  /** For each facet, how many hits each value would have with the other facets applied (see EngineOutcome). */
  counts: EngineOutcome['counts'];
}

export interface Searcher {
  /** The matches for a state, with text for the first `limit` of them. */
  search(state: SearchState, limit: number): Promise<SearchOutcome>;
  /** Readies the likely next keystroke's answer (see Engine.prefetch); never fails. */
  prefetch(state: SearchState, limit: number): Promise<void>;
  /** From now on, count the facets counted on demand too (see Engine.countAll). */
  countAll(): Promise<void>;
}

/** Loads the index's meta file (the rest comes as queries need it) from `base`, e.g. /sok/data/. */
export async function createSearcher(base: string | IndexSource): Promise<Searcher> {
  const engine = await createEngine(typeof base === 'string' ? fetchSource(base) : base);
  return {
    async search(state, limit) {
      const { total, hits, counts } = await engine.search(state, limit);
      return { state, total, hits: hits.map(({ doc, highlights }) => ({ doc, highlights })), counts };
    },
    // A guess that fails to load is just not ready: the keystroke fetches what it needs.
    prefetch: (state, limit) => engine.prefetch(state, limit).catch(() => {}),
    countAll: () => engine.countAll(),
  };
}

/** Splits text into plain and highlighted parts; overlapping ranges merge. */
export function highlightParts(text: string, ranges: [number, number][]): { text: string; mark: boolean }[] {
  if (ranges.length === 0) return [{ text, mark: false }];
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  const parts: { text: string; mark: boolean }[] = [];
  let at = 0;
  for (const [a, b] of merged) {
    if (a > at) parts.push({ text: text.slice(at, a), mark: false });
    parts.push({ text: text.slice(a, b + 1), mark: true });
    at = b + 1;
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: false });
  return parts;
}

export function stateFromSearch(search: string): SearchState {
  const params = new URLSearchParams(search);
  const list = (name: string) => [...new Set(params.getAll(name).filter(Boolean))];
  return {
    q: params.get(PARAM.q) ?? '',
    type: list(PARAM.type),
    lessonType: list(PARAM.lessonType),
    theme: list(PARAM.theme),
    area: list(PARAM.area),
    period: list(PARAM.period),
  };
}

export function stateToSearch(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set(PARAM.q, state.q);
  for (const facet of FACET_NAMES) for (const value of state[facet]) params.append(PARAM[facet], value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function sameState(a: SearchState, b: SearchState): boolean {
  return stateToSearch(a) === stateToSearch(b);
}
