/**
 * The shapes of the static search files, shared by the build (index-builder.ts) and the browser
 * (engine.ts). Everything is plain JSON; doc ids are positions in the build's document order.
 */
import type { SearchDoc } from '../search';

/** The searched fields, in this order everywhere: bit i of a posting's field mask is FIELDS[i]. */
export const FIELDS = ['title', 'text', 'ctx'] as const;
export type FieldName = (typeof FIELDS)[number];

/**
 * Documents per fragment file. Small: the first hits of a query are scattered over the whole
 * bank, and a file fetched for one hit should not carry much besides it.
 */
export const DOCS_PER_CHUNK = 4;

/** What a hit needs for display and highlighting: no facet data, that lives in the meta file. */
export type DocFragment = Pick<SearchDoc, 't' | 'u' | 'title' | 'text' | 'ctx' | 'meta'>;

/**
 * Display fragments of a few docs that ride along with an index file, by doc id. A keystroke
 * that needs a new file then finds its first hits' text in the same response, instead of
 * waiting for a second round trip to poster/ (the riders are only a cache: any hit without
 * one is fetched from poster/ as before).
 */
export interface Riders {
  /** doc ids, ascending */
  i: number[];
  /** per id in `i`: its fragment */
  d: DocFragment[];
}

/**
 * The engine's own answer to a query: computed at build time by the same engine, so the
 * keystrokes that ask it need not rank the tens of thousands of docs a two- or three-letter
 * prefix matches.
 */
export interface KeyOutcome {
  /** how many docs match */
  n: number;
  /** the first hits (as many as the engine ranks per search), in rank order, as codec.ts integers */
  top: string;
  /** per facet (FACET_NAMES order), per value (meta values order): hits with that value, as codec.ts integers */
  c: string;
}

/**
 * The answers to the file keys one letter longer than a prefix, each typed alone without facets
 * (svar/<prefix>): after "s", every "s?" key; after "sa", every "sa?" key. Such a keystroke
 * fetches no ord/ file, and the page fetches this file while the reader is between letters, so
 * whichever letter comes next is answered from memory.
 */
export interface KeyAnswers {
  /** per file key: the engine's outcome */
  o: Record<string, KeyOutcome>;
  /** the text of each key's first hits, as many as the page shows at once */
  h: Riders;
}

/** The svar/ file holding a file key's answer: the key without its last letter. */
export const answersKey = (key: string) => key.slice(0, -1);

/** Facets whose docs carry any number of values. */
export const MULTI_FACETS = ['theme', 'area', 'period'] as const;
export type MultiFacet = (typeof MULTI_FACETS)[number];

/**
 * Facets with many values, whose groups start closed on the search page: their columns are most
 * of the meta file at national scale, and nobody sees their counts until a group opens. They
 * live in a file of their own (`FacetColumns`), fetched when a group opens or a value is chosen.
 */
export const ON_DEMAND_FACETS = ['theme', 'area'] as const;
export type OnDemandFacet = (typeof ON_DEMAND_FACETS)[number];
export const isOnDemandFacet = (facet: string): facet is OnDemandFacet => (ON_DEMAND_FACETS as readonly string[]).includes(facet);

/** A multi-valued facet's column: per doc how many values (c), and all docs' value indices in a row (v). */
export interface FacetColumn {
  c: string;
  v: string;
}

/** The columns of the facets counted on demand (facetter.json). */
export type FacetColumns = Record<OnDemandFacet, FacetColumn>;

/**
 * Everything needed to browse by facet and to count, but the facets counted on demand: fetched
 * once when the search page opens. Per-doc columns are strings of one character per value (codec.ts).
 */
export interface SearchMeta {
  /** number of documents */
  n: number;
  /** fields with at least one word over all docs: fuse.js's fieldCount, for idf */
  fields: number;
  /** the files under ord/: two-character prefixes (PrefixUnion), three-character ones (TermChunk) */
  keys: string[];
  /** crowded three-character prefixes: their file is a PrefixUnion, their words are in four-character chunks */
  split: string[];
  /** facet values in option order; columns below refer to them by index */
  values: { type: string[]; lessonType: string[]; theme: string[]; area: string[]; period: string[] };
  /** per area value: the index of its parent area, or -1; docs list only their own areas */
  parent: number[];
  /** per doc: index into values.type */
  type: string;
  /** per doc: index into values.lessonType + 1, 0 for none */
  lt: string;
  /** per multi-valued facet but those counted on demand: its column */
  multi: Record<Exclude<MultiFacet, OnDemandFacet>, FacetColumn>;
  /** per doc three characters, the token counts of title, text and ctx as char codes from 48 */
  norms: string;
  /** the first hits of the empty search */
  h?: Riders;
  /** the engine's answer to the empty search */
  o?: KeyOutcome;
}

/** Every doc with a word starting with a two-character prefix: all a 2- or 3-letter query word needs. */
export interface PrefixUnion {
  /** fields containing the prefix as a whole word (fuse.js's document frequency, for idf) */
  df: number;
  /** postings (codec.ts): the union over the prefix's words */
  p: string;
}

/** Words of one three-character prefix and where they occur. */
export interface TermChunk {
  /** folded words, sorted; besides its own words, compounds ending in a word of this prefix */
  w: string[];
  /** per word: postings (codec.ts) */
  p: string[];
  /** the first hits of the longer prefixes of its words, typed as a query */
  h?: Riders;
}

/** The file the browser reads first, which the search page also preloads. */
export const META_FILE = 'meta.json';

export const NORM_BASE = 48;
export const NORM_MAX = 2000;
