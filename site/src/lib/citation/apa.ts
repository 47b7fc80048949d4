/**
 * A reference in APA 7 style, in Swedish (as Swedish university libraries write it: "u.å." for a
 * missing year, "Red." for editors, "m.fl." where the source lists only the first authors, dates
 * with Swedish month names). Returned as segments so a page can set the title in italics.
 */
import { initials, isLiteral, type Name } from './names';
import type { CitationItem } from './model';

export interface Segment {
  text: string;
  italic?: boolean;
}

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/** Sources whose kind APA names in brackets after the title; books, reports and web pages need none. */
const BRACKETED = new Set(['evaluation', 'decision', 'webinar', 'presentation']);

function apaName(name: Name): string {
  if (isLiteral(name)) return name.literal;
  return name.given ? `${name.family}, ${initials(name.given)}` : name.family;
}

/** "A", "A, & B", "A, B, & C"; past 20 names APA keeps the first 19, an ellipsis, and the last. */
export function apaNames(names: Name[]): string {
  const list = names.map(apaName);
  if (list.length <= 1) return list.join('');
  if (list.length > 20) return `${list.slice(0, 19).join(', ')}, … ${list[list.length - 1]}`;
  return `${list.slice(0, -1).join(', ')}, & ${list[list.length - 1]}`;
}

/** Adds a full stop unless the text already ends a sentence. */
const period = (text: string) => (/[.?!]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

function apaDate(item: CitationItem): string {
  const d = item.date;
  if (!d) return '(u.å.)';
  if (d.month && d.day) return `(${d.year}, ${d.day} ${MONTHS[d.month - 1]})`;
  return `(${d.year})`;
}

export function apaSegments(item: CitationItem): Segment[] {
  const { names, etAl, role } = item.authors;
  // A work with no named author is cited under its publisher, as APA does for reports by an
  // organisation; with neither, the title moves to the front.
  const groupAuthor = names.length === 0 && item.publisher ? item.publisher : null;
  let author = names.length > 0 ? apaNames(names) : groupAuthor ?? '';
  if (author && etAl) author = `${author} m.fl.`;
  if (author && role === 'editor') author = `${author} (Red.)`;

  const bracket = item.work === 'entry' ? item.genre : BRACKETED.has(item.work) ? item.genre : null;
  const titleSegments: Segment[] = [{ text: item.title.trim(), italic: true }];
  if (bracket) titleSegments.push({ text: ` [${bracket}]` });
  const titleText = titleSegments.map((s) => s.text).join('');
  // The closing full stop goes after the bracket, or after the title when nothing follows it.
  if (!/[.?!]$/.test(titleText)) titleSegments.push({ text: '.' });

  const publisher = item.publisher && item.publisher !== author && item.publisher !== groupAuthor ? period(item.publisher) : null;
  const tail = [publisher, item.url].filter(Boolean).join(' ');

  const out: Segment[] = [];
  if (author) {
    out.push({ text: `${period(author)} ${apaDate(item)}. ` });
    out.push(...titleSegments);
  } else {
    out.push(...titleSegments);
    out.push({ text: ` ${apaDate(item)}.` });
  }
  if (tail) out.push({ text: ` ${tail}` });
  return out;
}

/** The reference as plain text (italics lost), e.g. for a copy button or a test. */
export const apaText = (item: CitationItem) => apaSegments(item).map((s) => s.text).join('');
