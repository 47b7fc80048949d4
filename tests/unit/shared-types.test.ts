import fs from 'fs';
import { describe, expect, it } from 'vitest';
import { ENUMS, LABELS, parseSnapshot } from '@erfarenhetsbanken/shared-types';
import { generate, GENERATED_FILE } from '../../shared-types/scripts/generate';

const item = { publishedAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
const snapshot = () => ({
  generatedAt: '2026-01-01T00:00:00.000Z',
  initiatives: [{ ...item, title: 'Insats', slug: 'insats', summary: 'S', description: null, category: 'other', startYear: 2001, endYear: 2003, periodNote: null, municipality: null, funding: null, amountSek: null, goals: null, outcomes: null, notes: null, areas: [], participants: [], funders: [], methods: [], themes: ['tema'], sources: ['kalla'], predecessors: [] }],
  lessons: [{ ...item, title: 'Lärdom', slug: 'lardom', type: 'obstacle', body: 'Text', evidenceKind: null, initiatives: ['insats'], themes: [], methods: [], citations: [{ source: 'kalla', pages: '3', quote: null }] }],
  sources: [{ ...item, title: 'Källa', slug: 'kalla', authors: null, publisher: null, year: null, type: 'report', url: null, isbn: null, notes: null }],
  areas: [],
  organisations: [],
  methods: [],
  themes: [{ ...item, name: 'Tema', slug: 'tema', description: null }],
});

describe('shared-types', () => {
  it('is generated from the current Strapi schemas (no drift)', () => {
    expect(fs.readFileSync(GENERATED_FILE, 'utf8')).toBe(generate());
  });

  it('has a Swedish label for every enumeration value', () => {
    const pairs: [readonly string[], Record<string, string>][] = [
      [ENUMS.initiative.category, LABELS.initiativeCategory],
      [ENUMS.lesson.type, LABELS.lessonType],
      [ENUMS.lesson.evidenceKind, LABELS.evidenceKind],
      [ENUMS.source.type, LABELS.sourceType],
      [ENUMS.area.kind, LABELS.areaKind],
      [ENUMS.organisation.kind, LABELS.organisationKind],
    ];
    for (const [values, labels] of pairs) expect(Object.keys(labels).sort()).toEqual([...values].sort());
  });

  it('accepts a valid snapshot', () => {
    expect(parseSnapshot(snapshot()).lessons[0].citations[0].source).toBe('kalla');
  });

  const broken: [string, (s: any) => void, RegExp][] = [
    ['a lesson without initiatives', (s) => (s.lessons[0].initiatives = []), /lessons "lardom": initiatives: a published lesson needs at least one published initiative/],
    ['a lesson without citations', (s) => (s.lessons[0].citations = []), /lessons "lardom": citations: a published lesson needs at least one citation/],
    ['an end year before the start year', (s) => (s.initiatives[0].endYear = 1999), /initiatives "insats": endYear: endYear is before startYear/],
    ['an unknown enum value', (s) => (s.sources[0].type = 'blog'), /sources "kalla": type: Invalid option/],
    ['a relation to a missing entry', (s) => (s.initiatives[0].themes = ['saknas']), /initiatives "insats": themes: no published themes "saknas"/],
    ['a citation of a missing source', (s) => (s.lessons[0].citations[0].source = 'saknas'), /lessons "lardom": citations.0.source: no published sources "saknas"/],
    ['a malformed slug', (s) => (s.themes[0].slug = 'Tema X'), /themes "Tema X": slug: must be a lower-case slug/],
  ];
  for (const [what, change, message] of broken) {
    it(`rejects ${what}, naming entry and field`, () => {
      const s = snapshot();
      change(s);
      expect(() => parseSnapshot(s)).toThrow(message);
    });
  }
});
