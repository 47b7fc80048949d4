import { beforeAll, describe, expect, it, inject } from 'vitest';
import { textContent } from 'domutils';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
// @ts-expect-error: citation.js ships no type declarations
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris'; // registers the RIS format with Cite
import '@citation-js/plugin-csl'; // registers citeproc-js (bibliography output) with Cite
import type { Initiative, Lesson, Snapshot, Source } from '@erfarenhetsbanken/shared-types';
import {
  apaText,
  cslFile,
  entryCitation,
  parseAuthors,
  sourceCitation,
  toBibtex,
  toRis,
  type CitationItem,
} from '../../site/src/lib/citation';
import { attr, builtSite, elements, fileOf, parseHtml, readSnapshot } from '../helpers/site';

/**
 * Citations, in two layers: the pure formatters on tricky input, and the downloads every built
 * entry page carries. Every format is read back by an independent parser from the npm registry: BibTeX by
 * @retorquere/bibtex-parser (Better BibTeX for Zotero's parser), RIS by citation.js, and CSL-JSON by
 * citation.js and rendered by citeproc-js, the CSL processor inside Zotero and Mendeley.
 */

const SITE = 'http://localhost:4321';
const meta = { publishedAt: '2026-11-22T22:26:19.727Z', updatedAt: '2026-11-22T22:26:19.722Z' };
const TRICKY = 'Åäö & {klamrar} 100 % _#$~^\\ – ”citat”?';

const source = (over: Partial<Source>): Source => ({
  ...meta,
  slug: 'en-kalla',
  title: 'En källa',
  authors: null,
  publisher: null,
  year: null,
  type: 'report',
  url: null,
  isbn: null,
  notes: null,
  ...over,
});

const bib = (item: CitationItem) => {
  const result = parseBibtex(toBibtex(item));
  expect(result.errors).toEqual([]);
  expect(result.entries).toHaveLength(1);
  return result.entries[0];
};
const ris = (item: CitationItem) => new Cite(toRis(item), { forceType: '@ris/file' }).data[0];
const csl = (item: CitationItem) => {
  const data = JSON.parse(cslFile(item));
  expect(Array.isArray(data) && data.length === 1).toBe(true);
  return data[0];
};
const citeproc = (data: unknown) => new Cite(data).format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' }) as string;

describe('author names from the free-text authors field', () => {
  it.each([
    ['Per Frankelius och Mats Utbult', [{ family: 'Frankelius', given: 'Per' }, { family: 'Utbult', given: 'Mats' }], false, 'author'],
    ['Edström & Plisch', [{ family: 'Edström' }, { family: 'Plisch' }], false, 'author'],
    ['Andersson et al.', [{ family: 'Andersson' }], true, 'author'],
    ['Mats Utbult (redaktör och huvudförfattare)', [{ family: 'Utbult', given: 'Mats' }], false, 'author'],
    ['Per Frankelius och Olle Vogel (redaktörer)', [{ family: 'Frankelius', given: 'Per' }, { family: 'Vogel', given: 'Olle' }], false, 'editor'],
    ['Regionala samverkansrådet', [{ literal: 'Regionala samverkansrådet' }], false, 'author'],
    ['Sveriges Kommuner och Landsting', [{ literal: 'Sveriges Kommuner och Landsting' }], false, 'author'],
    ['Forum for Business Administration', [{ literal: 'Forum for Business Administration' }], false, 'author'],
    ['Frankelius, Per; Malmö stad', [{ family: 'Frankelius', given: 'Per' }, { literal: 'Malmö stad' }], false, 'author'],
    ['Bengt af Klintberg', [{ family: 'af Klintberg', given: 'Bengt' }], false, 'author'],
  ])('%s', (text, names, etAl, role) => {
    expect(parseAuthors(text)).toEqual({ names, etAl, role });
  });

  it('reads every authors field of the seed without losing a name to an empty one', () => {
    const snapshot = readSnapshot(inject('snapshotPath'));
    for (const s of snapshot.sources.filter((x) => x.authors)) {
      const { names } = parseAuthors(s.authors);
      expect(names.length, s.authors!).toBeGreaterThan(0);
      for (const n of names) expect('literal' in n ? n.literal : n.family, s.authors!).toMatch(/\S/);
    }
  });
});

describe('the formatters on tricky input', () => {
  it('keep å, ä, ö, &, {, }, % and the other TeX specials through BibTeX, RIS and CSL-JSON', () => {
    const item = sourceCitation(source({ title: TRICKY, authors: 'Åsa Öberg & Ärla Ängström', publisher: 'Malmö stad & Co {AB}', year: 2009 }), SITE);
    const b = bib(item);
    expect(b.fields.title).toBe(TRICKY);
    expect(b.fields.author).toEqual([
      { lastName: 'Öberg', firstName: 'Åsa' },
      { lastName: 'Ängström', firstName: 'Ärla' },
    ]);
    expect(b.fields.institution).toEqual(['Malmö stad & Co {AB}']);
    const r = ris(item);
    expect(r.title).toBe(TRICKY);
    expect(r.author).toEqual([
      { family: 'Öberg', given: 'Åsa' },
      { family: 'Ängström', given: 'Ärla' },
    ]);
    expect(r.publisher).toBe('Malmö stad & Co {AB}');
    const c = csl(item);
    expect(c.title).toBe(TRICKY);
    expect(citeproc([c])).toContain(TRICKY);
  });

  it('write a corporate author as one name, not as given and family name', () => {
    const item = sourceCitation(source({ authors: 'Regionala samverkansrådet', year: 2022, type: 'presentation' }), SITE);
    expect(bib(item).fields.author).toEqual([{ name: 'Regionala samverkansrådet' }]);
    expect(ris(item).author).toEqual([{ literal: 'Regionala samverkansrådet' }]);
    expect(csl(item).author).toEqual([{ literal: 'Regionala samverkansrådet' }]);
  });

  it('say "u.å." for a missing year in APA and leave the year out of the files, never guessing one', () => {
    const item = sourceCitation(source({ title: 'Omvärldsanalys', authors: 'Per Frankelius', type: 'book' }), SITE);
    expect(apaText(item)).toBe('Frankelius, P. (u.å.). Omvärldsanalys.');
    expect(bib(item).fields.year).toBeUndefined();
    expect(toRis(item)).not.toMatch(/^PY {2}-/m);
    expect(csl(item).issued).toBeUndefined();
    expect(citeproc([csl(item)])).toContain('n.d.');
  });

  it('cite a work without authors under its publisher (APA group author), or by title when there is neither', () => {
    expect(apaText(sourceCitation(source({ title: 'Ansökan om förstudie', publisher: 'Malmö stad', year: 2010 }), SITE))).toBe('Malmö stad. (2010). Ansökan om förstudie.');
    expect(apaText(sourceCitation(source({ title: 'Utan allt' }), SITE))).toBe('Utan allt. (u.å.).');
  });

  it('follow APA 7 for two authors, editors, "et al." and a title ending in a question mark', () => {
    const two = sourceCitation(source({ title: 'Den innovativa kommunen', authors: 'Per Frankelius och Mats Utbult', publisher: 'Vinnova', year: 2009, type: 'book' }), SITE);
    expect(apaText(two)).toBe('Frankelius, P., & Utbult, M. (2009). Den innovativa kommunen. Vinnova.');
    const editors = sourceCitation(source({ title: 'Linné i nytt ljus', authors: 'Per Frankelius och Olle Vogel (redaktörer)', year: 2007, type: 'book' }), SITE);
    expect(apaText(editors)).toBe('Frankelius, P., & Vogel, O. (Red.). (2007). Linné i nytt ljus.');
    expect(bib(editors).fields.editor).toHaveLength(2);
    expect(ris(editors).editor).toHaveLength(2);
    expect(csl(editors).editor).toHaveLength(2);
    const etAl = sourceCitation(source({ title: 'Måste innovationer vara av metall?', authors: 'Andersson et al.', year: 2008, type: 'webinar', url: 'https://example.org/a?b=1&c=2' }), SITE);
    expect(apaText(etAl)).toBe('Andersson m.fl. (2008). Måste innovationer vara av metall? [Webbinarium]. https://example.org/a?b=1&c=2');
    expect(bib(etAl).fields.author).toEqual([{ lastName: 'Andersson' }, { lastName: 'others' }]);
    expect(bib(etAl).fields.url).toBe('https://example.org/a?b=1&c=2');
    expect(csl(etAl).note).toContain('Andersson et al.');
  });

  it('keep a RIS record one value per line even when the title has line breaks', () => {
    const text = toRis(sourceCitation(source({ title: 'Rad ett\nrad två\r\n  rad tre', year: 2001 }), SITE));
    expect(text.endsWith('ER  - \r\n')).toBe(true);
    for (const line of text.split('\r\n').slice(0, -1)) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
    expect(ris(sourceCitation(source({ title: 'Rad ett\nrad två', year: 2001 }), SITE)).title).toBe('Rad ett rad två');
  });

  it('cite an entry of the bank as published by the bank, dated in Stockholm time', () => {
    const lesson = { ...meta, publishedAt: '2026-12-31T23:30:00Z', slug: 'en-lardom', title: 'Lokal förankring & {tid}', type: 'obstacle' } as Lesson;
    const item = entryCitation('lesson', lesson, SITE);
    expect(apaText(item)).toBe(`Erfarenhetsbanken. (2027, 1 januari). Lokal förankring & {tid} [Lärdom: hinder]. ${SITE}/lardomar/en-lardom/`);
    const b = bib(item);
    expect(b.fields.author).toEqual([{ name: 'Erfarenhetsbanken' }]);
    expect(b.fields.year).toBe('2027');
    expect(b.fields.url).toBe(`${SITE}/lardomar/en-lardom/`);
    expect(ris(item).issued).toEqual({ 'date-parts': [[2027, 1, 1]] });
  });
});

describe('the citation downloads and Citera sections of the built site', () => {
  let dist: string;
  let snapshot: Snapshot;
  let origin: string;

  beforeAll(async () => {
    ({ snapshot, dist, origin } = await builtSite(inject('snapshotPath')));
  });

  const stockholmYear = (iso: string) => Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Stockholm', year: 'numeric' }).format(new Date(iso)));
  // Each page is read and parsed once, for all the tests that look at its Citera section.
  const sections = new Map<string, ReturnType<typeof elements>[number]>();
  const citeSection = (page: string) => {
    let section = sections.get(page);
    if (!section) {
      section = elements(parseHtml(fileOf(dist, page)!), 'section').find((s) => attr(s, 'id') === 'citera');
      expect(section, page).toBeTruthy();
      sections.set(page, section!);
    }
    return section!;
  };
  /**
   * A download as the browser saves it: the Citera link whose `download` name has the extension,
   * its `data:` URL read by Node's fetch (the Fetch standard's data: URL processor, not ours).
   */
  const download = async (page: string, ext: string) => {
    const link = elements(citeSection(page), 'a').find((a) => attr(a, 'download')?.endsWith(`.${ext}`));
    expect(link, `${page} .${ext}`).toBeTruthy();
    const response = await fetch(attr(link!, 'href')!);
    return { type: response.headers.get('content-type'), text: await response.text() };
  };

  interface Expected {
    page: string;
    title: string;
    year: number | null;
    url: string | null;
    /** Some creator (author, editor or publisher) must be named. */
    creators: boolean;
  }

  const expectations = (): Expected[] => [
    ...snapshot.initiatives.map((i: Initiative) => ({ page: `/insatser/${i.slug}/`, title: i.title, year: stockholmYear(i.publishedAt), url: `${origin}/insatser/${i.slug}/`, creators: true })),
    ...snapshot.lessons.map((l: Lesson) => ({ page: `/lardomar/${l.slug}/`, title: l.title, year: stockholmYear(l.publishedAt), url: `${origin}/lardomar/${l.slug}/`, creators: true })),
    ...snapshot.sources.map((s: Source) => ({ page: `/kallor/${s.slug}/`, title: s.title, year: s.year, url: s.url && /^https?:\/\//.test(s.url) ? s.url : null, creators: !!(s.authors || s.publisher) })),
  ];

  it('parses every BibTeX download, with title, authors or publisher, year and URL', async () => {
    for (const e of expectations()) {
      const file = await download(e.page, 'bib');
      expect(file.type, e.page).toBe('application/x-bibtex;charset=utf-8');
      const result = parseBibtex(file.text);
      expect(result.errors, e.page).toEqual([]);
      expect(result.entries, e.page).toHaveLength(1);
      const f = result.entries[0].fields;
      expect(f.title, e.page).toBe(e.title.replace(/\s+/g, ' ').trim());
      expect(f.year, e.page).toBe(e.year == null ? undefined : String(e.year));
      expect(f.url, e.page).toBe(e.url ?? undefined);
      if (e.creators) expect([...(f.author ?? []), ...(f.editor ?? []), ...(f.publisher ?? []), ...(f.institution ?? [])].length, e.page).toBeGreaterThan(0);
    }
  });

  it('parses every RIS download, with title, authors or publisher, year and URL', async () => {
    for (const e of expectations()) {
      const file = await download(e.page, 'ris');
      expect(file.type, e.page).toBe('application/x-research-info-systems;charset=utf-8');
      const r = new Cite(file.text, { forceType: '@ris/file' }).data;
      expect(r, e.page).toHaveLength(1);
      expect(r[0].title, e.page).toBe(e.title.replace(/\s+/g, ' ').trim());
      expect(r[0].issued?.['date-parts']?.[0]?.[0], e.page).toBe(e.year ?? undefined);
      expect(r[0].URL, e.page).toBe(e.url ?? undefined);
      if (e.creators) expect(!!(r[0].author?.length || r[0].editor?.length || r[0].publisher), e.page).toBe(true);
    }
  });

  it('reads every CSL-JSON download with citation.js and renders it with citeproc-js', async () => {
    const all: any[] = [];
    for (const e of expectations()) {
      const file = await download(e.page, 'json');
      expect(file.type, e.page).toBe('application/vnd.citationstyles.csl+json;charset=utf-8');
      const data = JSON.parse(file.text);
      expect(data, e.page).toHaveLength(1);
      const [item] = new Cite(data).data;
      expect(item.title, e.page).toBe(e.title);
      expect(item.issued?.['date-parts']?.[0]?.[0], e.page).toBe(e.year ?? undefined);
      expect(item.URL, e.page).toBe(e.url ?? undefined);
      if (e.creators) expect(!!(item.author?.length || item.editor?.length || item.publisher), e.page).toBe(true);
      all.push(data[0]);
    }
    // One bibliography of everything: citeproc-js must accept every item's type and fields.
    const rendered = citeproc(all);
    for (const e of expectations().slice(0, 20)) expect(rendered).toContain(e.title.slice(0, 30));
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
  });

  it('shows Citera on every initiative, lesson and source page: the APA reference and links to the three files', () => {
    for (const e of expectations()) {
      const section = citeSection(e.page);
      expect(textContent(elements(section, 'h2')[0])).toBe('Citera');
      const reference = textContent(elements(section, 'p').find((p) => attr(p, 'class') === 'reference')!);
      expect(reference, e.page).toContain(e.title.trim());
      expect(reference, e.page).toContain(e.year == null ? '(u.å.)' : `(${e.year}`);
      if (e.url) expect(reference, e.page).toContain(e.url);
      const links = elements(section, 'a');
      const slug = e.page.split('/').at(-2);
      const names = ['bib', 'ris', 'json'].map((ext) => expect.stringMatching(new RegExp(`^erfarenhetsbanken-[a-z]+-${slug}\\.${ext}$`)));
      expect(links.map((a) => attr(a, 'download')), e.page).toEqual(names);
      for (const link of links) expect(attr(link, 'href'), e.page).toMatch(/^data:application\/[a-z.+-]+;charset=utf-8,/);
    }
  });

  it('puts Highwire citation_* meta tags in the head of every initiative, lesson and source page', () => {
    for (const e of expectations()) {
      const doc = parseHtml(fileOf(dist, e.page)!);
      const head = elements(doc, 'head')[0];
      const metas = elements(head, 'meta').filter((m) => (attr(m, 'name') ?? '').startsWith('citation_'));
      const value = (name: string) => metas.filter((m) => attr(m, 'name') === name).map((m) => attr(m, 'content'));
      expect(value('citation_title'), e.page).toEqual([e.title]);
      const date = value('citation_publication_date');
      expect(date.length ? Number(date[0]!.slice(0, 4)) : null, e.page).toBe(e.year);
      expect(value('citation_public_url'), e.page).toEqual(e.url ? [e.url] : []);
      if (e.page.startsWith('/kallor/')) continue;
      expect(value('citation_author'), e.page).toEqual(['Erfarenhetsbanken']);
      expect(value('citation_publisher'), e.page).toEqual(['Erfarenhetsbanken']);
    }
  });
});
