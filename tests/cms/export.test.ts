import fs from 'fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseSnapshot, type Snapshot } from '@erfarenhetsbanken/shared-types';
import { exportSnapshot } from '@erfarenhetsbanken/scripts/export';
import { seedBank } from '../../cms/src/seed/load';
import { startCms, touchDraft, type TestCms } from '../helpers/cms';
import { SEED_DIR } from '../helpers/paths';
import { publishedOnly, readSeed } from '../helpers/seed-files';

const FIELDS: Record<string, string[]> = {
  'api::initiative.initiative': ['title', 'slug', 'summary', 'description', 'category', 'startYear', 'endYear', 'periodNote', 'municipality', 'funding', 'amountSek', 'goals', 'outcomes', 'notes', 'areas', 'participants', 'funders', 'methods', 'themes', 'sources', 'predecessors'],
  'api::lesson.lesson': ['title', 'slug', 'type', 'body', 'evidenceKind', 'initiatives', 'themes', 'methods', 'citations'],
  'api::source.source': ['title', 'slug', 'authors', 'publisher', 'year', 'type', 'url', 'isbn', 'notes'],
  'api::area.area': ['name', 'slug', 'municipality', 'kind', 'description', 'parent'],
  'api::organisation.organisation': ['name', 'slug', 'kind', 'description', 'url'],
  'api::method.method': ['name', 'slug', 'description'],
  'api::theme.theme': ['name', 'slug', 'description'],
};

/** What the snapshot must hold for a seed entry: its fields as the file states them, absent ones null. */
function expectedItem(seedEntry: Record<string, any>, snapshotItem: Record<string, any>) {
  const out: Record<string, any> = {};
  for (const key of Object.keys(snapshotItem)) {
    if (key === 'publishedAt' || key === 'updatedAt') continue;
    const value = seedEntry[key];
    if (key === 'citations') out[key] = (value ?? []).map((c: any) => ({ source: c.source, pages: c.pages ?? null, quote: c.quote ?? null }));
    else if (Array.isArray(snapshotItem[key])) out[key] = [...(value ?? [])].sort();
    else out[key] = value ?? null;
  }
  return out;
}

function comparable(item: Record<string, any>) {
  const { publishedAt, updatedAt, ...rest } = item;
  return Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, Array.isArray(v) && typeof v[0] !== 'object' ? [...v].sort() : v]));
}



describe('content model', () => {
  let cms: TestCms;
  beforeAll(async () => {
    cms = await startCms();
  });
  afterAll(() => cms?.stop());

  it('runs on the database this pass is for', () => {
    expect(cms.strapi.db.config.connection.client).toBe(process.env.EB_DATABASE === 'postgres' ? 'postgres' : 'sqlite');
  });

  it('registers the seven content types with their fields, Draft & Publish on, Swedish names', () => {
    for (const [uid, fields] of Object.entries(FIELDS)) {
      const model = cms.strapi.contentTypes[uid];
      expect(model, uid).toBeDefined();
      expect(model.options.draftAndPublish).toBe(true);
      expect(model.info.displayName).toMatch(/^[A-ZÅÄÖ][a-zåäö]+$/);
      for (const field of fields) expect(Object.keys(model.attributes), `${uid}.${field}`).toContain(field);
    }
    expect(Object.keys(cms.strapi.components['shared.citation'].attributes)).toEqual(expect.arrayContaining(['source', 'pages', 'quote']));
  });

  it('shows the admin panel Swedish field labels', async () => {
    const config = await cms.strapi.plugin('content-manager').service('content-types').findConfiguration(cms.strapi.contentTypes['api::initiative.initiative']);
    expect(config.metadatas.startYear.edit.label).toBe('Startår');
    expect(config.metadatas.participants.edit.label).toBe('Deltagande aktörer');
  });

  it('serves seeded entries through the REST API with their relations', async () => {
    await seedBank(cms.strapi, SEED_DIR);
    const seed = readSeed();
    const blomman = seed.initiatives.find((i) => i.slug === 'blommanpengarna');
    const response = await fetch(`${cms.url}/api/initiatives?filters[slug][$eq]=blommanpengarna`, { headers: { Authorization: `Bearer ${cms.readToken}` } });
    const [entry] = (await response.json()).data;
    expect(entry.title).toBe(blomman.title);
    expect(entry.areas.map((a: any) => a.slug).sort()).toEqual([...blomman.areas].sort());
    expect(entry.themes.map((t: any) => t.slug).sort()).toEqual([...blomman.themes].sort());
  });

  it('refuses to unpublish the only initiative of a published lesson, naming the lesson', async () => {
    const seed = readSeed();
    const lesson = seed.lessons.find((l) => l.initiatives.length === 1)!;
    const initiatives = cms.strapi.documents('api::initiative.initiative');
    const initiative = await initiatives.findFirst({ filters: { slug: lesson.initiatives[0] } });
    await expect(initiatives.unpublish({ documentId: initiative.documentId })).rejects.toThrow(new RegExp(`initiatives .*"${lesson.slug}"`));
    await expect(initiatives.delete({ documentId: initiative.documentId })).rejects.toThrow(new RegExp(`"${lesson.slug}"`));
    const source = await cms.strapi.documents('api::source.source').findFirst({ filters: { slug: lesson.citations[0].source } });
    await expect(cms.strapi.documents('api::source.source').unpublish({ documentId: source.documentId })).rejects.toThrow(/citations .*citerar källan/);
    expect(await initiatives.findFirst({ filters: { slug: lesson.initiatives[0] }, status: 'published' })).toBeTruthy();
  });

  it('fails the export, naming entry and field, when stored content breaks the contract', async () => {
    // The CMS refuses such writes; this is damage from outside it (a hand-edited database, say).
    const [lesson] = await cms.strapi.db.query('api::lesson.lesson').findMany({ where: { publishedAt: { $notNull: true } }, limit: 1 });
    await cms.strapi.db.query('api::lesson.lesson').update({ where: { id: lesson.id }, data: { type: 'rykte' } });
    // The API serves cached responses until the next write through the CMS: an editor saves a draft.
    await touchDraft(cms.strapi);
    await expect(exportSnapshot({ cmsUrl: cms.url, token: cms.readToken })).rejects.toThrow(new RegExp(`lessons "${lesson.slug}": type: Invalid option`));
  });
});

describe('the export of the seeded bank', () => {
  let snapshot: Snapshot;
  beforeAll(() => {
    snapshot = JSON.parse(fs.readFileSync(inject('snapshotPath'), 'utf8'));
  });

  it('validates against the shared-types schemas', () => {
    expect(() => parseSnapshot(snapshot)).not.toThrow();
  });

  it('contains every published seed entry with all its fields and relations, and nothing else', () => {
    const seed = readSeed();
    for (const [collection, entries] of Object.entries(seed)) {
      const items = (snapshot as any)[collection] as any[];
      const published = publishedOnly(entries);
      expect(items.map((i) => i.slug).sort(), collection).toEqual(published.map((e) => e.slug).sort());
      for (const entry of published) {
        const item = items.find((i) => i.slug === entry.slug);
        expect(comparable(item), `${collection} ${entry.slug}`).toEqual(expectedItem(entry, item));
      }
    }
  });
});
