import fs from 'fs';
import path from 'path';
import { beforeAll, describe, expect, it, inject } from 'vitest';
import { textContent } from 'domutils';
import type { Element } from 'domhandler';
import { LABELS, parseSnapshot, type Snapshot } from '@erfarenhetsbanken/shared-types';
import { attr, elements, fileOf, SITE_DIR, listFiles, parseHtml, readSnapshot, sharedSiteBuild, sitemapPaths, urlPathOf } from '../helpers/site';
import { RELATED_PER_THEME } from '../../site/src/lib/bank';

const SEGMENTS = {
  initiatives: 'insatser',
  lessons: 'lardomar',
  themes: 'teman',
  areas: 'omraden',
  organisations: 'aktorer',
  methods: 'metoder',
  sources: 'kallor',
} as const;

/** Pages under an entry type's folder that are lists, not entries. */
const LIST_PAGES: Record<string, string[]> = { insatser: ['kategori', 'omrade'] };

let dist: string;
let snapshot: Snapshot;
let pages: string[];

const page = (urlPath: string) => {
  const file = fileOf(dist, urlPath);
  if (!file) throw new Error(`no page at ${urlPath}`);
  return parseHtml(file);
};
const text = (urlPath: string) => textContent(page(urlPath)).replace(/\s+/g, ' ');

beforeAll(async () => {
  const snapshotPath = inject('snapshotPath');
  snapshot = readSnapshot(snapshotPath);
  dist = await sharedSiteBuild(snapshotPath);
  pages = listFiles(dist, ['.html']);
});

describe('the built site', () => {
  it('renders one page per entry of every type, and no more', () => {
    for (const [collection, segment] of Object.entries(SEGMENTS)) {
      const items = snapshot[collection as keyof typeof SEGMENTS];
      expect(items.length, `${collection} in the snapshot`).toBeGreaterThan(0);
      const built = pages
        .filter((file) => file.startsWith(`${segment}/`) && file.endsWith('/index.html'))
        .map((file) => file.split('/'))
        .filter((parts) => parts.length === 3 && !(LIST_PAGES[segment] ?? []).includes(parts[1]))
        .map((parts) => parts[1]);
      expect(built.length, `${collection}: pages vs snapshot`).toBe(items.length);
      expect(new Set(built)).toEqual(new Set(items.map((item) => item.slug)));
    }
  });

  it('has the fixed pages: start, lists, search, open data, about, accessibility statement, 404, sitemap', () => {
    for (const p of ['/', '/insatser/', '/insatser/kategori/', '/insatser/omrade/', '/lardomar/', '/teman/', '/omraden/', '/aktorer/', '/metoder/', '/kallor/', '/jamfor/', '/jamfor/period/', '/tidslinje/', '/sok/', '/data/', '/om/', '/tillganglighet/']) {
      expect(fileOf(dist, p), p).not.toBeNull();
    }
    expect(fs.existsSync(path.join(dist, '404.html'))).toBe(true);
    expect(text('/tillganglighet/')).toContain('Tillgänglighetsredogörelse');
  });

  it('publishes the open-data file as exactly the snapshot contract', () => {
    const data = JSON.parse(fs.readFileSync(path.join(dist, 'data', 'erfarenhetsbank.json'), 'utf8'));
    expect(Object.keys(data)).toEqual(['generatedAt', 'initiatives', 'lessons', 'sources', 'areas', 'organisations', 'methods', 'themes']);
    expect(data).toEqual(snapshot);
    expect(() => parseSnapshot(data)).not.toThrow();
  });

  it('lists every page in sitemap.xml with absolute URLs, and nothing that does not exist', () => {
    const xml = fs.readFileSync(path.join(dist, 'sitemap.xml'), 'utf8');
    expect(xml).toMatch(/^<\?xml/);
    const listed = sitemapPaths(dist);
    expect(new Set(listed).size).toBe(listed.length);
    for (const p of listed) expect(fileOf(dist, p), `sitemap entry ${p}`).not.toBeNull();
    const htmlPages = pages.filter((f) => f !== '404.html').map(urlPathOf);
    expect(new Set(listed)).toEqual(new Set(htmlPages));
  });

  it('has no broken internal link or anchor on any page', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const file of pages) {
      const from = urlPathOf(file);
      const doc = parseHtml(path.join(dist, file));
      const refs = [
        ...elements(doc, 'a').map((el) => attr(el, 'href')),
        ...elements(doc, 'link').map((el) => attr(el, 'href')),
        ...elements(doc, 'script').map((el) => attr(el, 'src')),
        ...elements(doc, 'img').map((el) => attr(el, 'src')),
        ...elements(doc, 'form').map((el) => attr(el, 'action')),
        ...elements(doc, 'astro-island').flatMap((el) => [attr(el, 'component-url'), attr(el, 'renderer-url')]),
      ].filter((ref): ref is string => !!ref);
      for (const ref of refs) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//')) continue; // external
        const url = new URL(ref, `http://site${from}`);
        const target = url.pathname === from && ref.startsWith('#') ? path.join(dist, file) : fileOf(dist, url.pathname);
        checked += 1;
        if (!target) {
          broken.push(`${from} → ${ref}`);
          continue;
        }
        const anchor = decodeURIComponent(url.hash.slice(1));
        if (anchor && target.endsWith('.html')) {
          const ids = new Set(elements(parseHtml(target)).map((el) => attr(el, 'id')));
          if (!ids.has(anchor)) broken.push(`${from} → ${ref} (no id "${anchor}")`);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(pages.length * 10);
  });

  it('ships no JavaScript on any page except /sok/', () => {
    for (const file of pages) {
      const doc = parseHtml(path.join(dist, file));
      // JSON-LD is data, never executed: allowed, but only inline and only as valid JSON.
      const isJsonLd = (el: Element) => attr(el, 'type') === 'application/ld+json';
      for (const data of elements(doc, 'script').filter(isJsonLd)) {
        expect(attr(data, 'src'), file).toBeUndefined();
        expect(() => JSON.parse(textContent(data)), file).not.toThrow();
      }
      const scripts = elements(doc, 'script').filter((el) => !isJsonLd(el)).length + elements(doc, 'astro-island').length;
      const handlers = elements(doc).flatMap((el) => Object.keys(el.attribs).filter((name) => name.startsWith('on')));
      if (file === 'sok/index.html') {
        expect(scripts, file).toBeGreaterThan(0);
      } else {
        expect(scripts, file).toBe(0);
        expect(handlers, file).toEqual([]);
      }
    }
  });

  it('gives every page lang="sv", a title, one h1, ordered headings, landmarks and a skip link', () => {
    for (const file of pages) {
      const doc = parseHtml(path.join(dist, file));
      expect(attr(elements(doc, 'html')[0], 'lang'), file).toBe('sv');
      expect(textContent(elements(doc, 'title')[0]).trim(), file).not.toBe('');
      const headings = elements(doc).filter((el) => /^h[1-6]$/.test(el.name)).map((el) => Number(el.name[1]));
      expect(headings.filter((h) => h === 1).length, `${file}: h1 count`).toBe(1);
      expect(headings[0], `${file}: first heading`).toBe(1);
      headings.forEach((level, i) => {
        if (i > 0) expect(level, `${file}: heading ${i} (h${level}) after h${headings[i - 1]}`).toBeLessThanOrEqual(headings[i - 1] + 1);
      });
      for (const landmark of ['header', 'main', 'footer']) expect(elements(doc, landmark).length, `${file}: <${landmark}>`).toBe(1);
      const skip = elements(doc, 'a')[0];
      expect(attr(skip, 'href'), file).toBe('#innehall');
      expect(attr(elements(doc, 'main')[0], 'id')).toBe('innehall');
    }
  });

  it('states missing years honestly on initiative pages, with the editor\'s period note', () => {
    const undated = snapshot.initiatives.find((i) => i.startYear == null && i.endYear == null);
    const openEnded = snapshot.initiatives.find((i) => i.startYear != null && i.endYear == null);
    if (undated) {
      const t = text(`/insatser/${undated.slug}/`);
      expect(t).toContain('Årtal saknas i källan');
      if (undated.periodNote) expect(t).toContain(undated.periodNote.replace(/\s+/g, ' '));
    }
    if (openEnded) expect(text(`/insatser/${openEnded.slug}/`)).toContain(`Från ${openEnded.startYear} (slutår saknas i källan)`);
    expect(undated ?? openEnded).toBeTruthy();
  });

  it('shows every lesson of an initiative grouped by type, each with its citations (source, pages, quote)', () => {
    const lessonsOf = (slug: string) => snapshot.lessons.filter((l) => l.initiatives.includes(slug));
    const initiative = [...snapshot.initiatives].sort((a, b) => lessonsOf(b.slug).length - lessonsOf(a.slug).length)[0];
    const doc = page(`/insatser/${initiative.slug}/`);
    const cards = elements(doc, 'article').filter((el) => (attr(el, 'class') ?? '').includes('lesson-card'));
    const lessons = lessonsOf(initiative.slug);
    expect(cards.length).toBe(lessons.length);
    const headings = elements(doc, 'h3').map((h) => textContent(h).trim());
    for (const lesson of lessons) {
      const card = cards.find((c) => elements(c, 'a').some((a) => attr(a, 'href') === `/lardomar/${lesson.slug}/`));
      expect(card, lesson.slug).toBeTruthy();
      const cardText = textContent(card!).replace(/\s+/g, ' ');
      for (const citation of lesson.citations) {
        expect(elements(card!, 'a').some((a) => attr(a, 'href') === `/kallor/${citation.source}/`), `${lesson.slug} cites ${citation.source}`).toBe(true);
        if (citation.pages) expect(cardText).toContain(citation.pages);
        if (citation.quote) expect(cardText).toContain(citation.quote.replace(/\s+/g, ' '));
      }
    }
    for (const type of new Set(lessons.map((l) => l.type))) {
      const plural = { success_factor: 'Framgångsfaktorer', obstacle: 'Hinder', insight: 'Insikter', recommendation: 'Rekommendationer' }[type];
      expect(headings.some((h) => h.startsWith(plural)), `group heading for ${type}`).toBe(true);
    }
  });

  it('links predecessors and successors both ways', () => {
    const withPredecessor = snapshot.initiatives.find((i) => i.predecessors.length > 0);
    if (!withPredecessor) return;
    const predecessor = withPredecessor.predecessors[0];
    const hrefs = (p: string) => elements(page(p), 'a').map((a) => attr(a, 'href'));
    expect(hrefs(`/insatser/${withPredecessor.slug}/`)).toContain(`/insatser/${predecessor}/`);
    expect(hrefs(`/insatser/${predecessor}/`)).toContain(`/insatser/${withPredecessor.slug}/`);
  });

  it('shows a lesson\'s evidence and lessons on the same theme from other initiatives', () => {
    const lesson = snapshot.lessons.find((l) =>
      snapshot.lessons.some((o) => o.slug !== l.slug && o.themes.some((t) => l.themes.includes(t)) && !o.initiatives.some((i) => l.initiatives.includes(i))),
    )!;
    const doc = page(`/lardomar/${lesson.slug}/`);
    const hrefs = elements(doc, 'a').map((a) => attr(a, 'href') ?? '');
    for (const citation of lesson.citations) expect(hrefs).toContain(`/kallor/${citation.source}/`);
    const related = snapshot.lessons.filter((o) => o.slug !== lesson.slug && o.themes.some((t) => lesson.themes.includes(t)) && !o.initiatives.some((i) => lesson.initiatives.includes(i)));
    // At most RELATED_PER_THEME per theme, the rest one click away on the theme page.
    for (const theme of lesson.themes) {
      const ofTheme = related.filter((o) => o.themes.includes(theme)).map((o) => `/lardomar/${o.slug}/`);
      if (ofTheme.length === 0) continue;
      expect(ofTheme.filter((href) => hrefs.includes(href)).length, theme).toBeGreaterThanOrEqual(Math.min(ofTheme.length, RELATED_PER_THEME));
      if (ofTheme.length > RELATED_PER_THEME) expect(hrefs).toContain(`/teman/${theme}/`);
    }
    const shown = new Set(hrefs.filter((h) => h.startsWith('/lardomar/') && h !== '/lardomar/' && !h.startsWith(`/lardomar/${lesson.slug}/`)));
    expect(shown.size).toBeLessThanOrEqual(lesson.themes.length * RELATED_PER_THEME);
    expect(text(`/lardomar/${lesson.slug}/`)).toContain(LABELS.lessonType[lesson.type]);
  });

  it('lists everything linked to a theme, area, actor, method and source', () => {
    const hrefs = (p: string) => new Set(elements(page(p), 'a').map((a) => attr(a, 'href')));
    for (const theme of snapshot.themes) {
      const h = hrefs(`/teman/${theme.slug}/`);
      for (const i of snapshot.initiatives.filter((x) => x.themes.includes(theme.slug))) expect(h.has(`/insatser/${i.slug}/`)).toBe(true);
      for (const l of snapshot.lessons.filter((x) => x.themes.includes(theme.slug))) expect(h.has(`/lardomar/${l.slug}/`)).toBe(true);
    }
    for (const area of snapshot.areas) {
      const h = hrefs(`/omraden/${area.slug}/`);
      for (const i of snapshot.initiatives.filter((x) => x.areas.includes(area.slug))) expect(h.has(`/insatser/${i.slug}/`)).toBe(true);
      for (const child of snapshot.areas.filter((x) => x.parent === area.slug)) expect(h.has(`/omraden/${child.slug}/`)).toBe(true);
    }
    for (const org of snapshot.organisations) {
      const h = hrefs(`/aktorer/${org.slug}/`);
      for (const i of snapshot.initiatives.filter((x) => x.participants.includes(org.slug) || x.funders.includes(org.slug))) expect(h.has(`/insatser/${i.slug}/`)).toBe(true);
    }
    for (const method of snapshot.methods) {
      const h = hrefs(`/metoder/${method.slug}/`);
      for (const i of snapshot.initiatives.filter((x) => x.methods.includes(method.slug))) expect(h.has(`/insatser/${i.slug}/`)).toBe(true);
      for (const l of snapshot.lessons.filter((x) => x.methods.includes(method.slug))) expect(h.has(`/lardomar/${l.slug}/`)).toBe(true);
    }
    for (const source of snapshot.sources) {
      const h = hrefs(`/kallor/${source.slug}/`);
      for (const l of snapshot.lessons.filter((x) => x.citations.some((c) => c.source === source.slug))) expect(h.has(`/lardomar/${l.slug}/`)).toBe(true);
      for (const i of snapshot.initiatives.filter((x) => x.sources.includes(source.slug))) expect(h.has(`/insatser/${i.slug}/`)).toBe(true);
    }
  });

  it('lists every initiative on each of the three browse orders (period, type, area) without JavaScript', () => {
    for (const p of ['/insatser/', '/insatser/kategori/']) {
      const h = new Set(elements(page(p), 'a').map((a) => attr(a, 'href')));
      for (const i of snapshot.initiatives) expect(h.has(`/insatser/${i.slug}/`), `${p} lists ${i.slug}`).toBe(true);
    }
    const byArea = new Set(elements(page('/insatser/omrade/'), 'a').map((a) => attr(a, 'href')));
    for (const i of snapshot.initiatives) expect(byArea.has(`/insatser/${i.slug}/`), `/insatser/omrade/ lists ${i.slug}`).toBe(true);
  });

  it('prebuilds the search index with a document for every entry', () => {
    const data = path.join(dist, 'sok', 'data');
    const meta = JSON.parse(fs.readFileSync(path.join(data, 'meta.json'), 'utf8'));
    const docs = fs.readdirSync(path.join(data, 'poster')).flatMap((f) => JSON.parse(fs.readFileSync(path.join(data, 'poster', f), 'utf8')));
    const total = Object.keys(SEGMENTS).reduce((n, c) => n + snapshot[c as keyof typeof SEGMENTS].length, 0);
    expect(docs.length).toBe(total);
    expect(meta.n).toBe(total);
    expect(new Set(docs.map((d: any) => d.u)).size).toBe(total);
    for (const d of docs) expect(fileOf(dist, d.u), d.u).not.toBeNull();
    for (const key of meta.keys) expect(fs.existsSync(path.join(data, 'ord', `${key.replace(/[^a-z0-9]/g, (c: string) => `-${c.codePointAt(0)!.toString(16)}-`)}.json`)), key).toBe(true);
  });

  it('keeps the search page\'s scripts within their transfer budget (gzip)', async () => {
    const { gzipSync } = await import('zlib');
    const budget = JSON.parse(fs.readFileSync(path.join(SITE_DIR, 'budget.json'), 'utf8'));
    // Only /sok/ ships JavaScript (tested above): every script the build wrote is the search page's.
    const scripts = fs.readdirSync(path.join(dist, '_astro')).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    const gz = scripts.reduce((n, f) => n + gzipSync(fs.readFileSync(path.join(dist, '_astro', f))).length, 0);
    expect(gz, scripts.join(', ')).toBeLessThanOrEqual(budget.searchScriptsGzipBytes);
  });

  it('keeps an initiative page within its transfer budget (HTML + CSS, gzip)', async () => {
    const { gzipSync } = await import('zlib');
    const budget = JSON.parse(fs.readFileSync(path.join(SITE_DIR, 'budget.json'), 'utf8'));
    for (const initiative of snapshot.initiatives) {
      const file = fileOf(dist, `/insatser/${initiative.slug}/`)!;
      const html = fs.readFileSync(file);
      const css = elements(parseHtml(file), 'link')
        .filter((l) => attr(l, 'rel') === 'stylesheet')
        .map((l) => fs.readFileSync(fileOf(dist, attr(l, 'href')!)!));
      const gz = gzipSync(html).length + css.reduce((n, c) => n + gzipSync(c).length, 0);
      expect(gz, `${initiative.slug}: gzip bytes`).toBeLessThanOrEqual(budget.initiativePageGzipBytes);
    }
  });
});
