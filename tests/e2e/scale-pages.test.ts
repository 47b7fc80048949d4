import fs from 'fs';
import os from 'os';
import path from 'path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Snapshot } from '@erfarenhetsbanken/shared-types';
import { generateBank } from '@erfarenhetsbanken/scripts/generate/bank';
import { writeSnapshot } from '@erfarenhetsbanken/scripts/export';
import { serveSite, type ServedSite } from '@erfarenhetsbanken/scripts/serve';
import { launchChromium, runAxe } from '../helpers/browser';
import { attr, buildSite, elements, fileOf, parseHtml, sitemapPaths } from '../helpers/site';
import { ENTRY_LIST_LIMIT, LIST_PAGE_SIZE } from '../../site/src/lib/listing';
import { SECTIONS_PER_PAGE } from '../../site/src/lib/compare';

/**
 * The page templates that only appear once a bank outgrows one page per list: a synthetic bank
 * large enough for every list to span pages (the seed fits on one), built once and checked per
 * template — the axe run over every page of the seed cannot reach these.
 */
let tmp: string;
let dist: string;
let bank: Snapshot;
let site: ServedSite;
let browser: Browser;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-scale-pages-'));
  bank = generateBank({ initiatives: 250, seed: 7 });
  const snapshotPath = path.join(tmp, 'snapshot.json');
  writeSnapshot(bank, snapshotPath);
  const result = await buildSite({ snapshotPath, outDir: path.join(tmp, 'dist') });
  if (!result.ok) throw new Error(`The site build failed:\n${result.output}`);
  dist = result.outDir;
  site = await serveSite({ dir: dist, port: 0 });
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const page = (urlPath: string) => {
  const file = fileOf(dist, urlPath);
  if (!file) throw new Error(`no page at ${urlPath}`);
  return parseHtml(file);
};
const hrefs = (urlPath: string) => elements(page(urlPath), 'a').map((a) => attr(a, 'href') ?? '');

/** Follows a list's "Nästa sida" links from its first page; returns every page's URL. */
function listPages(first: string): string[] {
  const pages = [first];
  for (let next = elements(page(first), 'a').find((a) => attr(a, 'rel') === 'next'); next; ) {
    const href = attr(next, 'href')!;
    pages.push(href);
    next = elements(page(href), 'a').find((a) => attr(a, 'rel') === 'next');
  }
  return pages;
}

describe('lists at scale', () => {
  it('splits each list into pages of at most LIST_PAGE_SIZE that together hold every entry once, all in the sitemap', () => {
    const sitemap = new Set(sitemapPaths(dist));
    for (const [first, type, items] of [
      ['/insatser/', 'insatser', bank.initiatives],
      ['/insatser/kategori/', 'insatser', bank.initiatives],
      ['/lardomar/', 'lardomar', bank.lessons],
    ] as const) {
      const pages = listPages(first);
      expect(pages.length, first).toBe(Math.ceil(items.length / LIST_PAGE_SIZE));
      const listed = pages.flatMap((p) => hrefs(p).filter((h) => new RegExp(`^/${type}/syn-[^/]+/$`).test(h)));
      expect(listed.length, first).toBe(items.length);
      expect(new Set(listed), first).toEqual(new Set(items.map((i) => `/${type}/${i.slug}/`)));
      for (const p of pages) expect(sitemap.has(p), p).toBe(true);
    }
    expect(listPages('/jamfor/').length).toBe(Math.ceil(bank.initiatives.length / LIST_PAGE_SIZE));
  });

  it("pages each theme's comparison at SECTIONS_PER_PAGE initiatives, all in the sitemap, and every matrix cell links to its section on the right page", () => {
    const sitemap = new Set(sitemapPaths(dist));
    const compared = bank.lessons.filter((l) => l.type === 'success_factor' || l.type === 'obstacle');
    const cellLinks = listPages('/jamfor/').flatMap((p) =>
      elements(page(p), 'td').flatMap((td) => elements(td, 'a').map((a) => attr(a, 'href')!)),
    );
    let paged = 0;
    for (const theme of bank.themes) {
      // Recomputed from the snapshot: the initiatives with a success factor or obstacle on the theme.
      const expected = new Set(compared.filter((l) => l.themes.includes(theme.slug)).flatMap((l) => l.initiatives));
      const pages = listPages(`/jamfor/tema/${theme.slug}/`);
      expect(pages.length, theme.slug).toBe(Math.max(1, Math.ceil(expected.size / SECTIONS_PER_PAGE)));
      if (pages.length > 1) paged++;
      const seen: string[] = [];
      for (const p of pages) {
        const anchors = elements(page(p), 'section').map((s) => attr(s, 'aria-labelledby')!.replace(/^insats-/, ''));
        expect(anchors.length, p).toBeLessThanOrEqual(SECTIONS_PER_PAGE);
        expect(sitemap.has(p), p).toBe(true);
        seen.push(...anchors);
        for (const initiative of anchors) expect(cellLinks, `${theme.slug} ${initiative}`).toContain(`${p}#insats-${initiative}`);
      }
      expect(seen.length, theme.slug).toBe(expected.size);
      expect(new Set(seen), theme.slug).toEqual(expected);
    }
    // The bank is large enough for some themes to need a second page.
    expect(paged).toBeGreaterThan(0);
    // Every cell link points into a theme's pages (checked above), and there is one per non-empty cell.
    expect(cellLinks.length).toBe(new Set(compared.flatMap((l) => l.themes.flatMap((t) => l.initiatives.map((i) => `${t} ${i}`)))).size);
  });

  it('cuts the lists of a theme page at ENTRY_LIST_LIMIT and links to the search for the rest', () => {
    const theme = bank.themes.find((t) => bank.lessons.filter((l) => l.themes.includes(t.slug)).length > ENTRY_LIST_LIMIT)!;
    const links = hrefs(`/teman/${theme.slug}/`);
    expect(links.filter((h) => /^\/lardomar\/syn-/.test(h)).length).toBeLessThanOrEqual(4 * ENTRY_LIST_LIMIT);
    expect(links.some((h) => h.startsWith('/sok/?') && h.includes(`tema=${theme.slug}`))).toBe(true);
  });

  it('passes axe (WCAG 2.1 A/AA) on one page of every template that only large banks have', async () => {
    const lesson = bank.lessons[0];
    const theme = bank.themes[0];
    const pagedTheme = bank.themes.find((t) => fileOf(dist, `/jamfor/tema/${t.slug}/sida/2/`))!;
    const paths = ['/insatser/sida/2/', '/insatser/kategori/sida/2/', '/insatser/omrade/sida/2/', '/lardomar/sida/2/', '/jamfor/sida/2/', '/jamfor/period/sida/2/', `/jamfor/tema/${pagedTheme.slug}/sida/2/`, `/teman/${theme.slug}/`, `/lardomar/${lesson.slug}/`];
    const context = await browser.newContext();
    const tab = await context.newPage();
    const problems: string[] = [];
    for (const p of paths) {
      const response = await tab.goto(site.url + p);
      expect(response?.status(), p).toBe(200);
      for (const v of await runAxe(tab)) problems.push(`${p}: ${v.id} ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }
    await context.close();
    expect(problems).toEqual([]);
  });
});
