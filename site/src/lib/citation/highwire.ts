/**
 * Highwire Press `citation_*` meta tags: what Google Scholar and Zotero's connector (its
 * "Embedded Metadata" translator) read to save the item a page describes.
 */
import { isLiteral } from './names';
import type { CitationItem } from './model';

const REPORTS = new Set(['report', 'evaluation']);
const pad = (n: number) => String(n).padStart(2, '0');

export function highwireTags(item: CitationItem): [name: string, content: string][] {
  const tags: [string, string][] = [['citation_title', item.title]];
  for (const name of item.authors.names) {
    if (item.authors.role === 'editor') continue; // Highwire has no editor tag; the RIS and BibTeX files carry them
    tags.push(['citation_author', isLiteral(name) ? name.literal : name.given ? `${name.family}, ${name.given}` : name.family]);
  }
  if (item.date) {
    const { year, month, day } = item.date;
    tags.push(['citation_publication_date', month && day ? `${year}/${pad(month)}/${pad(day)}` : String(year)]);
  }
  if (item.publisher) tags.push([REPORTS.has(item.work) ? 'citation_technical_report_institution' : 'citation_publisher', item.publisher]);
  if (item.isbn) tags.push(['citation_isbn', item.isbn]);
  if (item.language) tags.push(['citation_language', item.language]);
  if (item.url) tags.push(['citation_public_url', item.url]);
  return tags;
}
