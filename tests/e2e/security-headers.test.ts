import fs from 'fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { serveSite, type ServedSite } from '@erfarenhetsbanken/scripts/serve';
import { launchChromium } from '../helpers/browser';
import { sharedSiteBuild } from '../helpers/site';

let site: ServedSite;
let browser: Browser;

beforeAll(async () => {
  site = await serveSite({ dir: await sharedSiteBuild(inject('snapshotPath')), port: 0 });
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('the served site', () => {
  it('sends a strict Content-Security-Policy and the usual security headers on pages, assets and misses', async () => {
    const css = /href="(\/_astro\/[^"]+\.css)"/.exec(await (await fetch(`${site.url}/`)).text())![1];
    for (const path of ['/', '/sok/', '/insatser/', css, '/finns-inte/']) {
      const { headers } = await fetch(`${site.url}${path}`);
      const csp = headers.get('content-security-policy')!;
      expect(csp, path).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/object-src 'none'/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(headers.get('x-frame-options')).toBe('DENY');
    }
    expect((await fetch(`${site.url}/_headers`)).status).toBe(404);
  });

  it('lets the site itself run under the policy (search works, no violation) and blocks injected inline script', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    for (const path of ['/', '/insatser/', '/sok/?q=blommanpengarna']) {
      await page.goto(`${site.url}${path}`);
      await page.waitForLoadState('networkidle');
    }
    await expect.poll(() => page.locator('mark').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(violations).toEqual([]);

    await page.addScriptTag({ content: 'window.__injected = true;' }).catch(() => {});
    expect(await page.evaluate(() => (window as any).__injected)).toBeUndefined();
    expect(violations.length).toBeGreaterThan(0);
    await page.close();
  });

  it('saves a citation download from an entry page under the policy, as a named file', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${site.url}/insatser/`);
    const entry = (await page.locator('main a[href^="/insatser/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!))).find((href) =>
      /^\/insatser\/[^/]+\/$/.test(href) && !/\/(sida|kategori|omrade)\//.test(href),
    )!;
    await page.goto(`${site.url}${entry}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#citera a[download$=".bib"]')]);
    expect(download.suggestedFilename()).toMatch(/^erfarenhetsbanken-[a-z]+-[a-z0-9-]+\.bib$/);
    const bibtex = fs.readFileSync((await download.path())!, 'utf8');
    expect(bibtex).toMatch(/^@\w+\{/);
    expect(bibtex).toMatch(new RegExp(`url = \\{https?://[^/]+${entry}\\}`));
    expect(violations).toEqual([]);
    await context.close();
  });
});
