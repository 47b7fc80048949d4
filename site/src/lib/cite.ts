/**
 * The build-time side of citations: looks entries up in the bank and serves the static download
 * files (`<page>/citera.bib`, `.ris`, `.json`). The formatting itself lives in lib/citation/.
 */
import { getBank } from './bank';
import { CITATION_FORMATS, entryCitation, sourceCitation, type CitationFormat, type CitationItem, type CitedKind } from './citation';

export async function citationOf(kind: CitedKind, slug: string, site: URL | string): Promise<CitationItem> {
  const bank = await getBank();
  if (kind === 'source') return sourceCitation(bank.source.get(slug)!, site);
  return entryCitation(kind, kind === 'initiative' ? bank.initiative.get(slug)! : bank.lesson.get(slug)!, site);
}

/** getStaticPaths of a `[slug]/citera.[format].ts` endpoint: every entry of the kind × every format. */
export async function citationPaths(kind: CitedKind) {
  const bank = await getBank();
  const items = kind === 'initiative' ? bank.initiatives : kind === 'lesson' ? bank.lessons : bank.sources;
  return items.flatMap((item) => Object.keys(CITATION_FORMATS).map((format) => ({ params: { slug: item.slug, format } })));
}

export async function citationResponse(kind: CitedKind, slug: string, format: string, site: URL | string): Promise<Response> {
  const spec = CITATION_FORMATS[format as CitationFormat];
  const body = spec.render(await citationOf(kind, slug, site));
  return new Response(body, { headers: { 'Content-Type': spec.mime } });
}
