import { spawn } from 'child_process';
import fs from 'fs';
import path from 'path';
import { parseDocument } from 'htmlparser2';
import type { Document, Element } from 'domhandler';
import { findAll, getAttributeValue } from 'domutils';
import type { Snapshot } from '@erfarenhetsbanken/shared-types';
import { ROOT } from './paths';
import { SITE_BUILD_ARGS } from '@erfarenhetsbanken/scripts/build-site';

export const SITE_DIR = path.join(ROOT, 'site');

export interface BuildResult {
  ok: boolean;
  /** stdout and stderr together, for assertions on error messages and for failure reports */
  output: string;
  outDir: string;
}

/** Runs the site's own build script (the one `npm run build -w site` runs) in a child process. */
export function buildSite({ snapshotPath, outDir, env = {} }: { snapshotPath: string; outDir: string; env?: Record<string, string> }): Promise<BuildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, SITE_BUILD_ARGS, {
      cwd: SITE_DIR,
      env: { ...process.env, SNAPSHOT_PATH: snapshotPath, SITE_OUT_DIR: outDir, ASTRO_LOG_LEVEL: 'warn', INIT_CWD: SITE_DIR, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ok: code === 0, output, outDir }));
  });
}

/**
 * One build of the real seed per test run, shared by every file that needs it. It lives next to
 * the run's snapshot (removed by the global teardown); a marker file says it completed, and test
 * files run one at a time, so the first file to ask builds and the rest reuse.
 */
export async function sharedSiteBuild(snapshotPath: string): Promise<string> {
  const outDir = path.join(path.dirname(snapshotPath), 'site-dist');
  const marker = path.join(path.dirname(snapshotPath), 'site-dist.complete');
  if (fs.existsSync(marker)) return outDir;
  const result = await buildSite({ snapshotPath, outDir, env: { ASTRO_CACHE_DIR: path.join(path.dirname(snapshotPath), 'astro-cache') } });
  if (!result.ok) throw new Error(`The site build failed:\n${result.output}`);
  fs.writeFileSync(marker, new Date().toISOString());
  return outDir;
}

export const readSnapshot = (file: string): Snapshot => JSON.parse(fs.readFileSync(file, 'utf8'));

/** The run's snapshot, its shared site build, and the origin the build made absolute URLs against. */
export async function builtSite(snapshotPath: string): Promise<{ snapshot: Snapshot; dist: string; origin: string }> {
  const dist = await sharedSiteBuild(snapshotPath);
  const origin = new URL(/<loc>([^<]+)<\/loc>/.exec(fs.readFileSync(path.join(dist, 'sitemap.xml'), 'utf8'))![1]).origin;
  return { snapshot: readSnapshot(snapshotPath), dist, origin };
}

/** Every file under dir with one of the extensions, as paths relative to dir with '/' separators. */
export function listFiles(dir: string, extensions: string[]): string[] {
  const out: string[] = [];
  const walk = (sub: string) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (extensions.some((ext) => entry.name.endsWith(ext))) out.push(rel);
    }
  };
  walk('');
  return out.sort();
}

/** `insatser/x/index.html` → `/insatser/x/`; `404.html` → `/404.html`. */
export function urlPathOf(file: string): string {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return `/${file}`;
}

/** The file a site path is served from, or null if there is none. */
export function fileOf(dir: string, urlPath: string): string | null {
  const clean = decodeURIComponent(urlPath.split(/[?#]/)[0]);
  const candidates = clean.endsWith('/') ? [`${clean}index.html`] : [clean, `${clean}.html`, `${clean}/index.html`];
  for (const candidate of candidates) {
    const file = path.join(dir, candidate);
    if (file.startsWith(dir) && fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  }
  return null;
}

const documents = new Map<string, Document>();

/** Parses a built HTML file (cached: the crawl revisits targets for their anchors). */
export function parseHtml(file: string): Document {
  let doc = documents.get(file);
  if (!doc) {
    doc = parseDocument(fs.readFileSync(file, 'utf8'));
    documents.set(file, doc);
  }
  return doc;
}

/** Elements below a document or element (or in and below a list of elements), optionally by tag name. */
export const elements = (root: Document | Element | Element[], name?: string): Element[] =>
  findAll((el) => (name ? el.name === name : true), Array.isArray(root) ? root : root.children);

export const attr = (el: Element, name: string) => getAttributeValue(el, name);

/** The path of every page in sitemap.xml. */
export function sitemapPaths(dir: string): string[] {
  const xml = fs.readFileSync(path.join(dir, 'sitemap.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
}
