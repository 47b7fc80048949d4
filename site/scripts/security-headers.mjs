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

function inlineHashes(dir) {
  const scripts = new Set();
  const styles = new Set();
  for (const file of fs.readdirSync(dir, { recursive: true })) {
    if (!String(file).endsWith('.html')) continue;
    for (const [, tag, attributes = '', body] of fs.readFileSync(path.join(dir, String(file)), 'utf8').matchAll(INLINE)) {
      if (/\ssrc=/.test(attributes) || !body) continue;
      // JSON-LD and other data blocks are never executed, so CSP does not govern them.
      const type = /\stype="([^"]+)"/.exec(attributes)?.[1];
      if (tag === 'script' && type && !/javascript|module/.test(type)) continue;
      (tag === 'script' ? scripts : styles).add(hash(body));
    }
  }
  return { scripts: [...scripts].sort(), styles: [...styles].sort() };
}

export function securityHeaders(dir) {
  const { scripts, styles } = inlineHashes(dir);
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

export function writeHeadersFile(dir) {
  const lines = Object.entries(securityHeaders(dir)).map(([name, value]) => `  ${name}: ${value}`);
  fs.writeFileSync(path.join(dir, '_headers'), `/*\n${lines.join('\n')}\n`);
}
