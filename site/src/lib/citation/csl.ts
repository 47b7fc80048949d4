/**
 * CSL-JSON, the input format of citeproc (Zotero, Mendeley, Pandoc): an array holding one item.
 * Types and variables are those of CSL 1.0.2.
 */
import { isLiteral, type Name } from './names';
import type { CitationItem } from './model';

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

export interface CslItem {
  id: string;
  type: string;
  title: string;
  author?: CslName[];
  editor?: CslName[];
  publisher?: string;
  'container-title'?: string;
  issued?: { 'date-parts': number[][] };
  URL?: string;
  ISBN?: string;
  genre?: string;
  language?: string;
  note?: string;
}

const TYPE: Record<CitationItem['work'], string> = {
  entry: 'webpage',
  book: 'book',
  report: 'report',
  evaluation: 'report',
  decision: 'document',
  web_page: 'webpage',
  webinar: 'speech',
  presentation: 'speech',
};

const cslName = (name: Name): CslName => (isLiteral(name) ? { literal: name.literal } : name.given ? { family: name.family, given: name.given } : { family: name.family });

export function toCsl(item: CitationItem): CslItem {
  const out: CslItem = { id: item.key, type: TYPE[item.work], title: item.title };
  if (item.authors.names.length > 0) out[item.authors.role === 'editor' ? 'editor' : 'author'] = item.authors.names.map(cslName);
  if (item.publisher) out.publisher = item.publisher;
  if (item.containerTitle) out['container-title'] = item.containerTitle;
  if (item.date) out.issued = { 'date-parts': [[item.date.year, ...(item.date.month && item.date.day ? [item.date.month, item.date.day] : [])]] };
  if (item.url) out.URL = item.url;
  if (item.isbn) out.ISBN = item.isbn;
  if (item.genre) out.genre = item.genre;
  if (item.language) out.language = item.language;
  // CSL has no "et al." name: say what the source says instead of dropping it.
  if (item.authors.etAl && item.authorsText) out.note = `Författare enligt källan: ${item.authorsText}`;
  return out;
}

export const cslFile = (item: CitationItem) => `${JSON.stringify([toCsl(item)], null, 2)}\n`;
