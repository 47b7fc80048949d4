import fs from 'fs';
import path from 'path';
import { beforeAll, describe, expect, it, inject } from 'vitest';
import { textContent } from 'domutils';
import type { Element } from 'domhandler';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
// @ts-expect-error: jsonld ships no type declarations
import jsonld from 'jsonld';
import type { Lesson, Snapshot } from '@erfarenhetsbanken/shared-types';
import { attr, builtSite, elements, fileOf, listFiles, parseHtml, sitemapPaths, urlPathOf } from '../helpers/site';

/**
 * The researcher pages — comparison matrix, timeline, Atom feed — and the JSON-LD of every page.
 * Every expected number is recomputed here from the run's snapshot, never taken from the site.
 */

let dist: string;
let snapshot: Snapshot;
let origin: string;

beforeAll(async () => {
  ({ snapshot, dist, origin } = await builtSite(inject('snapshotPath')));
});

const page = (urlPath: string) => {
  const file = fileOf(dist, urlPath);
  if (!file) throw new Error(`no page at ${urlPath}`);
  return parseHtml(file);
};
const text = (el: Element) => textContent(el).replace(/\s+/g, ' ').trim();
const byId = (root: Element | ReturnType<typeof page>, id: string) => elements(root as Element).find((el) => attr(el, 'id') === id);
const sectionOf = (urlPath: string, headingId: string) => elements(page(urlPath), 'section').find((s) => attr(s, 'aria-labelledby') === headingId)!;
const hrefsIn = (el: Element) => elements(el, 'a').map((a) => attr(a, 'href')!);

/** Success factors and obstacles of an initiative on a theme, straight from the JSON. */
const compared = (type: Lesson['type'], initiative: string, theme: string) =>
  snapshot.lessons.filter((l) => l.type === type && l.initiatives.includes(initiative) && l.themes.includes(theme));

describe('the comparison matrix (/jamfor/)', () => {
  /** Reads the matrix table: its column themes and, per row, the initiative and each cell's counts and link. */
  function readMatrix(urlPath: string) {
    const table = elements(page(urlPath), 'table').find((t) => attr(t, 'class') === 'matrix')!;
    expect(table, urlPath).toBeTruthy();
    expect(text(elements(table, 'caption')[0])).toMatch(/\S/);
    const headers = elements(elements(table, 'thead')[0], 'th');
    for (const th of headers) expect(attr(th, 'scope')).toBe('col');
    const themes = headers.slice(1).map((th) => /^\/jamfor\/tema\/([^/]+)\/$/.exec(attr(elements(th, 'a')[0], 'href')!)![1]);
    const rows = elements(elements(table, 'tbody')[0], 'tr').map((tr) => {
      const th = elements(tr, 'th')[0];
      expect(attr(th, 'scope')).toBe('row');
      const initiative = /^\/insatser\/([^/]+)\/$/.exec(attr(elements(th, 'a')[0], 'href')!)![1];
      const cells = elements(tr, 'td').map((td) => {
        const t = text(td);
        const m = /(\d+)\s*framgångsfaktor(?:er)?\s*\/\s*(\d+)\s*hinder/.exec(t);
        expect(m || /inga framgångsfaktorer eller hinder/.test(t), `${urlPath} ${initiative}: "${t}"`).toBeTruthy();
        return { sf: m ? Number(m[1]) : 0, ob: m ? Number(m[2]) : 0, href: elements(td, 'a')[0] ? attr(elements(td, 'a')[0], 'href') : undefined };
      });
      return { initiative, cells };
    });
    return { table, themes, rows };
  }

  it('is a real table whose every count equals the count computed from the JSON, each linking to its lessons', () => {
    const { themes, rows } = readMatrix('/jamfor/');
    expect(new Set(themes)).toEqual(new Set(snapshot.themes.map((t) => t.slug)));
    expect(themes).toHaveLength(snapshot.themes.length);
    let nonEmpty = 0;
    for (const row of rows) {
      expect(row.cells).toHaveLength(themes.length);
      row.cells.forEach((cell, i) => {
        const where = `${row.initiative} × ${themes[i]}`;
        expect(cell.sf, where).toBe(compared('success_factor', row.initiative, themes[i]).length);
        expect(cell.ob, where).toBe(compared('obstacle', row.initiative, themes[i]).length);
        if (cell.sf + cell.ob > 0) {
          nonEmpty += 1;
          expect(cell.href, where).toBe(`/jamfor/tema/${themes[i]}/#insats-${row.initiative}`);
        } else expect(cell.href, where).toBeUndefined();
      });
    }
    expect(nonEmpty).toBeGreaterThan(0);
    // Initiatives left out of the rows have nothing to count, and are listed below the table.
    const inRows = new Set(rows.map((r) => r.initiative));
    const listed = new Set(hrefsIn(sectionOf('/jamfor/', 'utan')));
    for (const i of snapshot.initiatives.filter((x) => !inRows.has(x.slug))) {
      for (const t of snapshot.themes) expect(compared('success_factor', i.slug, t.slug).length + compared('obstacle', i.slug, t.slug).length, i.slug).toBe(0);
      expect(listed.has(`/insatser/${i.slug}/`), i.slug).toBe(true);
    }
    expect(new Set(rows.map((r) => r.initiative)).size).toBe(rows.length);
  });

  it('totals each theme over all initiatives, a lesson of several initiatives counted once', () => {
    const { table, themes } = readMatrix('/jamfor/');
    const totals = elements(elements(table, 'tfoot')[0], 'td').map((td) => /(\d+)\D+\/\s*(\d+)/.exec(text(td))!.slice(1).map(Number));
    themes.forEach((theme, i) => {
      const of = (type: Lesson['type']) => snapshot.lessons.filter((l) => l.type === type && l.themes.includes(theme)).length;
      expect(totals[i], theme).toEqual([of('success_factor'), of('obstacle')]);
    });
  });

  it('lists in each linked section exactly the lessons the cell counts', () => {
    const { themes, rows } = readMatrix('/jamfor/');
    themes.forEach((theme, i) => {
      const doc = page(`/jamfor/tema/${theme}/`);
      for (const row of rows.filter((r) => r.cells[i].sf + r.cells[i].ob > 0)) {
        const section = elements(doc, 'section').find((s) => attr(s, 'aria-labelledby') === `insats-${row.initiative}`)!;
        expect(section, `${theme} ${row.initiative}`).toBeTruthy();
        expect(byId(section, `insats-${row.initiative}`)?.name).toBe('h2');
        const expected = [...compared('success_factor', row.initiative, theme), ...compared('obstacle', row.initiative, theme)].map((l) => `/lardomar/${l.slug}/`);
        const linked = hrefsIn(section).filter((h) => h.startsWith('/lardomar/'));
        expect(new Set(linked), `${theme} ${row.initiative}`).toEqual(new Set(expected));
      }
    });
  });

  it('offers the same matrix with the initiatives in time order, without JavaScript', () => {
    const byTitle = readMatrix('/jamfor/');
    const byPeriod = readMatrix('/jamfor/period/');
    expect(new Set(byPeriod.rows.map((r) => r.initiative))).toEqual(new Set(byTitle.rows.map((r) => r.initiative)));
    const cells = (m: typeof byTitle) => Object.fromEntries(m.rows.map((r) => [r.initiative, r.cells.map((c) => [c.sf, c.ob])]));
    expect(cells(byPeriod)).toEqual(cells(byTitle));
    const start = (slug: string) => {
      const i = snapshot.initiatives.find((x) => x.slug === slug)!;
      return i.startYear ?? i.endYear ?? Infinity;
    };
    const order = byPeriod.rows.map((r) => start(r.initiative));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});

describe('the timeline (/tidslinje/)', () => {
  const dated = () => snapshot.initiatives.filter((i) => i.startYear != null || i.endYear != null);
  const undated = () => snapshot.initiatives.filter((i) => i.startYear == null && i.endYear == null);
  const period = (s: number | null, e: number | null) =>
    s != null && e != null ? (s === e ? `${s}` : `${s}–${e}`) : s != null ? `Från ${s} (slutår saknas i källan)` : `Till ${e} (startår saknas i källan)`;

  it('draws a static SVG image with a title and description, nothing focusable in it, one bar per dated initiative', () => {
    const doc = page('/tidslinje/');
    const svg = elements(doc, 'svg').find((s) => attr(s, 'class') === 'timeline')!;
    expect(attr(svg, 'role')).toBe('img');
    const [titleId, descId] = attr(svg, 'aria-labelledby')!.split(' ');
    expect(byId(svg, titleId)?.name).toBe('title');
    expect(byId(svg, descId)?.name).toBe('desc');
    expect(elements(svg, 'a')).toEqual([]);
    expect(elements(svg).filter((el) => attr(el, 'tabindex') != null)).toEqual([]);
    const rows = elements(svg, 'g').filter((g) => (attr(g, 'class') ?? '').startsWith('timeline__row'));
    expect(rows).toHaveLength(dated().length);
    const kinds = rows.map((g) => attr(g, 'class')!.split('--')[1]).sort();
    const expected = dated().map((i) => (i.startYear != null && i.endYear != null ? 'closed' : i.startYear != null ? 'open-end' : 'open-start')).sort();
    expect(kinds).toEqual(expected);
    // An open period is drawn as such (a dashed stub), a closed one never is.
    for (const g of rows) expect(elements(g, 'line').length, attr(g, 'class')).toBe(attr(g, 'class')!.endsWith('closed') ? 0 : 1);
    expect(elements(svg, 'path').filter((p) => attr(p, 'class') === 'timeline__link').length).toBe(
      dated().reduce((n, i) => n + i.predecessors.filter((p) => dated().some((d) => d.slug === p)).length, 0),
    );
  });

  it('has an equivalent text list: dated initiatives with their periods as the sources give them, undated ones apart', () => {
    const inOrder = sectionOf('/tidslinje/', 'i-tidsordning');
    const items = elements(inOrder, 'li');
    expect(items).toHaveLength(dated().length);
    for (const i of dated()) {
      const li = items.find((el) => hrefsIn(el)[0] === `/insatser/${i.slug}/`);
      expect(li, i.slug).toBeTruthy();
      expect(text(li!), i.slug).toContain(period(i.startYear, i.endYear));
    }
    const missing = sectionOf('/tidslinje/', 'utan-artal');
    expect(text(elements(missing, 'h2')[0])).toContain('Årtal saknas i källan');
    const links = new Set(hrefsIn(missing));
    for (const i of undated()) expect(links.has(`/insatser/${i.slug}/`), i.slug).toBe(true);
    for (const i of dated()) expect(elements(missing, 'li').some((li) => hrefsIn(li)[0] === `/insatser/${i.slug}/`), i.slug).toBe(false);
  });

  it('links every predecessor to its successor in the text', () => {
    const chains = sectionOf('/tidslinje/', 'kedjor');
    const pairs = elements(chains, 'li').map((li) => hrefsIn(li).join(' '));
    for (const i of snapshot.initiatives) for (const p of i.predecessors) expect(pairs, `${p} → ${i.slug}`).toContain(`/insatser/${p}/ /insatser/${i.slug}/`);
    expect(pairs).toHaveLength(snapshot.initiatives.reduce((n, i) => n + i.predecessors.length, 0));
  });
});

describe('the Atom feed (/flode.xml)', () => {
  const xml = () => fs.readFileSync(path.join(dist, 'flode.xml'), 'utf8');
  const entries = () => [...snapshot.initiatives.map((i) => ({ ...i, path: `/insatser/${i.slug}/` })), ...snapshot.lessons.map((l) => ({ ...l, path: `/lardomar/${l.slug}/` }))];

  it('is well-formed XML and parses as Atom with the newest lessons and initiatives', () => {
    expect(XMLValidator.validate(xml())).toBe(true);
    const feed = parseFeed(xml());
    expect(feed.meta.type).toBe('atom');
    expect(feed.title).toMatch(/Erfarenhetsbanken/);
    expect(feed.self).toBe(`${origin}/flode.xml`);
    expect(feed.updated).toBeInstanceOf(Date);
    const all = entries();
    expect(feed.items.length).toBe(Math.min(50, all.length));
    const shown = new Set<string>();
    for (const item of feed.items) {
      const entry = all.find((e) => `${origin}${e.path}` === item.url)!;
      expect(entry, item.url ?? '').toBeTruthy();
      expect(item.id).toBe(item.url);
      expect(item.title).toBe(entry.title);
      expect(item.published?.toISOString()).toBe(new Date(entry.publishedAt).toISOString());
      expect(item.updated).toBeInstanceOf(Date);
      expect(fileOf(dist, entry.path), entry.path).not.toBeNull();
      shown.add(entry.path);
    }
    // Nothing left out is newer than what is in.
    const oldestShown = Math.min(...all.filter((e) => shown.has(e.path)).map((e) => Date.parse(e.publishedAt)));
    for (const e of all.filter((x) => !shown.has(x.path))) expect(Date.parse(e.publishedAt)).toBeLessThanOrEqual(oldestShown);
  });

  it('has the elements RFC 4287 requires of a feed and of every entry', () => {
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link', 'category'].includes(name) }).parse(xml());
    const feed = doc.feed;
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    for (const name of ['id', 'title', 'updated', 'author']) expect(feed[name], name).toBeTruthy();
    expect(feed.link.some((l: any) => l['@rel'] === 'self' && l['@type'] === 'application/atom+xml')).toBe(true);
    for (const entry of feed.entry) {
      for (const name of ['id', 'title', 'updated', 'published', 'summary']) expect(entry[name], `${entry.id} ${name}`).toBeTruthy();
      expect(Number.isNaN(Date.parse(entry.updated))).toBe(false);
      expect(entry.link.some((l: any) => l['@rel'] === 'alternate' && l['@href'] === entry.id)).toBe(true);
    }
    expect(new Set(feed.entry.map((e: any) => e.id)).size).toBe(feed.entry.length);
  });

  it('is advertised in the head of every page', () => {
    for (const file of listFiles(dist, ['.html'])) {
      const head = elements(parseHtml(path.join(dist, file)), 'head')[0];
      const links = elements(head, 'link').filter((l) => attr(l, 'rel') === 'alternate' && attr(l, 'type') === 'application/atom+xml');
      expect(links.map((l) => attr(l, 'href')), urlPathOf(file)).toEqual(['/flode.xml']);
    }
  });
});

describe('JSON-LD', () => {
  /**
   * Offline stand-in for the schema.org context (which maps every term into the schema.org
   * vocabulary): enough for the JSON-LD processor to expand each document, and in safe mode to
   * fail on anything it would have to drop.
   */
  const documentLoader = async (url: string) => {
    if (/^https?:\/\/schema\.org\/?$/.test(url)) return { contextUrl: null, documentUrl: url, document: { '@context': { '@vocab': 'https://schema.org/' } } };
    throw new Error(`offline: no document for ${url}`);
  };
  const scripts = (urlPath: string) =>
    elements(page(urlPath), 'script')
      .filter((s) => attr(s, 'type') === 'application/ld+json')
      .map((s) => JSON.parse(textContent(s)));

  it('parses as JSON and expands as JSON-LD on every page that has it', async () => {
    const pages = sitemapPaths(dist).filter((p) => scripts(p).length > 0);
    expect(pages.length).toBeGreaterThanOrEqual(snapshot.initiatives.length + snapshot.lessons.length + snapshot.sources.length + 1);
    for (const p of pages) {
      for (const data of scripts(p)) {
        const expanded = await jsonld.expand(data, { documentLoader, safe: true });
        expect(expanded.length, p).toBe(1);
        expect(expanded[0]['@type']?.[0], p).toMatch(/^https:\/\/schema\.org\//);
        expect(expanded[0]['https://schema.org/name']?.[0]?.['@value'], p).toBeTruthy();
      }
    }
  });

  it('describes each entry, source and the dataset with the right type, name and address', () => {
    for (const i of snapshot.initiatives) {
      const [data] = scripts(`/insatser/${i.slug}/`);
      expect(data).toMatchObject({ '@type': 'CreativeWork', name: i.title, url: `${origin}/insatser/${i.slug}/`, license: 'https://creativecommons.org/licenses/by/4.0/' });
      if (i.startYear != null || i.endYear != null) expect(data.temporalCoverage).toBe(`${i.startYear ?? '..'}/${i.endYear ?? '..'}`);
      else expect(data.temporalCoverage).toBeUndefined();
    }
    for (const l of snapshot.lessons) {
      const [data] = scripts(`/lardomar/${l.slug}/`);
      expect(data).toMatchObject({ '@type': 'CreativeWork', name: l.title, url: `${origin}/lardomar/${l.slug}/` });
      expect(new Set(data.citation.map((c: any) => c.url))).toEqual(new Set(l.citations.map((c) => `${origin}/kallor/${c.source}/`)));
    }
    const TYPES: Record<string, string> = { book: 'Book', report: 'Report', evaluation: 'Report', web_page: 'WebPage', presentation: 'PresentationDigitalDocument' };
    for (const s of snapshot.sources) {
      const [data] = scripts(`/kallor/${s.slug}/`);
      expect(data['@type']).toBe(TYPES[s.type] ?? 'CreativeWork');
      expect(data.name).toBe(s.title);
      expect(data.datePublished).toBe(s.year == null ? undefined : String(s.year));
    }
    const [dataset] = scripts('/data/');
    expect(dataset['@type']).toBe('Dataset');
    const files = fs.readdirSync(path.join(dist, 'data')).filter((f) => f !== 'index.html');
    expect(new Set(dataset.distribution.map((d: any) => new URL(d.contentUrl).pathname))).toEqual(new Set(files.map((f) => `/data/${f}`)));
  });
});
