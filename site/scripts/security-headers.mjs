/**
 * Writes `_headers` (the Netlify / Cloudflare Pages format) into a built site: a strict
 * Content-Security-Policy and the usual security headers. The only inline code Astro emits (the
 * island loader on /sok/ and its one style rule) is allowed by hash, so no 'unsafe-inline' is
 * needed. scripts/src/serve.ts applies the same file, so every host serves the same headers.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const INLINE = /<(script|style)(\s[^>]*)?>([\s\S]*?)<\/\1>/g;
const hash = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Every .html file under dir; entries' types come with the listing, so no stat per file. */
function* htmlFiles(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(file);
    else if (entry.name.endsWith('.html')) yield file;
  }
}

/**
 * The hashes of the inline scripts and styles in the pages under dir. A sharded build takes them
 * in each shard, side by side, over the pages that shard wrote (64,000 pages at national scale
 * took 8 s on one core after the build).
 */
export function inlineHashes(dir) {
  const scripts = new Set();
  const styles = new Set();
  for (const file of htmlFiles(dir)) {
    const html = fs.readFileSync(file, 'utf8');
    if (!html.includes('<script') && !html.includes('<style')) continue;
    for (const [, tag, attributes = '', body] of html.matchAll(INLINE)) {
      if (/\ssrc=/.test(attributes) || !body) continue;
      // JSON-LD and other data blocks are never executed, so CSP does not govern them.
      const type = /\stype="([^"]+)"/.exec(attributes)?.[1];
      if (tag === 'script' && type && !/javascript|module/.test(type)) continue;
      (tag === 'script' ? scripts : styles).add(hash(body));
    }
  }
  return { scripts: [...scripts].sort(), styles: [...styles].sort() };
}

/** The union of several inlineHashes() results. */
export function mergeHashes(all) {
  const union = (key) => [...new Set(all.flatMap((hashes) => hashes[key]))].sort();
  return { scripts: union('scripts'), styles: union('styles') };
}

export function securityHeaders({ scripts, styles }) {
  const csp = [
    "default-src 'self'",
    `script-src 'self' ${scripts.join(' ')}`.trim(),
    `style-src 'self' ${styles.join(' ')}`.trim(),
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

export function writeHeadersFile(dir, hashes = inlineHashes(dir)) {
  const lines = Object.entries(securityHeaders(hashes)).map(([name, value]) => `  ${name}: ${value}`);
  fs.writeFileSync(path.join(dir, '_headers'), `/*\n${lines.join('\n')}\n`);
}
