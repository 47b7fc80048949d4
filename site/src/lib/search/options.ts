/**
 * What the search matches and how: shared by the index build, the engine and the island.
 */
import type { IFuseOptions } from 'fuse.js';

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

export const SEARCH_KEYS = [
  { name: 'title', weight: 3 },
  { name: 'text', weight: 1 },
  { name: 'ctx', weight: 0.5 },
];

export const FUSE_OPTIONS: IFuseOptions<unknown> = {
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
