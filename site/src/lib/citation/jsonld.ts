/**
 * schema.org descriptions as JSON-LD, for search engines and for tools that read structured data.
 * An entry of the bank is a CreativeWork published by the bank under CC BY 4.0; a source is
 * described as the work it is (a Book, a Report, …), with the bank's page as where it is described.
 */
import { isLiteral, type Name } from './names';
import { BANK_NAME, type CitationItem } from './model';

export const LICENSE_URL = 'https://creativecommons.org/licenses/by/4.0/';

type Json = Record<string, unknown>;

const SOURCE_TYPE: Record<string, string> = {
  book: 'Book',
  report: 'Report',
  evaluation: 'Report',
  decision: 'CreativeWork',
  web_page: 'WebPage',
  webinar: 'CreativeWork',
  presentation: 'PresentationDigitalDocument',
};

const person = (name: Name): Json =>
  isLiteral(name)
    ? { '@type': 'Organization', name: name.literal }
    : { '@type': 'Person', name: name.given ? `${name.given} ${name.family}` : name.family, familyName: name.family, ...(name.given ? { givenName: name.given } : {}) };

export const bankOrganisation = (site: string | URL): Json => ({ '@type': 'Organization', name: BANK_NAME, url: new URL('/', site).href });

const isoDate = (item: CitationItem) => {
  const d = item.date;
  if (!d) return undefined;
  return d.month && d.day ? `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}` : String(d.year);
};

/**
 * The JSON-LD of a page about an entry or a source. `extra` adds what only the page knows
 * (description, keywords, the sources a lesson cites).
 */
export function citationJsonLd(item: CitationItem, site: string | URL, extra: Json = {}): Json {
  const names = item.authors.names.map(person);
  const common: Json = {
    '@context': 'https://schema.org',
    name: item.title,
    ...(item.date ? { datePublished: isoDate(item) } : {}),
    ...(item.publisher ? { publisher: item.publisher === BANK_NAME ? bankOrganisation(site) : { '@type': 'Organization', name: item.publisher } } : {}),
  };
  if (item.work === 'entry') {
    return {
      ...common,
      '@type': 'CreativeWork',
      '@id': item.url,
      url: item.url,
      headline: item.title,
      author: bankOrganisation(site),
      genre: item.genre,
      inLanguage: item.language,
      license: LICENSE_URL,
      isPartOf: { '@type': 'WebSite', name: BANK_NAME, url: new URL('/', site).href },
      ...extra,
    };
  }
  return {
    ...common,
    '@type': SOURCE_TYPE[item.work] ?? 'CreativeWork',
    ...(names.length ? { [item.authors.role === 'editor' ? 'editor' : 'author']: names } : {}),
    ...(item.url ? { url: item.url } : {}),
    ...(item.isbn && item.work === 'book' ? { isbn: item.isbn } : {}),
    genre: item.genre,
    mainEntityOfPage: item.pageUrl,
    ...extra,
  };
}

/** Serialises JSON-LD for a <script> element: "<" is escaped so no value can close the element. */
export const jsonLdScript = (data: Json) => JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
