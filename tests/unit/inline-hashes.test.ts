import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineHashes } from '../../site/src/integrations/inline-hashes';

const sha = (text: string) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const pages = (...html: string[]) => html.map((h) => Buffer.from(h, 'utf8'));

describe('CSP hashes of inline code (site/src/integrations/inline-hashes.ts)', () => {
  it('hashes inline scripts and styles wherever they stand in the page, non-ASCII included', () => {
    const hashes = inlineHashes(
      pages('<style>a{}</style><p>text</p>', '<!DOCTYPE html><p>å</p><script type="module">sök("ä")</script><style>b{}</style>', '<script>x()</script>'),
    );
    expect(hashes).toEqual({ scripts: [sha('sök("ä")'), sha('x()')].sort(), styles: [sha('a{}'), sha('b{}')].sort() });
  });

  it('leaves out external scripts, data blocks, empty and unclosed elements', () => {
    const hashes = inlineHashes(
      pages('<script src="/a.js"></script>', '<script type="application/ld+json">{"a":1}</script>', '<style></style>', '<scriptx>no</scriptx><style>c{}', '<style>d{}</style>'),
    );
    expect(hashes).toEqual({ scripts: [], styles: [sha('d{}')] });
  });

  it('reads a style inside a script as part of the script, as a browser does', () => {
    expect(inlineHashes(pages('<script>e<style>f</style></script>'))).toEqual({ scripts: [sha('e<style>f</style>')], styles: [] });
  });
});
