import { spawn, type ChildProcess } from 'child_process';
import fs from 'fs';
import path from 'path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Snapshot } from '@erfarenhetsbanken/shared-types';
import { entryPageTemplate, TEMPLATE_PARTS, TEMPLATE_SLUG } from '../../site/src/lib/entry-pages/template';
import { builtSite, fileOf, SITE_DIR } from '../helpers/site';
import { freePort } from '../helpers/net';
import { ROOT } from '../helpers/paths';
import { VITE_PARENT_ENV } from '../../site/scripts/vite-parent-env.mjs';

/**
 * Lesson and initiative pages are written from one model page per type rendered by Astro
 * (integrations/entry-pages.ts); `astro dev` renders each through its route. Both must give the
 * same page. The same goes for the files integrations write after a build and serve under dev.
 */

const MODEL = [
  `<title>${TEMPLATE_PARTS.title} – Erfarenhetsbanken</title>`,
  `<meta name="description" content="${TEMPLATE_PARTS.description}">`,
  `<link rel="canonical" href="http://example.org/lardomar/${TEMPLATE_SLUG}/">${TEMPLATE_PARTS.head}`,
  `<span aria-current="page">${TEMPLATE_PARTS.title}</span>${TEMPLATE_PARTS.article}`,
  `<p>Permanent adress: http://example.org/lardomar/${TEMPLATE_SLUG}/</p>`,
].join('');

describe('the entry page template', () => {
  const parts = { title: 'Tryggt & "nära" <i>', description: 'Ett "citat" & mer', head: '<meta name="x" content="y">', article: '<article>Text</article>' };

  it('puts each part where the model holds its placeholder, escaped as Astro escapes it', () => {
    expect(entryPageTemplate(MODEL, 'lesson')('en-lardom', parts)).toBe(
      [
        '<title>Tryggt &amp; &quot;nära&quot; &lt;i&gt; – Erfarenhetsbanken</title>',
        '<meta name="description" content="Ett &#34;citat&#34; &#38; mer">',
        '<link rel="canonical" href="http://example.org/lardomar/en-lardom/"><meta name="x" content="y">',
        '<span aria-current="page">Tryggt &amp; &quot;nära&quot; &lt;i&gt;</span><article>Text</article>',
        '<p>Permanent adress: http://example.org/lardomar/en-lardom/</p>',
      ].join(''),
    );
  });

  it('leaves the description out for a lesson without text, as Base.astro does', () => {
    expect(entryPageTemplate(MODEL, 'lesson')('en-lardom', { ...parts, description: '' })).not.toContain('name="description"');
  });

  it('refuses a model that lacks a placeholder or holds one too often, naming it', () => {
    expect(() => entryPageTemplate(MODEL.replace(TEMPLATE_PARTS.head, ''), 'lesson')).toThrow(`"${TEMPLATE_PARTS.head}" 0 times, not 1`);
    expect(() => entryPageTemplate(MODEL + TEMPLATE_PARTS.article, 'lesson')).toThrow(`"${TEMPLATE_PARTS.article}" 2 times, not 1`);
    expect(() => entryPageTemplate(MODEL.replace(`<span aria-current="page">${TEMPLATE_PARTS.title}</span>`, ''), 'lesson')).toThrow(`"${TEMPLATE_PARTS.title}" 1 times, not 2`);
    // The model of one type is not the model of another: the addresses differ.
    expect(() => entryPageTemplate(MODEL, 'initiative')).toThrow(`The initiative page model holds "/insatser/${TEMPLATE_SLUG}/" 0 times, not 2`);
  });
});

describe('lesson and initiative pages in the build and under astro dev', () => {
  let dist: string;
  let snapshot: Snapshot;
  let dev: ChildProcess | undefined;
  let devOrigin: string;

  beforeAll(async () => {
    ({ snapshot, dist } = await builtSite(inject('snapshotPath')));
    const port = await freePort();
    devOrigin = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', SNAPSHOT_PATH: inject('snapshotPath'), ASTRO_TELEMETRY_DISABLED: '1' };
    for (const name of VITE_PARENT_ENV) delete env[name];
    // The command `astro` as its package declares it (Astro 7 moved it from astro.js to bin/).
    const astroDir = path.join(ROOT, 'node_modules', 'astro');
    const astroBin = path.join(astroDir, JSON.parse(fs.readFileSync(path.join(astroDir, 'package.json'), 'utf8')).bin.astro);
    dev = spawn(process.execPath, [astroBin, 'dev', '--host', '127.0.0.1', '--port', String(port)], {
      cwd: SITE_DIR,
      env,
      stdio: 'ignore',
    });
    for (let waited = 0; ; waited += 250) {
      if (dev.exitCode !== null) throw new Error(`astro dev exited with code ${dev.exitCode}`);
      if (waited > 60_000) throw new Error('astro dev did not answer within 60 s');
      const ok = await fetch(`${devOrigin}/om/`).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  });

  afterAll(() => {
    dev?.kill();
  });

  it('writes a page for every lesson and initiative, and no model page', () => {
    for (const [folder, entries] of [['lardomar', snapshot.lessons], ['insatser', snapshot.initiatives]] as const) {
      const pages = fs.readdirSync(path.join(dist, folder), { withFileTypes: true }).filter((e) => e.isDirectory() && !['sida', 'kategori', 'omrade'].includes(e.name));
      expect(pages.map((e) => e.name).sort()).toEqual(entries.map((e) => e.slug).sort());
      expect(fs.existsSync(path.join(dist, folder, TEMPLATE_SLUG))).toBe(false);
    }
  });

  it('serves the same head and main content under astro dev as the build wrote', async () => {
    // Dev adds its own scripts and inlines the stylesheet: compare what the page itself says.
    const comparable = (html: string) => ({
      title: /<title>[^<]*<\/title>/.exec(html)?.[0],
      description: /<meta name="description"[^>]*>/.exec(html)?.[0] ?? null,
      canonical: /<link rel="canonical"[^>]*>/.exec(html)?.[0],
      citation: html.match(/<meta name="citation_[^>]*>/g),
      jsonLd: /<script type="application\/ld\+json">.*?<\/script>/s.exec(html)?.[0],
      main: /<main[\s\S]*<\/main>/.exec(html)?.[0].replace(/>\s+</g, '><').replace(/\s+/g, ' '),
    });
    const some = <T>(entries: T[]) => [entries[0], entries[Math.floor(entries.length / 2)], entries.at(-1)!];
    const pages = [...some(snapshot.lessons).map((e) => ['lardomar', e] as const), ...some(snapshot.initiatives).map((e) => ['insatser', e] as const)];
    for (const [folder, entry] of pages) {
      const urlPath = `/${folder}/${entry.slug}/`;
      const built = fs.readFileSync(fileOf(dist, urlPath)!, 'utf8');
      const response = await fetch(devOrigin + urlPath);
      expect(response.status, urlPath).toBe(200);
      const served = comparable(await response.text());
      expect(served.main, urlPath).toContain(entry.title.replace(/&/g, '&amp;'));
      expect(served).toEqual(comparable(built));
    }
  });

  it('serves the generated files (search index, open data) under astro dev as the build wrote them', async () => {
    for (const urlPath of ['/sok/data/meta.json', '/sok/data/poster/0.json', '/data/datapackage.json', '/data/lessons.csv', '/data/erfarenhetsbank.json']) {
      const response = await fetch(devOrigin + urlPath);
      expect(response.status, urlPath).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(fs.readFileSync(path.join(dist, urlPath))), urlPath).toBe(true);
    }
    expect((await fetch(`${devOrigin}/data/finns-inte.csv`)).status).toBe(404);
  });
});
