/** Citations of the bank's entries and sources: one pure module per format, all reading a CitationItem. */
export { entryCitation, sourceCitation, stockholmDate, BANK_NAME, type CitationItem, type CitedKind } from './model';
export { parseAuthors, initials, type Authors, type Name } from './names';
export { apaSegments, apaText, type Segment } from './apa';
export { toBibtex, escapeBibtex } from './bibtex';
export { toRis } from './ris';
export { toCsl, cslFile, type CslItem } from './csl';
export { highwireTags } from './highwire';
export { citationJsonLd, jsonLdScript, bankOrganisation, LICENSE_URL } from './jsonld';

import { toBibtex } from './bibtex';
import { cslFile } from './csl';
import { toRis } from './ris';
import type { CitationItem } from './model';

/** The downloads every entry offers, carried by its page (see citationDataUrl). */
export const CITATION_FORMATS = {
  bib: { label: 'BibTeX', mime: 'application/x-bibtex', render: toBibtex },
  ris: { label: 'RIS', mime: 'application/x-research-info-systems', render: toRis },
  json: { label: 'CSL-JSON', mime: 'application/vnd.citationstyles.csl+json', render: cslFile },
} satisfies Record<string, { label: string; mime: string; render: (item: CitationItem) => string }>;

export type CitationFormat = keyof typeof CITATION_FORMATS;

/**
 * A download as a `data:` URL in the page's own link, which the link's `download` attribute saves
 * as a file, without JavaScript. As static files next to each page they were three quarters of a
 * national build's 270,000 files (each costing a write, an inode and a disk block for 450 bytes),
 * which made the file system the build's bottleneck; in the page they add about 1.6 KB.
 */
export const citationDataUrl = (item: CitationItem, format: CitationFormat) =>
  `data:${CITATION_FORMATS[format].mime};charset=utf-8,${encodeURIComponent(CITATION_FORMATS[format].render(item))}`;
