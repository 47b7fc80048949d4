/**
 * The build-time side of citations for pages: looks entries up in the bank. The formatting lives
 * in lib/citation/.
 */
import { getBank } from './bank';
import { entryCitation, sourceCitation, type CitationItem, type CitedKind } from './citation';

export async function citationOf(kind: CitedKind, slug: string, site: URL | string): Promise<CitationItem> {
  const bank = await getBank();
  if (kind === 'source') return sourceCitation(bank.source.get(slug)!, site);
  return entryCitation(kind, kind === 'initiative' ? bank.initiative.get(slug)! : bank.lesson.get(slug)!, site);
}
