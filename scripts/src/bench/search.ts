/**
 * Search benchmark: the site's search page against a naive baseline, in headless Chromium.
 *
 * Both pages are measured the same way: bytes of every response of the session (raw, and gzip
 * as computed here with zlib, since the bench server does not compress on the fly), time from
 * navigation start to the page's `search-ready` mark, and per-keystroke latency while a fixed
 * list of queries is typed letter by letter: from the input event (performance.now() in the
 * page) until the page says the results for exactly that text are in the DOM
 * (`data-rendered-query` on `.search`). Each keystroke waits for its own results before the
 * next, so every keystroke is measured; with a pace, the next key also waits until that long
 * after the previous one was pressed.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { fileURLToPath } from 'url';
import { gzipSync } from 'zlib';
import type { Snapshot } from '@erfarenhetsbanken/shared-types';
import { launchChromium } from '../chromium';
import { serveSite } from '../serve';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/**
 * A fast typist's interval between keys (about 100 words a minute). Typing back to back, every
 * keystroke that needs a file waits for the network; at this pace the page has the time a
 * person leaves between letters. The bench reports both.
 */
export const HUMAN_PACE_MS = 120;

/**
 * Words the synthetic bank's generator and the seed both use; plus a typo, diacritics typed
 * without and with, and multi-word queries.
 */
export const BENCH_QUERIES = [
  'samverkan',
  'brobyggare',
  'mentorskap',
  'trygghet',
  'läxhjälp',
  'goteborg',
  'östersund',
  'medborgardialg',
  'lokal förankring',
  'barn unga malmö',
];

export interface SearchBenchResult {
  /** entries in the snapshot (initiatives + lessons + sources + areas + …) */
  entries: number;
  requests: number;
  bytesRaw: number;
  bytesGzip: number;
  /** navigation start → search ready (results of the empty search rendered) */
  readyMs: number;
  keystrokes: number;
  keystrokeP50Ms: number;
  keystrokeP95Ms: number;
  keystrokeMaxMs: number;
  /** the least time from one key press to the next (0: the next key right after the results) */
  paceMs: number;
  /** each keystroke's text and latency, in typing order */
  perKeystroke: [string, number][];
  /** gzip bytes by the first two path segments (/sok/data/…, /_astro/, …) */
  gzipByPath: Record<string, number>;
  queries: string[];
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
const round = (n: number) => Math.round(n * 10) / 10;

const entriesOf = (s: Snapshot) =>
  s.initiatives.length + s.lessons.length + s.sources.length + s.areas.length + s.organisations.length + s.methods.length + s.themes.length;

const KEYSTROKE_TIMER = `
window.__keystrokes = [];
window.__pending = null;
document.addEventListener('input', (event) => {
  if (event.target.id === 'sok-fraga') window.__pending = { value: event.target.value, at: performance.now() };
}, true);
// The whole document is watched: hydration may replace the results container.
new MutationObserver((records) => {
  const pending = window.__pending;
  if (!pending) return;
  for (const record of records) {
    if (record.target.getAttribute('data-rendered-query') === pending.value) {
      window.__keystrokes.push({ value: pending.value, ms: performance.now() - pending.at });
      window.__pending = null;
      return;
    }
  }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-rendered-query'] });
`;

/** Opens `url` in a fresh Chromium, types the queries, and returns the four figures. */
async function measurePage(url: string, entries: number, queries: string[], { typingBudgetMs = Infinity, paceMs = 0 } = {}): Promise<SearchBenchResult> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    let bytesRaw = 0;
    let bytesGzip = 0;
    let requests = 0;
    const gzipByPath: Record<string, number> = {};
    // Only the addresses while the page runs: handing bodies over the DevTools protocol as they
    // arrive cost the page a seventh of its time to search-ready.
    const responses: string[] = [];
    page.on('response', (response) => {
      if (response.status() !== 304 && response.url().startsWith('http')) responses.push(response.url());
    });
    // Keystroke timing lives in the page, so the harness's own round trips do not count. A
    // string, not a function: tsx's name helpers do not exist in the page.
    await page.addInitScript({ content: KEYSTROKE_TIMER });
    await page.goto(url);
    await page.waitForSelector('.search[data-ready]', { state: 'attached', timeout: 120_000 });
    const readyMs = await page.evaluate(() => performance.getEntriesByName('search-ready')[0]?.startTime ?? NaN);
    const input = page.locator('#sok-fraga');
    const rendered = (text: string) =>
      page.waitForFunction((t) => document.querySelector('.search')?.getAttribute('data-rendered-query') === t, text, { timeout: 120_000 });
    // The naive baseline takes seconds per keystroke at national scale: it types until its budget
    // is spent (finishing the query it is on), and the result says how many keystrokes it made.
    const typingUntil = performance.now() + typingBudgetMs;
    for (const query of queries) {
      if (performance.now() > typingUntil) break;
      await input.fill('');
      await rendered('');
      for (let i = 1; i <= query.length; i++) {
        const pressed = performance.now();
        await input.pressSequentially(query[i - 1]);
        await rendered(query.slice(0, i));
        const left = pressed + paceMs - performance.now();
        if (left > 0) await page.waitForTimeout(left);
      }
    }
    const all: { value: string; ms: number }[] = await page.evaluate(() => (window as any).__keystrokes);
    // Clearing the field between queries is not a keystroke of the list.
    const typed = all.filter((k) => k.value !== '');
    const keystrokes = typed.map((k) => k.ms).sort((a, b) => a - b);
    // The static files are the same when fetched again, once the session is over.
    const sizes = new Map<string, { raw: number; gzip: number }>();
    for (const url of responses) {
      let size = sizes.get(url);
      if (!size) {
        const body = Buffer.from(await (await fetch(url)).arrayBuffer());
        sizes.set(url, (size = { raw: body.length, gzip: body.length > 0 ? gzipSync(body).length : 0 }));
      }
      requests += 1;
      bytesRaw += size.raw;
      bytesGzip += size.gzip;
      const group = new URL(url).pathname.split('/').slice(0, 4).join('/').replace(/\/[^/]*\.[a-z]+$/, '/');
      gzipByPath[group] = (gzipByPath[group] ?? 0) + size.gzip;
    }
    return {
      entries,
      requests,
      bytesRaw,
      bytesGzip,
      readyMs: round(readyMs),
      keystrokes: keystrokes.length,
      keystrokeP50Ms: round(quantile(keystrokes, 0.5)),
      keystrokeP95Ms: round(quantile(keystrokes, 0.95)),
      keystrokeMaxMs: round(keystrokes[keystrokes.length - 1] ?? 0),
      paceMs,
      perKeystroke: typed.map((k) => [k.value, round(k.ms)]),
      gzipByPath,
      queries,
    };
  } finally {
    await browser.close();
  }
}

/** The site's own search page (/sok/) of a built site. */
export async function measureSearch({ siteDir, snapshot, queries = BENCH_QUERIES, paceMs = 0 }: { siteDir: string; snapshot: Snapshot; queries?: string[]; paceMs?: number }): Promise<SearchBenchResult> {
  const site = await serveSite({ dir: siteDir, port: 0 });
  try {
    return await measurePage(`${site.url}/sok/`, entriesOf(snapshot), queries, { paceMs });
  } finally {
    await site.close();
  }
}

/** Every string field of every entry, whole; the title-like field weighs as the site's title does. */
function naivePayload(snapshot: Snapshot) {
  const collections = ['initiatives', 'lessons', 'sources', 'areas', 'organisations', 'methods', 'themes'] as const;
  const segment = { initiatives: 'insatser', lessons: 'lardomar', sources: 'kallor', areas: 'omraden', organisations: 'aktorer', methods: 'metoder', themes: 'teman' };
  const fields = new Set<string>();
  const docs: Record<string, string>[] = [];
  for (const name of collections) {
    for (const entry of snapshot[name] as unknown as Record<string, unknown>[]) {
      const doc: Record<string, string> = { u: `/${segment[name]}/${entry.slug}/` };
      for (const [key, value] of Object.entries(entry)) {
        if (key === 'slug' || typeof value !== 'string' || !value) continue;
        const field = key === 'name' ? 'title' : key;
        doc[field] = value;
        fields.add(field);
      }
      docs.push(doc);
    }
  }
  const keys = [...fields].sort().map((name) => ({ name, weight: name === 'title' ? 3 : 1 }));
  return { keys, docs };
}

/** The naive baseline: one JSON with everything + a prebuilt fuse.js index, one Fuse over it. */
export async function measureNaiveSearch({ snapshot, queries = BENCH_QUERIES, typingBudgetMs = 180_000 }: { snapshot: Snapshot; queries?: string[]; typingBudgetMs?: number }): Promise<SearchBenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-naive-search-'));
  try {
    const { default: Fuse } = await import('fuse.js');
    const { build } = await import('esbuild');
    const { keys, docs } = naivePayload(snapshot);
    const index = Fuse.createIndex(keys, docs).toJSON();
    fs.writeFileSync(path.join(dir, 'data.json'), JSON.stringify({ keys, docs, index }));
    fs.copyFileSync(path.join(HERE, 'naive-search', 'index.html'), path.join(dir, 'index.html'));
    await build({ entryPoints: [path.join(HERE, 'naive-search', 'page.ts')], bundle: true, minify: true, format: 'esm', outfile: path.join(dir, 'naive.js'), logLevel: 'warning' });
    // serveSite applies the `/*` block of _headers; the baseline needs no policy.
    fs.writeFileSync(path.join(dir, '_headers'), '/*\n');
    const site = await serveSite({ dir, port: 0 });
    try {
      return await measurePage(`${site.url}/`, entriesOf(snapshot), queries, { typingBudgetMs });
    } finally {
      await site.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// `tsx scripts/src/bench/search.ts <snapshot.json> <built site dir> [--naive]`: one quick run.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const [snapshotPath, siteDir] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const snapshot = JSON.parse(fs.readFileSync(snapshotPath, 'utf8')) as Snapshot;
  const paceMs = Number(process.argv.find((a) => a.startsWith('--pace='))?.slice(7) ?? 0);
  const ours = siteDir ? await measureSearch({ siteDir, snapshot, paceMs }) : null;
  const naive = process.argv.includes('--naive') ? await measureNaiveSearch({ snapshot }) : null;
  console.log(JSON.stringify({ ours, naive }, null, 2));
}
