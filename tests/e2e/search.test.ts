import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Snapshot } from '@erfarenhetsbanken/shared-types';
import { serveSite, type ServedSite } from '@erfarenhetsbanken/scripts/serve';
import { launchChromium } from '../helpers/browser';
import { readSnapshot, sharedSiteBuild } from '../helpers/site';

let site: ServedSite;
let browser: Browser;
let snapshot: Snapshot;

beforeAll(async () => {
  const snapshotPath = inject('snapshotPath');
  snapshot = readSnapshot(snapshotPath);
  site = await serveSite({ dir: await sharedSiteBuild(snapshotPath), port: 0 });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/** The number in the visible result count, once the index has loaded and the count has settled. */
async function count(page: Page): Promise<number> {
  const locator = page.locator('.search-results__count', { hasText: 'träff' });
  await locator.waitFor();
  return Number((await locator.textContent())!.match(/(\d+) träff/)![1]);
}

async function waitForCount(page: Page, expected: number) {
  await page.waitForFunction(
    (n) => new RegExp(`^${n} träff`).test(document.querySelector('.search-results__count')?.textContent ?? ''),
    expected,
  );
}

async function hits(page: Page): Promise<string[]> {
  await count(page);
  return page.locator('.search-hit a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
}

async function open(path = '/sok/'): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${site.url}${path}`);
  await count(page);
  return page;
}

async function typeQuery(page: Page, query: string) {
  await page.locator('#sok-fraga').fill(query);
}

const param = (page: Page, name: string) => new URL(page.url()).searchParams.getAll(name);

/** The stable entries the brief names, falling back to any entry with the same property. */
const blomman = () => snapshot.initiatives.find((i) => i.slug === 'blommanpengarna')!;
const areaWithDiacritics = () => snapshot.areas.find((a) => a.slug === 'mollevangen') ?? snapshot.areas.find((a) => fold(a.name) !== a.name)!;

describe('search (/sok/)', () => {
  it('tolerates typos: "blomanpengarna" finds Blommanpengarna first, with the match highlighted', async () => {
    expect(blomman()).toBeTruthy();
    const page = await open();
    await typeQuery(page, 'blomanpengarna');
    await page.waitForFunction(() => document.querySelector('.search-hit a')?.getAttribute('href') === '/insatser/blommanpengarna/');
    expect((await hits(page))[0]).toBe('/insatser/blommanpengarna/');
    expect(await page.locator('.search-hit').first().locator('mark').count()).toBeGreaterThan(0);
    expect(param(page, 'q')).toEqual(['blomanpengarna']);
    await page.close();
  });

  it('handles Swedish letters both ways', async () => {
    const page = await open();
    const programme = snapshot.initiatives.find((i) => /områdesprogram/i.test(i.title));
    if (programme) {
      await typeQuery(page, 'omradesprogram');
      await page.waitForFunction((u) => [...document.querySelectorAll('.search-hit a')].some((a) => a.getAttribute('href') === u), `/insatser/${programme.slug}/`);
    }
    const area = areaWithDiacritics();
    const url = `/omraden/${area.slug}/`;
    for (const query of [area.name, fold(area.name).toLowerCase()]) {
      await typeQuery(page, query);
      await page.waitForFunction((u) => document.querySelector('.search-hit a')?.getAttribute('href') === u, url);
      const title = page.locator('.search-hit').first().locator('.search-hit__title');
      expect(await title.locator('mark').count(), query).toBeGreaterThan(0);
    }
    // Diacritics typed where the text has none.
    await typeQuery(page, 'blömmanpengarna');
    await page.waitForFunction(() => document.querySelector('.search-hit a')?.getAttribute('href') === '/insatser/blommanpengarna/');
    await page.close();
  });

  it('combines facets: OR within one, AND across them, with counts matching the snapshot', async () => {
    const page = await open();
    const lessons = snapshot.lessons;
    const theme = [...snapshot.themes].sort((a, b) => lessons.filter((l) => l.themes.includes(b.slug)).length - lessons.filter((l) => l.themes.includes(a.slug)).length)[0];
    const withTheme = lessons.filter((l) => l.themes.includes(theme.slug));
    const type = (['success_factor', 'obstacle', 'insight', 'recommendation'] as const).find((t) => withTheme.some((l) => l.type === t))!;
    const typeParam = { success_factor: 'framgangsfaktor', obstacle: 'hinder', insight: 'insikt', recommendation: 'rekommendation' }[type];

    await page.check('#facett-type-lardomar');
    await waitForCount(page, lessons.length);
    await page.check('#facett-type-insatser');
    await waitForCount(page, lessons.length + snapshot.initiatives.length);
    await page.uncheck('#facett-type-insatser');
    await waitForCount(page, lessons.length);

    await page.locator('details.facet', { has: page.locator(`#facett-theme-${theme.slug}`) }).locator('summary').click();
    await page.check(`#facett-theme-${theme.slug}`);
    // Themes also tag the theme's own entry, which the type facet has excluded.
    await waitForCount(page, withTheme.length);
    await page.check(`#facett-lessonType-${typeParam}`);
    const expected = withTheme.filter((l) => l.type === type).length;
    await waitForCount(page, expected);
    const shown = await hits(page);
    expect(shown.length).toBe(Math.min(expected, 50));
    for (const href of shown) {
      const lesson = lessons.find((l) => `/lardomar/${l.slug}/` === href)!;
      expect(lesson.themes).toContain(theme.slug);
      expect(lesson.type).toBe(type);
    }
    expect(param(page, 'typ')).toEqual(['lardomar']);
    expect(param(page, 'tema')).toEqual([theme.slug]);
    expect(param(page, 'lardomstyp')).toEqual([typeParam]);
    // The count reaches screen readers through a polite live region, once typing pauses.
    await page.waitForFunction((n) => document.querySelector('[role="status"]')?.textContent?.startsWith(`${n} träff`), expected);
    await page.close();
  });

  it('keeps query and facets in the URL: a shared link restores the search, Back and Forward step through it', async () => {
    const theme = snapshot.themes[0];
    const page = await open();
    await typeQuery(page, 'samverkan');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'samverkan');
    const withQuery = await count(page);
    await page.check('#facett-type-lardomar');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('typ') === 'lardomar');
    const withFacet = await count(page);
    await page.locator('details.facet', { has: page.locator(`#facett-theme-${theme.slug}`) }).locator('summary').click();
    await page.check(`#facett-theme-${theme.slug}`);
    await page.waitForFunction((t) => new URL(location.href).searchParams.get('tema') === t, theme.slug);
    const withBoth = await count(page);
    const shared = page.url();

    // A fresh tab opened on the shared URL shows the same search.
    const other = await browser.newPage();
    await other.goto(shared);
    expect(await count(other)).toBe(withBoth);
    expect(await other.inputValue('#sok-fraga')).toBe('samverkan');
    expect(await other.isChecked('#facett-type-lardomar')).toBe(true);
    expect(await other.isChecked(`#facett-theme-${theme.slug}`)).toBe(true);
    await other.close();

    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('tema'));
    await waitForCount(page, withFacet);
    expect(await page.isChecked(`#facett-theme-${theme.slug}`)).toBe(false);
    expect(await page.isChecked('#facett-type-lardomar')).toBe(true);

    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('typ'));
    await waitForCount(page, withQuery);
    expect(await page.inputValue('#sok-fraga')).toBe('samverkan');

    // Typing made one history entry, not one per letter: Back leaves the query entirely.
    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('q'));
    expect(await page.inputValue('#sok-fraga')).toBe('');

    await page.goForward();
    await page.goForward();
    await page.goForward();
    await page.waitForFunction((t) => new URL(location.href).searchParams.get('tema') === t, theme.slug);
    await waitForCount(page, withBoth);
    expect(await page.isChecked(`#facett-theme-${theme.slug}`)).toBe(true);
    await page.close();
  });

  it('loads the index meta file and the island scripts from the page head, each once', async () => {
    const page = await browser.newPage();
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(`${site.url}/sok/`);
    await count(page);
    expect(await page.locator('head link[rel="preload"][href="/sok/data/meta.json"]').count()).toBe(1);
    const island = page.locator('astro-island');
    const preloaded = await page.locator('head link[rel="modulepreload"]').evaluateAll((links) => links.map((l) => l.getAttribute('href')));
    expect(preloaded).toEqual(expect.arrayContaining([await island.getAttribute('component-url'), await island.getAttribute('renderer-url')]));
    // The script's own fetch and imports take the preloaded responses: one request each, not two.
    for (const url of ['/sok/data/meta.json', ...preloaded]) expect(fetched.filter((f) => f === url), url!).toHaveLength(1);
    await page.close();
  });

  it('writes a query typed letter by letter to the address bar once its answer is shown, as one history entry', async () => {
    const page = await open();
    const entries = await page.evaluate(() => history.length);
    await page.locator('#sok-fraga').pressSequentially('samverkan');
    await page.waitForFunction(() => document.querySelector('.search')?.getAttribute('data-rendered-query') === 'samverkan');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'samverkan');
    expect(await page.evaluate(() => history.length)).toBe(entries + 1);
    await page.close();
  });

  it('counts themes once their group opens, fetching the theme and area columns only then; a count is what choosing the theme gives', async () => {
    const page = await browser.newPage();
    const columnFetches: string[] = [];
    page.on('request', (request) => request.url().includes('/sok/data/facetter.json') && columnFetches.push(request.url()));
    await page.goto(`${site.url}/sok/`);
    await count(page);
    await typeQuery(page, 'samverkan');
    await page.waitForFunction(() => document.querySelector('.search')?.getAttribute('data-rendered-query') === 'samverkan');
    expect(columnFetches).toEqual([]);

    const group = page.locator('details.facet', { has: page.locator('input[name="theme"]') });
    await group.locator('summary').click();
    await group.locator('.facet__count').first().waitFor();
    const options = await group.locator('li').evaluateAll((items) =>
      items.map((li) => ({ id: li.querySelector('input')!.id, n: Number(/\((\d+)\)/.exec(li.querySelector('.facet__count')?.textContent ?? '')?.[1] ?? -1) })),
    );
    expect(options.every((o) => o.n >= 0)).toBe(true);
    const option = options.find((o) => o.n > 0)!;
    await page.check(`#${option.id}`);
    await waitForCount(page, option.n);
    expect(columnFetches.length).toBe(1);
    await page.close();
  });

  it('works with the keyboard alone: skip link, query, a facet, a result', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/sok/`);
    await count(page);
    const focused = () => page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | HTMLAnchorElement;
      return { id: el.id, tag: el.tagName, type: (el as HTMLInputElement).type, value: (el as HTMLInputElement).value, href: el.getAttribute('href'), hit: !!el.closest('.search-hit') };
    });
    async function tabTo(predicate: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 40) {
      for (let i = 0; i < max; i += 1) {
        await page.keyboard.press('Tab');
        if (predicate(await focused())) return;
      }
      throw new Error('focus never reached the expected element');
    }

    await page.keyboard.press('Tab');
    expect((await focused()).href).toBe('#innehall');
    await page.keyboard.press('Enter');
    await tabTo((f) => f.id === 'sok-fraga');
    await page.keyboard.type('blomanpengarna');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.search-hit a')?.getAttribute('href') === '/insatser/blommanpengarna/');
    expect(new URL(page.url()).pathname).toBe('/sok/');

    await tabTo((f) => f.type === 'checkbox' && f.value === 'insatser');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('typ') === 'insatser');
    expect(await page.isChecked('#facett-type-insatser')).toBe(true);

    await tabTo((f) => f.hit, 80);
    const target = (await focused()).href!;
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === target);
    expect(target).toMatch(/^\/insatser\//);
    await page.close();
  });

  it('says it needs JavaScript, and links to the browse pages, when JavaScript is off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/sok/`);
    // Playwright's text engine skips <noscript>, so read the rendered text of the page instead.
    expect(await page.locator('main').innerText()).toContain('Sökningen kräver JavaScript');
    expect(await page.getByRole('link', { name: 'Insatser efter period' }).isVisible()).toBe(true);
    expect(await page.locator('.note a[href="/lardomar/"]').isVisible()).toBe(true);
    expect(await page.locator('#sok-fraga').isVisible()).toBe(false);
    await context.close();
  });
});
