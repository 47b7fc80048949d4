/**
 * What a citation describes, independent of format. Two kinds of thing are cited:
 * - an entry of the bank (an initiative or a lesson): the bank is its author and publisher, its
 *   date is when that version was published, its URL the entry's permanent address;
 * - a source: the document itself, with the authors, publisher, year and URL the snapshot gives;
 *   nothing is filled in that the source does not say.
 * The formatters (apa, bibtex, ris, csl, highwire, jsonld) read only this.
 */
import { LABELS } from '@erfarenhetsbanken/shared-types';
import type { Initiative, Lesson, Source } from '@erfarenhetsbanken/shared-types';
import { entryUrl, SEGMENT } from '../format';
import { parseAuthors, type Authors } from './names';

export const BANK_NAME = 'Erfarenhetsbanken';

export type CitedKind = 'initiative' | 'lesson' | 'source';
/** The bank's own entries are web pages; a source keeps its type from the snapshot. */
export type Work = 'entry' | Source['type'];

export interface CitationDate {
  year: number;
  month?: number;
  day?: number;
}

export interface CitationItem {
  /** Stable identifier, used as BibTeX key and CSL id: "<segment>-<slug>". */
  key: string;
  kind: CitedKind;
  work: Work;
  title: string;
  authors: Authors;
  /** The authors as the snapshot wrote them, for a note when the parsed names lose something. */
  authorsText: string | null;
  publisher: string | null;
  date: CitationDate | null;
  /** http(s) only; a source without one has none. */
  url: string | null;
  isbn: string | null;
  /** A short Swedish description of the work ("Insats", "Utvärdering"), or null. */
  genre: string | null;
  /** The website an entry belongs to (the bank), null for sources. */
  containerTitle: string | null;
  /** Known only for the bank's own entries, which are written in Swedish. */
  language: string | null;
  /** The bank's page about the item (where its Citera section and downloads are). */
  pageUrl: string;
}

const httpUrl = (url: string | null) => (url && /^https?:\/\/\S+$/i.test(url.trim()) ? url.trim() : null);

/** The calendar date of an ISO instant in Stockholm, where the bank is published. */
// Made once: constructing an Intl formatter costs about a millisecond, and every cited entry needs one.
const stockholmFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

// Stockholm is a whole number of hours from UTC, so the date is the same within a UTC hour, and an
// export's entries are published within few of them: formatToParts (about 20 µs) runs once per hour.
const datesByHour = new Map<number, CitationDate>();

export function stockholmDate(iso: string): CitationDate {
  const time = new Date(iso);
  const hour = Math.floor(time.getTime() / 3_600_000);
  let date = datesByHour.get(hour);
  if (!date) {
    const parts = stockholmFormat.formatToParts(time);
    const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
    datesByHour.set(hour, (date = { year: get('year'), month: get('month'), day: get('day') }));
  }
  return { ...date };
}

const absolute = (path: string, site: string | URL) => new URL(path, site).href;

export function entryCitation(kind: 'initiative' | 'lesson', entry: Initiative | Lesson, site: string | URL): CitationItem {
  const url = absolute(entryUrl(kind, entry.slug), site);
  const genre = kind === 'initiative' ? 'Insats' : `Lärdom: ${LABELS.lessonType[(entry as Lesson).type].toLowerCase()}`;
  return {
    key: `${SEGMENT[kind]}-${entry.slug}`,
    kind,
    work: 'entry',
    title: entry.title,
    authors: { names: [{ literal: BANK_NAME }], etAl: false, role: 'author' },
    authorsText: BANK_NAME,
    publisher: BANK_NAME,
    // The version cited is the one published: its publication date, in Stockholm.
    date: stockholmDate(entry.publishedAt),
    url,
    isbn: null,
    genre,
    containerTitle: BANK_NAME,
    language: 'sv',
    pageUrl: url,
  };
}

export function sourceCitation(source: Source, site: string | URL): CitationItem {
  return {
    key: `${SEGMENT.source}-${source.slug}`,
    kind: 'source',
    work: source.type,
    title: source.title,
    authors: parseAuthors(source.authors),
    authorsText: source.authors,
    publisher: source.publisher?.trim() || null,
    date: source.year != null ? { year: source.year } : null,
    url: httpUrl(source.url),
    isbn: source.isbn?.trim() || null,
    genre: LABELS.sourceType[source.type],
    containerTitle: null,
    language: null,
    pageUrl: absolute(entryUrl('source', source.slug), site),
  };
}

/** True when the names alone do not say everything the authors field says ("et al."). */
export const authorsLossy = (item: CitationItem) => item.authors.etAl;
