/**
 * The shapes of the static search files, shared by the build (index-builder.ts) and the browser
 * (engine.ts). Everything is plain JSON; doc ids are positions in the build's document order.
 */
import type { EntryType } from '../format';

/** The searched fields, in this order everywhere: bit i of a posting's field mask is FIELDS[i]. */
export const FIELDS = ['title', 'text', 'ctx'] as const;
export type FieldName = (typeof FIELDS)[number];

/** Documents per fragment file: small, since a page of hits is scattered over the whole bank. */
export const DOCS_PER_CHUNK = 16;

/** What a hit needs for display and highlighting: no facet data, that lives in the meta file. */
export interface DocFragment {
  t: EntryType;
  u: string;
  title: string;
  text: string;
  ctx: string;
  meta: string;
}

/** Facets whose docs carry any number of values; stored value → doc ids. */
export const MULTI_FACETS = ['theme', 'area', 'period'] as const;
export type MultiFacet = (typeof MULTI_FACETS)[number];

/**
 * Everything needed to browse by facet and to count, without any other file: fetched once when
 * the search page opens.
 */
export interface SearchMeta {
  /** number of documents */
  n: number;
  /** fields with at least one word over all docs: fuse.js's fieldCount, for idf */
  fields: number;
  /** term chunk keys that exist (folded two-character prefixes) */
  keys: string[];
  /** facet values in option order; columns below refer to them by index */
  values: { type: string[]; lessonType: string[]; theme: string[]; area: string[]; period: string[] };
  /** per doc, one character: index into values.type, base 36 */
  type: string;
  /** per doc, one character: index into values.lessonType, or '-' */
  lt: string;
  /** per multi-valued facet, per value index: doc ids ascending, delta-encoded */
  multi: Record<MultiFacet, number[][]>;
  /** per doc three characters, the token counts of title, text and ctx as char codes from 48 */
  norms: string;
}

/** Words of one two-character prefix and where they occur. */
export interface TermChunk {
  /** folded words, sorted */
  w: string[];
  /** per word: postings as (doc id delta) * 8 + field mask, doc ids ascending; the first holds the id itself */
  p: number[][];
}

export const NORM_BASE = 48;
export const NORM_MAX = 2000;
