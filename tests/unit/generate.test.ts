import path from 'path';
import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, COLLECTIONS, parseSnapshot, type Snapshot } from '@erfarenhetsbanken/shared-types';
import { generateBank } from '@erfarenhetsbanken/scripts/generate/bank';
import { readModels } from '../../cms/src/seed/models';
import { entryErrors, publishErrors } from '../../cms/src/validation/rules';
import { ROOT } from '../helpers/paths';

const N = 1000;
const bank = generateBank({ initiatives: N, seed: 7 });
const uidOf = (collection: string) => `api::${(COLLECTIONS as any)[collection]}.${(COLLECTIONS as any)[collection]}`;

describe('the synthetic bank generator', () => {
  it('gives a byte-identical bank for the same size and seed, and another for another seed', () => {
    expect(JSON.stringify(generateBank({ initiatives: 200, seed: 3 }))).toBe(JSON.stringify(generateBank({ initiatives: 200, seed: 3 })));
    expect(JSON.stringify(generateBank({ initiatives: 200, seed: 4 }))).not.toBe(JSON.stringify(generateBank({ initiatives: 200, seed: 3 })));
    expect(generateBank({ initiatives: 5, seed: 1 }).generatedAt).toBe(generateBank({ initiatives: 5, seed: 1 }).generatedAt);
  });

  it('has about five lessons per initiative and the other types in proportion', () => {
    expect(bank.initiatives).toHaveLength(N);
    expect(bank.lessons.length / N).toBeGreaterThan(4.5);
    expect(bank.lessons.length / N).toBeLessThan(5.5);
    expect(bank.themes.length).toBeGreaterThanOrEqual(20);
    expect(bank.themes.length).toBeLessThanOrEqual(40);
    expect(bank.methods.length).toBeGreaterThanOrEqual(50);
    expect(bank.methods.length).toBeLessThanOrEqual(100);
    expect(bank.areas).toHaveLength(N / 20);
    expect(bank.organisations).toHaveLength(N / 10);
    expect(bank.sources).toHaveLength(N / 5);
  });

  it('passes the snapshot contract, with every lesson tied to an initiative, 1–3 themes and 1–2 citations', () => {
    expect(() => parseSnapshot(JSON.parse(JSON.stringify(bank)))).not.toThrow();
    for (const lesson of bank.lessons) {
      expect(lesson.initiatives.length).toBeGreaterThanOrEqual(1);
      expect(lesson.themes.length).toBeGreaterThanOrEqual(1);
      expect(lesson.themes.length).toBeLessThanOrEqual(3);
      expect(lesson.citations.length).toBeGreaterThanOrEqual(1);
      expect(lesson.citations.length).toBeLessThanOrEqual(2);
    }
  });

  it('breaks none of the rules the CMS enforces on stored and published entries', () => {
    const models = readModels(path.join(ROOT, 'cms/src'));
    const modelOf = (uid: string) => models[uid].attributes;
    const problems: string[] = [];
    for (const collection of COLLECTION_NAMES) {
      for (const item of bank[collection] as any[]) {
        const errors = [...entryErrors(uidOf(collection), item, modelOf, true), ...publishErrors(uidOf(collection), item)];
        problems.push(...errors.map((e) => `${collection} "${item.slug}": ${e.message}`));
      }
    }
    expect(problems).toEqual([]);
  });

  it('has unique, visibly synthetic slugs and says it is synthetic', () => {
    const all = COLLECTION_NAMES.flatMap((c) => (bank[c] as { slug: string }[]).map((i) => i.slug));
    for (const collection of COLLECTION_NAMES) {
      const slugs = (bank[collection] as { slug: string }[]).map((i) => i.slug);
      expect(new Set(slugs).size, collection).toBe(slugs.length);
    }
    expect(all.filter((slug) => !slug.startsWith('syn-'))).toEqual([]);
    expect(bank.sources.every((s) => s.title.startsWith('Syntetisk') && /Syntetisk/.test(s.notes ?? ''))).toBe(true);
    expect(bank.initiatives.every((i) => /Syntetisk/.test(i.notes ?? ''))).toBe(true);
  });

  it('builds the area hierarchy municipality → district → neighbourhood', () => {
    const kindOf = new Map(bank.areas.map((a) => [a.slug, a.kind]));
    const expectedParent: Record<string, string | null> = { municipality: null, district: 'municipality', neighbourhood: 'district' };
    for (const area of bank.areas) expect(area.parent ? kindOf.get(area.parent) : null, area.slug).toBe(expectedParent[area.kind]);
    expect(new Set(bank.areas.map((a) => a.kind))).toEqual(new Set(['municipality', 'district', 'neighbourhood']));
  });

  it('writes Swedish text of realistic length with a varied vocabulary', () => {
    const lengths = (texts: (string | null)[]) => texts.map((t) => t?.length ?? 0);
    expect(Math.min(...lengths(bank.initiatives.map((i) => i.description)))).toBeGreaterThanOrEqual(800);
    expect(Math.max(...lengths(bank.initiatives.map((i) => i.description)))).toBeLessThanOrEqual(1500);
    expect(Math.min(...lengths(bank.lessons.map((l) => l.body)))).toBeGreaterThanOrEqual(400);
    expect(Math.max(...lengths(bank.lessons.map((l) => l.body)))).toBeLessThanOrEqual(900);
    expect(bank.initiatives.every((i) => i.goals && i.outcomes && i.summary.length > 100)).toBe(true);
    const words = new Set(JSON.stringify(bank satisfies Snapshot).toLowerCase().match(/[a-zåäö]{3,}/g));
    expect(words.size).toBeGreaterThan(2000);
    expect([...words].filter((w) => /[åäö]/.test(w)).length).toBeGreaterThan(500);
  });
});
