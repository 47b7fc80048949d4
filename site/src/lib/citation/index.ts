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

/** The downloads every entry offers, as static files next to its page: `<page>/citera.<ext>`. */
export const CITATION_FORMATS = {
  bib: { label: 'BibTeX', mime: 'application/x-bibtex; charset=utf-8', render: toBibtex },
  ris: { label: 'RIS', mime: 'application/x-research-info-systems; charset=utf-8', render: toRis },
  json: { label: 'CSL-JSON', mime: 'application/vnd.citationstyles.csl+json; charset=utf-8', render: cslFile },
} satisfies Record<string, { label: string; mime: string; render: (item: CitationItem) => string }>;

export type CitationFormat = keyof typeof CITATION_FORMATS;
export const citationFileUrl = (item: CitationItem, format: CitationFormat) => `${new URL(item.pageUrl).pathname}citera.${format}`;
