import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The CSP hashes of the inline code in a site's pages (scripts/security-headers.mjs writes them into `_headers`). */
export interface InlineHashes {
  scripts: string[];
  styles: string[];
}

const INLINE = /<(script|style)(\s[^>]*)?>([\s\S]*?)<\/\1>/y;
const hash = (text: string) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The inline script and style elements of a page, from its UTF-8 bytes: only the elements are
 * decoded, since decoding whole pages (290 MB at national scale) cost more than everything else here.
 */
function* inlineElements(html: Buffer): Generator<RegExpExecArray> {
  // The next `<script` and `<style` at or after `at` (-1: none left), each searched for again only once passed.
  let script = html.indexOf('<script');
  let style = html.indexOf('<style');
  for (let at = 0; ; ) {
    if (script >= 0 && script < at) script = html.indexOf('<script', at);
    if (style >= 0 && style < at) style = html.indexOf('<style', at);
    const start = script < 0 ? style : style < 0 ? script : Math.min(script, style);
    if (start < 0) return;
    const close = start === script ? '</script>' : '</style>';
    const end = html.indexOf(close, start);
    INLINE.lastIndex = 0;
    const match = end < 0 ? null : INLINE.exec(html.toString('utf8', start, end + close.length));
    if (match) yield match;
    // A match runs to the first closing tag, the end of what was decoded.
    at = match ? end + close.length : start + 1;
  }
}

/** The hashes of the inline scripts and styles in these pages (their UTF-8 bytes). */
export function inlineHashes(htmlPages: Iterable<Buffer>): InlineHashes {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const html of htmlPages) {
    for (const [, tag, attributes = '', body] of inlineElements(html)) {
      if (/\ssrc=/.test(attributes) || !body) continue;
      // JSON-LD and other data blocks are never executed, so CSP does not govern them.
      const type = /\stype="([^"]+)"/.exec(attributes)?.[1];
      if (tag === 'script' && type && !/javascript|module/.test(type)) continue;
      (tag === 'script' ? scripts : styles).add(hash(body));
    }
  }
  return { scripts: [...scripts].sort(), styles: [...styles].sort() };
}

/**
 * Takes the hashes from the pages Astro rendered, before the entry-pages integration copies its
 * model pages tens of thousands of times: the copies carry the model's inline code and escaped
 * entry text, never code of their own, so reading them back (8 s at national scale) adds nothing.
 * Registered before entry-pages, whose model pages are gone once it has run.
 */
export function inlineHashFile(): AstroIntegration {
  return {
    name: 'erfarenhetsbanken:inline-hashes',
    hooks: {
      'astro:build:done': ({ assets }) => {
        // Where scripts/build.mjs, which writes `_headers`, wants them.
        const target = process.env.INLINE_HASHES_FILE;
        if (!target) return;
        const pages = function* () {
          for (const url of [...assets.values()].flat()) if (url.pathname.endsWith('.html')) yield fs.readFileSync(fileURLToPath(url));
        };
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, JSON.stringify(inlineHashes(pages())));
      },
    },
  };
}
