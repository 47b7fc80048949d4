/**
 * One BibTeX entry. Text stays UTF-8 (biber, Zotero and Better BibTeX read it; å ä ö need no
 * escapes), LaTeX's special characters are escaped, and capitalised words in titles are braced so
 * that no style lower-cases a Swedish proper noun. Field names are the ones both BibTeX and biblatex know.
 */
import { isLiteral, type Name } from './names';
import type { CitationItem } from './model';

/**
 * Braces every word that has a capital letter, as Better BibTeX does: an English-assuming style
 * or importer (no langid is known for most sources) may sentence-case a title, and the braces
 * keep "Malmö", "URBAN" and "Regionalfonden" as the source writes them.
 */
const protectCase = (escaped: string) => escaped.split(' ').map((word) => (/\p{Lu}/u.test(word) ? `{${word}}` : word)).join(' ');

const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

export const escapeBibtex = (text: string) => text.replace(/\s+/g, ' ').trim().replace(/[\\{}&%$#_~^]/g, (c) => SPECIAL[c]);

/** URLs are read verbatim: only what would unbalance the braces or split the value is encoded. */
const escapeUrl = (url: string) => url.replace(/[{}\\\s]/g, (c) => encodeURIComponent(c));

function bibName(name: Name): string {
  // A corporate name is braced whole, or BibTeX would read "Malmö stad" as given and family name.
  if (isLiteral(name)) return `{${escapeBibtex(name.literal)}}`;
  return name.given ? `${escapeBibtex(name.family)}, ${escapeBibtex(name.given)}` : escapeBibtex(name.family);
}

const TYPE: Record<CitationItem['work'], string> = {
  entry: 'misc',
  book: 'book',
  report: 'techreport',
  evaluation: 'techreport',
  decision: 'misc',
  web_page: 'misc',
  webinar: 'misc',
  presentation: 'misc',
};

const pad = (n: number) => String(n).padStart(2, '0');

export function toBibtex(item: CitationItem): string {
  const type = TYPE[item.work];
  const fields: [string, string][] = [];
  const names = item.authors.names.map(bibName);
  if (item.authors.etAl) names.push('others');
  if (names.length > 0) fields.push([item.authors.role === 'editor' ? 'editor' : 'author', names.join(' and ')]);
  fields.push(['title', protectCase(escapeBibtex(item.title))]);
  if (item.publisher) fields.push([type === 'techreport' ? 'institution' : 'publisher', escapeBibtex(item.publisher)]);
  if (type === 'techreport' && item.genre) fields.push(['type', escapeBibtex(item.genre)]);
  if (type === 'misc' && item.genre) fields.push(['howpublished', escapeBibtex(item.genre)]);
  if (item.date) {
    fields.push(['year', String(item.date.year)]);
    if (item.date.month && item.date.day) fields.push(['date', `${item.date.year}-${pad(item.date.month)}-${pad(item.date.day)}`]);
  }
  if (item.url) fields.push(['url', escapeUrl(item.url)]);
  if (item.isbn) fields.push(['isbn', escapeBibtex(item.isbn)]);
  if (item.language) fields.push(['langid', item.language === 'sv' ? 'swedish' : escapeBibtex(item.language)]);
  const body = fields.map(([name, value]) => `  ${name} = {${value}},`).join('\n');
  return `@${type}{${item.key},\n${body}\n}\n`;
}
