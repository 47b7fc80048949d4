import fs from 'fs';
import path from 'path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { SEED_DIR } from '../helpers/paths';
import { publishedOnly, readSeed } from '../helpers/seed-files';

const DOCS_DIR = path.join(SEED_DIR, 'documents');
const documents: { file: string; source: string }[] = YAML.parse(fs.readFileSync(path.join(DOCS_DIR, 'index.yaml'), 'utf8'));
const seed = readSeed();
const words = (text: string) => text.toLowerCase().match(/\p{L}+|\d+/gu) ?? [];

/**
 * The pages a transcript holds: after the "Transkript" line, every page is a line that starts
 * with its page number. A document without that structure is an unpaginated web page: page 1.
 */
function transcribedPages(text: string): Set<number> {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim() === 'Transkript');
  if (start < 0) return new Set([1]);
  const pages = new Set<number>();
  for (const line of lines.slice(start + 1).filter((l) => l.trim())) {
    const match = /^(\d+)(\s|$)/.exec(line);
    if (!match || Number(match[1]) !== pages.size + 1) break;
    pages.add(Number(match[1]));
  }
  return pages;
}

/** "17", "17–18", "17-18", "17, 19", "s. 17": every page number a citation names. */
function citedPages(pages: string): number[] {
  const out: number[] = [];
  for (const part of pages.split(/[,;]/)) {
    const [from, to] = (part.match(/\d+/g) ?? []).map(Number);
    if (from === undefined) continue;
    for (let p = from; p <= (to ?? from); p += 1) out.push(p);
  }
  return out;
}

describe('the seed content', () => {
  it('meets the size targets, and prints its counts', () => {
    const counts = Object.fromEntries(Object.entries(seed).map(([type, entries]) => [type, entries.length]));
    const byType = Object.fromEntries(['success_factor', 'obstacle', 'insight', 'recommendation'].map((t) => [t, seed.lessons.filter((l) => l.type === t).length]));
    console.log(`seed counts: ${JSON.stringify(counts)}; lessons by type: ${JSON.stringify(byType)}`);
    expect(counts.initiatives).toBeGreaterThanOrEqual(25);
    expect(counts.lessons).toBeGreaterThanOrEqual(120);
    expect(counts.sources).toBeGreaterThanOrEqual(12);
    expect(counts.areas).toBeGreaterThanOrEqual(15);
    expect(counts.organisations).toBeGreaterThanOrEqual(25);
    expect(counts.methods).toBeGreaterThanOrEqual(10);
    expect(counts.themes).toBeGreaterThanOrEqual(10);
    expect(byType.success_factor).toBeGreaterThan(0);
    expect(byType.obstacle).toBeGreaterThan(0);
  });

  it('names the five source documents as sources', () => {
    const sources = new Set(seed.sources.map((s) => s.slug));
    expect(documents).toHaveLength(5);
    for (const { source } of documents) expect(sources, source).toContain(source);
  });

  it('cites every lesson to an existing source, and seed documents only on pages they hold', () => {
    const sources = new Set(publishedOnly(seed.sources).map((s) => s.slug));
    const pagesOf = new Map(documents.map((d) => [d.source, transcribedPages(fs.readFileSync(path.join(DOCS_DIR, d.file), 'utf8'))]));
    expect(pagesOf.get('forstudie-innovationsforum-2011')!.size).toBe(20);
    for (const lesson of seed.lessons) {
      expect(lesson.citations?.length, lesson.slug).toBeGreaterThan(0);
      for (const citation of lesson.citations) {
        expect(sources, `${lesson.slug} cites ${citation.source}`).toContain(citation.source);
        const held = pagesOf.get(citation.source);
        if (!held) continue;
        expect(citedPages(String(citation.pages ?? '')).length, `${lesson.slug}: pages "${citation.pages}"`).toBeGreaterThan(0);
        for (const page of citedPages(String(citation.pages))) expect(held.has(page), `${lesson.slug} cites ${citation.source} p. ${page}`).toBe(true);
      }
    }
  });

  it('gives every initiative a lesson, or a note saying why not', () => {
    const withLessons = new Set(seed.lessons.flatMap((l) => l.initiatives));
    const bare = seed.initiatives.filter((i) => !withLessons.has(i.slug) && !i.notes);
    expect(bare.map((i) => i.slug)).toEqual([]);
  });

  it('quotes verbatim and briefly', () => {
    const corpus = documents.map((d) => fs.readFileSync(path.join(DOCS_DIR, d.file), 'utf8').replace(/\s+/g, ' ')).join(' ');
    for (const lesson of seed.lessons) {
      for (const { quote } of lesson.citations.filter((c: any) => c.quote)) {
        expect(words(quote).length, `${lesson.slug}: quote too long`).toBeLessThanOrEqual(30);
        expect(corpus.includes(quote.replace(/\s+/g, ' ').replace(/^[„"”]|[„"”]$/g, '')), `${lesson.slug}: quote not found verbatim: ${quote}`).toBe(true);
      }
    }
  });

  it('writes in its own words: no text outside quotes shares 12 consecutive words with a seed document', () => {
    const RUN = 12;
    const grams = new Set<string>();
    for (const { file } of documents) {
      const w = words(fs.readFileSync(path.join(DOCS_DIR, file), 'utf8'));
      for (let i = 0; i + RUN <= w.length; i += 1) grams.add(w.slice(i, i + RUN).join(' '));
    }
    const copied: string[] = [];
    const visit = (where: string, value: unknown, key = ''): void => {
      if (key === 'quote' || key === 'slug' || key === 'url') return;
      if (typeof value === 'string') {
        const w = words(value);
        for (let i = 0; i + RUN <= w.length; i += 1) {
          if (grams.has(w.slice(i, i + RUN).join(' '))) copied.push(`${where}.${key}: "${w.slice(i, i + RUN).join(' ')}"`);
        }
      } else if (Array.isArray(value)) value.forEach((v, i) => visit(`${where}.${key}[${i}]`, v));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(where, v, k);
    };
    for (const [type, entries] of Object.entries(seed)) {
      for (const entry of entries) {
        // A source's title is the document's own name and must stay verbatim.
        visit(`${type} ${entry.slug}`, type === 'sources' ? { ...entry, title: undefined } : entry);
      }
    }
    expect(copied).toEqual([]);
  });
});
