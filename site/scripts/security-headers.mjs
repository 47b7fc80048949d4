/**
 * Writes `_headers` (the Netlify / Cloudflare Pages format) into a built site: a strict
 * Content-Security-Policy and the usual security headers. The only inline code Astro emits (the
 * island loader on /sok/ and its one style rule) is allowed by hash, so no 'unsafe-inline' is
 * needed. scripts/src/serve.ts applies the same file, so every host serves the same headers.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The union of several builds' inline hashes (src/integrations/inline-hashes.ts). */
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

export function writeHeadersFile(dir, hashes) {
  const lines = Object.entries(securityHeaders(hashes)).map(([name, value]) => `  ${name}: ${value}`);
  fs.writeFileSync(path.join(dir, '_headers'), `/*\n${lines.join('\n')}\n`);
}
