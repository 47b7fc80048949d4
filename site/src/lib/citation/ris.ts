/**
 * One RIS record (the tagged format EndNote, Zotero, Mendeley and most library systems import).
 * A value must fit on its line, so line breaks become spaces; lines end in CRLF as the format's
 * specification says. Names are "Family, Given"; a corporate name is written as is, without a
 * comma, which readers take as a single-field name.
 */
import { isLiteral, type Name } from './names';
import type { CitationItem } from './model';

const TYPE: Record<CitationItem['work'], string> = {
  entry: 'ELEC',
  book: 'BOOK',
  report: 'RPRT',
  evaluation: 'RPRT',
  decision: 'GOVDOC',
  web_page: 'ELEC',
  webinar: 'VIDEO',
  presentation: 'SLIDE',
};

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const risName = (name: Name) => (isLiteral(name) ? oneLine(name.literal) : name.given ? `${oneLine(name.family)}, ${oneLine(name.given)}` : oneLine(name.family));
const pad = (n: number) => String(n).padStart(2, '0');

export function toRis(item: CitationItem): string {
  // An edited book is its own type, whose AU lines are the editors (EndNote's convention, read
  // the same way by Zotero and citation.js); RIS has no such type for other works, so their
  // editors stay names with a note saying what they are.
  const editedBook = item.authors.role === 'editor' && item.work === 'book';
  const lines: [string, string][] = [['TY', editedBook ? 'EDBOOK' : TYPE[item.work]]];
  lines.push(['TI', oneLine(item.title)]);
  for (const name of item.authors.names) lines.push(['AU', risName(name)]);
  if (item.date) {
    lines.push(['PY', String(item.date.year)]);
    if (item.date.month && item.date.day) lines.push(['DA', `${item.date.year}/${pad(item.date.month)}/${pad(item.date.day)}/`]);
  }
  if (item.publisher) lines.push(['PB', oneLine(item.publisher)]);
  if (item.containerTitle) lines.push(['T2', oneLine(item.containerTitle)]);
  if (item.genre) lines.push(['M3', oneLine(item.genre)]);
  if (item.url) lines.push(['UR', item.url]);
  if (item.isbn) lines.push(['SN', oneLine(item.isbn)]);
  if (item.language) lines.push(['LA', item.language]);
  if ((item.authors.etAl || (item.authors.role === 'editor' && !editedBook)) && item.authorsText) {
    lines.push(['N1', `Författare enligt källan: ${oneLine(item.authorsText)}`]);
  }
  lines.push(['ER', '']);
  return lines.map(([tag, value]) => `${tag}  - ${value}`).join('\r\n') + '\r\n';
}
