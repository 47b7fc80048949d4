import { spawn, type ChildProcess } from 'child_process';
import fs from 'fs';
import path from 'path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Snapshot } from '@erfarenhetsbanken/shared-types';
import { lessonPageTemplate, TEMPLATE_PARTS, TEMPLATE_SLUG } from '../../site/src/lib/lesson-page';
import { builtSite, fileOf, SITE_DIR } from '../helpers/site';
import { freePort } from '../helpers/net';
import { ROOT } from '../helpers/paths';

/**
 * Lesson pages are written from one model page rendered by Astro (integrations/lesson-pages.ts);
 * `astro dev` renders each through the route. Both must give the same page.
 */

const MODEL = [
  `<title>${TEMPLATE_PARTS.title} – Erfarenhetsbanken</title>`,
  `<meta name="description" content="${TEMPLATE_PARTS.description}">`,
  `<link rel="canonical" href="http://example.org/lardomar/${TEMPLATE_SLUG}/">${TEMPLATE_PARTS.head}`,
  `<span aria-current="page">${TEMPLATE_PARTS.title}</span>${TEMPLATE_PARTS.article}`,
  `<p>Permanent adress: http://example.org/lardomar/${TEMPLATE_SLUG}/</p>`,
].join('');

describe('the lesson page template', () => {
  const parts = { title: 'Tryggt & "nära" <i>', description: 'Ett "citat" & mer', head: '<meta name="x" content="y">', article: '<article>Text</article>' };

  it('puts each part where the model holds its placeholder, escaped as Astro escapes it', () => {
    expect(lessonPageTemplate(MODEL)('en-lardom', parts)).toBe(
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
    expect(lessonPageTemplate(MODEL)('en-lardom', { ...parts, description: '' })).not.toContain('name="description"');
  });

  it('refuses a model that lacks a placeholder or holds one too often, naming it', () => {
    expect(() => lessonPageTemplate(MODEL.replace(TEMPLATE_PARTS.head, ''))).toThrow(`"${TEMPLATE_PARTS.head}" 0 times, not 1`);
    expect(() => lessonPageTemplate(MODEL + TEMPLATE_PARTS.article)).toThrow(`"${TEMPLATE_PARTS.article}" 2 times, not 1`);
    expect(() => lessonPageTemplate(MODEL.replace(`<span aria-current="page">${TEMPLATE_PARTS.title}</span>`, ''))).toThrow(`"${TEMPLATE_PARTS.title}" 1 times, not 2`);
  });
});

describe('lesson pages in the build and under astro dev', () => {
  let dist: string;
  let snapshot: Snapshot;
  let dev: ChildProcess | undefined;
  let devOrigin: string;

  beforeAll(async () => {
    ({ snapshot, dist } = await builtSite(inject('snapshotPath')));
    const port = await freePort();
    devOrigin = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', SNAPSHOT_PATH: inject('snapshotPath'), ASTRO_TELEMETRY_DISABLED: '1' };
    // vitest's own import.meta.env, exported to children, would confuse Astro's dev server.
    for (const name of ['DEV', 'PROD', 'SSR', 'MODE', 'BASE_URL']) delete env[name];
    dev = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'astro', 'astro.js'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
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

  it('writes a page for every lesson, and no model page', () => {
    const lessons = fs.readdirSync(path.join(dist, 'lardomar'), { withFileTypes: true }).filter((e) => e.isDirectory() && !/^sida$/.test(e.name));
    expect(lessons.map((e) => e.name).sort()).toEqual(snapshot.lessons.map((l) => l.slug).sort());
    expect(fs.existsSync(path.join(dist, 'lardomar', TEMPLATE_SLUG))).toBe(false);
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
    const lessons = [snapshot.lessons[0], snapshot.lessons[Math.floor(snapshot.lessons.length / 2)], snapshot.lessons.at(-1)!];
    for (const lesson of lessons) {
      const urlPath = `/lardomar/${lesson.slug}/`;
      const built = fs.readFileSync(fileOf(dist, urlPath)!, 'utf8');
      const response = await fetch(devOrigin + urlPath);
      expect(response.status, urlPath).toBe(200);
      const served = comparable(await response.text());
      expect(served.main, urlPath).toContain(lesson.title.replace(/&/g, '&amp;'));
      expect(served).toEqual(comparable(built));
    }
  });
});
