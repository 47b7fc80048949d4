import fs from 'fs';
import os from 'os';
import path from 'path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { markdownToText, renderMarkdown, sanitizeRendered } from '../../site/src/lib/markdown';
import { generateBank } from '@erfarenhetsbanken/scripts/generate/bank';
import { attr, buildSite, elements, fileOf, listFiles, parseHtml, readSnapshot } from '../helpers/site';
import { launchChromium } from '../helpers/browser';
import { serveSite } from '@erfarenhetsbanken/scripts/serve';

/** Each payload tries to run code, load a document, or restyle the page if it survived. */
const PAYLOADS = [
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned = \'img\'">',
  '[klicka här](javascript:window.__pwned=1)',
  '[data-länk](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[tabb](java\tscript:alert(1))',
  '<svg onload="window.__pwned = \'svg\'"><circle r="1"/></svg>',
  '<svg><script>window.__pwned = "svg-script"</script></svg>',
  '<iframe src="https://example.org/"></iframe>',
  '<object data="https://example.org/x.swf"></object>',
  '<embed src="https://example.org/x.swf">',
  '<a href="javascript:window.__pwned=2">rå länk</a>',
  '<a href="  JaVaScRiPt:window.__pwned=3">blandad länk</a>',
  '<a href="vbscript:msgbox(1)">vb-länk</a>',
  '<p onclick="window.__pwned=4" style="position:fixed">stycke</p>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<form action="javascript:alert(1)"><button formaction="javascript:alert(2)">skicka</button></form>',
  '<style>body { display: none }</style>',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<details open ontoggle="window.__pwned=5">detaljer</details>',
];
const MARKER = 'Skyddsmarkör före attackerna';
const SAFE_LINK = 'https://example.org/saker-lank';
const MALICIOUS_MARKDOWN = `${MARKER}.\n\n${PAYLOADS.join('\n\n')}\n\nEn [säker länk](${SAFE_LINK}) och en [intern](/om/).\n`;

const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc', 'content'];
const FORBIDDEN_ELEMENTS = ['script', 'iframe', 'object', 'embed', 'svg', 'math', 'base', 'style', 'frame', 'frameset', 'applet'];

/** Whatever a page is, nothing in it may execute or embed: returns the problems found. */
/** The page's own citation downloads: reference-manager types, which no browser displays. */
const CITATION_DOWNLOAD = /^data:application\/(x-bibtex|x-research-info-systems|vnd\.citationstyles\.csl\+json);charset=utf-8,/;

function problemsIn(root: Element[] | any, where: string, { island = false, page = false, drawing = false, forbidden = FORBIDDEN_ELEMENTS } = {}): string[] {
  const problems: string[] = [];
  for (const el of elements(root)) {
    for (const [name, value] of Object.entries(el.attribs)) {
      if (name.startsWith('on')) problems.push(`${where}: <${el.name} ${name}>`);
      if (URL_ATTRIBUTES.includes(name)) {
        const compact = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        // A page's Citera links carry their files as data: URLs, saved by `download`; markdown may hold none.
        const ownDownload = page && el.name === 'a' && name === 'href' && 'download' in el.attribs && CITATION_DOWNLOAD.test(value);
        if ((/^(javascript|data|vbscript):/.test(compact) && !ownDownload) || compact.includes('url=javascript')) problems.push(`${where}: <${el.name} ${name}="${value}">`);
      }
    }
    // The search page's island brings Astro's own loader script and its one-line <style>.
    const islandCode = island && (el.name === 'script' || el.name === 'style');
    // A page's own JSON-LD is data that never runs (inline, no src); the timeline page draws its
    // own SVG (checked like everything else for handlers and URLs). Neither is allowed in markdown.
    const jsonLd = page && el.name === 'script' && el.attribs.type === 'application/ld+json' && !el.attribs.src;
    const ownDrawing = drawing && el.name === 'svg';
    if (forbidden.includes(el.name) && !islandCode && !jsonLd && !ownDrawing) problems.push(`${where}: <${el.name}>`);
    if (el.name === 'meta' && el.attribs['http-equiv']) problems.push(`${where}: <meta http-equiv>`);
  }
  return problems;
}

describe('renderMarkdown (marked + sanitize-html)', () => {
  const html = renderMarkdown(MALICIOUS_MARKDOWN);
  const doc = parseDocument(html);

  it('removes every executable or embedding construct', () => {
    expect(problemsIn(doc, 'fragment', { forbidden: [...FORBIDDEN_ELEMENTS, 'form', 'button', 'input', 'img'] })).toEqual([]);
    expect(html).not.toMatch(/javascript:|vbscript:|data:text|onerror|onload|onclick|ontoggle/i);
  });

  it('keeps the text and the safe links', () => {
    const text = textContent(doc);
    expect(text).toContain(MARKER);
    expect(text).toContain('klicka här');
    expect(text).toContain('rå länk');
    const hrefs = elements(doc, 'a').map((a) => attr(a, 'href'));
    expect(hrefs).toEqual([SAFE_LINK, '/om/']);
  });

  it('shifts headings below the page\'s own, so the outline stays ordered', () => {
    expect(renderMarkdown('# A\n\n## B\n\ntext', { headingLevel: 3 })).toBe('<h3>A</h3>\n<h4>B</h4>\n<p>text</p>\n');
    expect(renderMarkdown('### Only\n', { headingLevel: 2 })).toBe('<h2>Only</h2>\n');
  });

  it('renders ordinary markdown', () => {
    expect(renderMarkdown('Hej **du**, se [Malmö](https://malmo.se).')).toBe('<p>Hej <strong>du</strong>, se <a href="https://malmo.se">Malmö</a>.</p>\n');
    expect(renderMarkdown(null)).toBe('');
    expect(markdownToText('Ett *kort* <script>x()</script>stycke')).toBe('Ett kort stycke');
  });
});

describe('renderMarkdown without the sanitizer', () => {
  // Plain texts skip sanitize-html; that is only sound if the sanitizer would change nothing in
  // them. Every text here must come out as a fixed point of the sanitizer, whichever path it took.
  const CONSTRUCTS = [
    '# Rubrik\n\nStycke med *kursiv*, **fet**, ~~struken~~ och `kod < 3`.',
    '- ett\n- två\n  - inre\n\n1. första\n2. andra\n\n3. tredje',
    '> citat\n> med **fet** text\n\nefter',
    'a < b > c \\* ingen kursiv \\<b>',
    'rad ett  \nrad två',
    'ovan\n\n---\n\nnedan',
    '- [ ] att göra\n- [x] gjort',
    '```js\nconst x = 1 < 2;\n```',
    '| a | b |\n|:--|--:|\n| 1 | 2 |',
    'Citat: "så" och \'så\' & mer &amp; &copy; &#39;',
    'Se <https://malmo.se> och www.malmo.se',
    'Inline <b>html</b> och <span onclick="x()">span</span>',
    ...PAYLOADS,
  ];
  const texts = [
    ...CONSTRUCTS,
    ...CONSTRUCTS.map((text) => `# ${text}`),
    ...generateBank({ initiatives: 40, seed: 11 }).lessons.map((lesson) => lesson.body),
    ...(() => {
      const seed = readSnapshot(inject('snapshotPath'));
      return [...seed.lessons.map((l) => l.body), ...seed.initiatives.flatMap((i) => [i.description, i.goals, i.outcomes]), ...seed.methods.map((m) => m.description)];
    })(),
  ].filter((text): text is string => Boolean(text));

  it.each([1, 2, 3, 4])('leaves nothing for the sanitizer to change, headings from level %i', (headingLevel) => {
    const changed = texts.filter((text) => {
      const html = renderMarkdown(text, { headingLevel });
      return sanitizeRendered(html) !== html;
    });
    expect(changed).toEqual([]);
  });

  it('renders a text the same right after it was read as plain text (the lesson page lexes it once)', () => {
    // Each text made unique, so markdownToText lexes it here instead of answering from its cache.
    const again = texts.map((text, i) => {
      const fresh = `${text}\n\n${i}`;
      markdownToText(fresh);
      return renderMarkdown(fresh, { headingLevel: 2 });
    });
    expect(again).toEqual(texts.map((text, i) => renderMarkdown(`${text}\n\n${i}`, { headingLevel: 2 })));
  });
});

describe('markdown payloads in a real build', () => {
  let tmp: string;
  let dist: string;
  let targets: { lesson: string; initiative: string; method: string };

  beforeAll(async () => {
    const snapshot = readSnapshot(inject('snapshotPath'));
    const lesson = snapshot.lessons[0];
    const initiative = snapshot.initiatives.find((i) => i.slug === lesson.initiatives[0])!;
    const method = snapshot.methods[0];
    lesson.body = MALICIOUS_MARKDOWN;
    initiative.description = MALICIOUS_MARKDOWN;
    initiative.goals = PAYLOADS.slice(0, 5).join('\n\n');
    method.description = MALICIOUS_MARKDOWN;
    targets = { lesson: `/lardomar/${lesson.slug}/`, initiative: `/insatser/${initiative.slug}/`, method: `/metoder/${method.slug}/` };

    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-payload-'));
    const snapshotPath = path.join(tmp, 'snapshot.json');
    fs.writeFileSync(snapshotPath, JSON.stringify(snapshot));
    const result = await buildSite({ snapshotPath, outDir: path.join(tmp, 'dist'), env: { ASTRO_CACHE_DIR: path.join(tmp, 'cache') } });
    if (!result.ok) throw new Error(result.output);
    dist = result.outDir;
  });

  afterAll(() => tmp && fs.rmSync(tmp, { recursive: true, force: true }));

  it('renders the text of the poisoned fields on the lesson, initiative and method pages', () => {
    for (const page of Object.values(targets)) {
      const doc = parseHtml(fileOf(dist, page)!);
      expect(textContent(doc), page).toContain(MARKER);
      expect(elements(doc, 'a').some((a) => attr(a, 'href') === SAFE_LINK), `${page} keeps the safe link`).toBe(true);
    }
  });

  it('leaves no script, handler, javascript:/data: URL or embedded object in any built page', () => {
    const problems = listFiles(dist, ['.html']).flatMap((file) => {
      const doc = parseHtml(path.join(dist, file));
      // Rendered markdown may not even hold a form or an image; the page around it has its own search form.
      const prose = elements(doc, 'div').filter((el) => attr(el, 'class') === 'prose');
      return [
        ...problemsIn(doc, file, { island: file === 'sok/index.html', page: true, drawing: file === 'tidslinje/index.html' }),
        ...problemsIn(prose, `${file} (markdown)`, { forbidden: [...FORBIDDEN_ELEMENTS, 'form', 'button', 'input', 'img'] }),
      ];
    });
    expect(problems).toEqual([]);
  });

  it('runs none of it in a browser', async () => {
    const site = await serveSite({ dir: dist, port: 0 });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      for (const target of [...Object.values(targets), `/sok/?q=${encodeURIComponent('Skyddsmarkör')}`]) {
        await page.goto(`${site.url}${target}`);
        if (target.startsWith('/sok/')) await page.locator('.search-hit').first().waitFor();
        expect(await page.evaluate(() => (window as any).__pwned), target).toBeUndefined();
        expect(await page.locator('iframe, object, embed, main svg').count(), target).toBe(0);
      }
      expect(dialogs).toEqual([]);
    } finally {
      await browser.close();
      await site.close();
    }
  });
});
