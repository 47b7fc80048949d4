/**
 * Search over the prebuilt index: the part of search that runs in the browser. Kept apart from
 * the island's UI so a different engine (a later issue scales this to 60k entries) can replace
 * it behind the same `createSearcher` / `SearchState` interface.
 */
import Fuse, { type FuseResult, type IFuseOptions } from 'fuse.js';
import { LESSON_TYPE_PARAM, SEGMENT, type EntryType, type LessonType } from './format';

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

export interface SearchPayload {
  docs: SearchDoc[];
  /** `Fuse.createIndex(...).toJSON()`, built at build time so the browser skips indexing. */
  index: Parameters<typeof Fuse.parseIndex>[0];
}

export interface SearchFacets {
  type: FacetOption[];
  lessonType: FacetOption[];
  theme: FacetOption[];
  area: FacetOption[];
  period: FacetOption[];
}

export const FACET_NAMES = ['type', 'lessonType', 'theme', 'area', 'period'] as const;
export type FacetName = (typeof FACET_NAMES)[number];

export interface SearchState {
  q: string;
  type: string[];
  lessonType: string[];
  theme: string[];
  area: string[];
  period: string[];
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

export const SEARCH_KEYS = [
  { name: 'title', weight: 3 },
  { name: 'text', weight: 1 },
  { name: 'ctx', weight: 0.5 },
];

export const FUSE_OPTIONS: IFuseOptions<SearchDoc> = {
  keys: SEARCH_KEYS,
  includeMatches: true,
  includeScore: true,
  // å/ä → a, ö → o in both query and text: "mollevangen" finds Möllevången and the reverse.
  ignoreDiacritics: true,
  // Every word must match somewhere (any field), each fuzzily: adding a word narrows the hits.
  useTokenSearch: true,
  tokenMatch: 'all',
  // Tolerates a missing or swapped letter in a word ("blomanpengarna") without matching noise.
  threshold: 0.34,
  minMatchCharLength: 2,
};

/** The facet values a doc carries, per facet, as they appear in the URL. */
function valuesOf(doc: SearchDoc, facet: FacetName): string[] {
  switch (facet) {
    case 'type':
      return [SEGMENT[doc.t]];
    case 'lessonType':
      return doc.lt ? [LESSON_TYPE_PARAM[doc.lt]] : [];
    case 'theme':
      return doc.th;
    case 'area':
      return doc.ar;
    case 'period':
      return doc.pe;
  }
}

/** Values within one facet widen (OR); different facets narrow (AND). */
function passes(doc: SearchDoc, state: SearchState, except?: FacetName): boolean {
  for (const facet of FACET_NAMES) {
    if (facet === except) continue;
    const wanted = state[facet];
    if (wanted.length === 0) continue;
    const have = valuesOf(doc, facet);
    if (!wanted.some((value) => have.includes(value))) return false;
  }
  return true;
}

export interface Hit {
  doc: SearchDoc;
  /** [start, end] ranges (inclusive) to highlight, per field */
  highlights: { title: [number, number][]; text: [number, number][] };
}

export interface SearchOutcome {
  hits: Hit[];
  /** For each facet, how many hits each value would have with the other facets applied. */
  counts: Record<FacetName, Map<string, number>>;
}

export interface Searcher {
  search(state: SearchState): SearchOutcome;
}

export function createSearcher(payload: SearchPayload): Searcher {
  const fuse = new Fuse(payload.docs, FUSE_OPTIONS, Fuse.parseIndex(payload.index));
  return {
    search(state) {
      const q = state.q.trim();
      const matched: Hit[] = q
        ? fuse.search(q).map((result: FuseResult<SearchDoc>) => ({ doc: result.item, highlights: highlightsOf(result) }))
        : payload.docs.map((doc) => ({ doc, highlights: { title: [], text: [] } }));
      const counts = Object.fromEntries(FACET_NAMES.map((f) => [f, new Map<string, number>()])) as SearchOutcome['counts'];
      for (const hit of matched) {
        for (const facet of FACET_NAMES) {
          if (!passes(hit.doc, state, facet)) continue;
          for (const value of new Set(valuesOf(hit.doc, facet))) counts[facet].set(value, (counts[facet].get(value) ?? 0) + 1);
        }
      }
      return { hits: matched.filter((hit) => passes(hit.doc, state)), counts };
    },
  };
}

function highlightsOf(result: FuseResult<SearchDoc>): Hit['highlights'] {
  const out: Hit['highlights'] = { title: [], text: [] };
  for (const match of result.matches ?? []) {
    if (match.key === 'title' || match.key === 'text') {
      out[match.key].push(...match.indices.map(([a, b]) => [a, b] as [number, number]));
    }
  }
  return out;
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
