import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { serveSite, type ServedSite } from '@erfarenhetsbanken/scripts/serve';
import { launchChromium, runAxe, type AxeViolation } from '../helpers/browser';
import { readSnapshot, sharedSiteBuild, sitemapPaths } from '../helpers/site';

let dist: string;
let site: ServedSite;
let browser: Browser;

beforeAll(async () => {
  dist = await sharedSiteBuild(inject('snapshotPath'));
  site = await serveSite({ dir: dist, port: 0 });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Runs work over items with a few pages at once: hundreds of pages, one browser. */
async function inParallel<T>(items: T[], workers: number, context: BrowserContext, work: (page: Page, item: T) => Promise<void>) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: workers }, async () => {
      const page = await context.newPage();
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(page, item);
      await page.close();
    }),
  );
}

/** The search page is checked once it has hydrated and shows results, its richest state. */
async function settle(page: Page, path: string) {
  if (path.startsWith('/sok/')) await page.locator('.search-results__count', { hasText: 'träff' }).waitFor();
}

const summary = (violations: Map<string, AxeViolation[]>) =>
  [...violations].flatMap(([path, list]) => list.map((v) => `${path}: ${v.id} (${v.impact}) ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));

describe('accessibility (axe-core in Chromium, WCAG 2.1 A and AA)', () => {
  it('finds no violations on any page of the sitemap, the 404 page, or search with results and open filters', async () => {
    const paths = [...sitemapPaths(dist), '/finns-inte/', '/sok/?q=malmo&typ=lardomar&tema=samverkan'];
    expect(paths.length).toBeGreaterThan(50);
    const context = await browser.newContext();
    const violations = new Map<string, AxeViolation[]>();
    const started = Date.now();
    await inParallel(paths, 3, context, async (page, path) => {
      const response = await page.goto(`${site.url}${path}`);
      expect(response?.status(), path).toBe(path === '/finns-inte/' ? 404 : 200);
      await settle(page, path);
      if (path.includes('tema=')) await page.locator('details.facet').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      const found = await runAxe(page);
      if (found.length) violations.set(path, found);
    });
    await context.close();
    console.log(`axe: ${paths.length} pages in ${Math.round((Date.now() - started) / 1000)} s`);
    expect(summary(violations)).toEqual([]);
  }, 600_000);

  it('fits a 320 px wide screen and 200 % zoom without sideways scrolling', async () => {
    const snapshot = readSnapshot(inject('snapshotPath'));
    const longest = [...snapshot.initiatives].sort((a, b) => b.title.length - a.title.length)[0];
    const paths = ['/', '/insatser/', `/insatser/${longest.slug}/`, `/lardomar/${snapshot.lessons[0].slug}/`, `/kallor/${snapshot.sources[0].slug}/`, '/omraden/', '/sok/?q=malmo', '/data/', '/jamfor/', '/tidslinje/'];
    // 200 % zoom of a 1280 px window leaves 640 CSS pixels; 320 px is WCAG's reflow width.
    for (const width of [320, 640]) {
      const context = await browser.newContext({ viewport: { width, height: 700 } });
      const page = await context.newPage();
      for (const path of paths) {
        await page.goto(`${site.url}${path}`);
        await settle(page, path);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${path} at ${width}px`).toBeLessThanOrEqual(0);
      }
      await context.close();
    }
  });

  it('shows the skip link and a visible focus indicator when tabbing', async () => {
    const snapshot = readSnapshot(inject('snapshotPath'));
    const page = await browser.newPage();
    await page.goto(`${site.url}/insatser/${snapshot.initiatives[0].slug}/`);
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const box = el.getBoundingClientRect();
      return { href: el.getAttribute('href'), top: box.top, height: box.height };
    });
    expect(skip.href).toBe('#innehall');
    expect(skip.top).toBeGreaterThanOrEqual(0);
    expect(skip.height).toBeGreaterThan(10);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('innehall');
    for (let i = 0; i < 6; i += 1) {
      await page.keyboard.press('Tab');
      const style = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const s = getComputedStyle(el);
        return { tag: el.tagName, outline: s.outlineStyle, width: parseFloat(s.outlineWidth), background: s.backgroundColor };
      });
      const visible = (style.outline !== 'none' && style.width >= 2) || style.background !== 'rgba(0, 0, 0, 0)';
      expect(visible, JSON.stringify(style)).toBe(true);
    }
    await page.close();
  });

  it('prints entry pages without navigation and with their permanent address', async () => {
    const snapshot = readSnapshot(inject('snapshotPath'));
    const page = await browser.newPage();
    await page.goto(`${site.url}/lardomar/${snapshot.lessons[0].slug}/`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-nav').isVisible()).toBe(false);
    expect(await page.locator('.skip-link').isVisible()).toBe(false);
    expect(await page.locator('.print-url').isVisible()).toBe(true);
    expect(await page.locator('h1').isVisible()).toBe(true);
    await page.close();
  });

  it('loads no JavaScript on entry pages', async () => {
    const snapshot = readSnapshot(inject('snapshotPath'));
    const page = await browser.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => request.resourceType() === 'script' && scripts.push(request.url()));
    for (const path of ['/', `/insatser/${snapshot.initiatives[0].slug}/`, `/lardomar/${snapshot.lessons[0].slug}/`, '/teman/']) {
      await page.goto(`${site.url}${path}`);
    }
    expect(scripts).toEqual([]);
    await page.close();
  });
});
