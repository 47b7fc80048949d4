import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, COLLECTIONS, type Snapshot } from '@erfarenhetsbanken/shared-types';
import { exportSnapshot } from '@erfarenhetsbanken/scripts/export';
import { generateBank } from '@erfarenhetsbanken/scripts/generate/bank';
import { bulkLoad } from '@erfarenhetsbanken/scripts/generate/bulk-load';
import { MAX_CACHED_ENTRIES } from '../../cms/src/content-api/published-read';
import { startCms, type TestCms } from '../helpers/cms';

const uidOf = (collection: string) => `api::${(COLLECTIONS as any)[collection]}.${(COLLECTIONS as any)[collection]}`;
const withoutGeneratedAt = ({ generatedAt, ...rest }: Snapshot) => rest;

describe('bulk load of a synthetic bank', () => {
  let cms: TestCms;
  const bank = generateBank({ initiatives: 30, seed: 5 });
  const exportNow = () => exportSnapshot({ cmsUrl: cms.url, token: cms.readToken });

  beforeAll(async () => {
    cms = await startCms();
  });
  afterAll(() => cms?.stop());

  it('loads into an empty CMS, and the export gives back exactly the generated bank', async () => {
    // An export of the empty bank first: its cached responses must not outlive the load.
    expect((await exportNow()).lessons).toEqual([]);
    await bulkLoad(cms.strapi, bank);
    expect(withoutGeneratedAt(await exportNow())).toEqual(withoutGeneratedAt(bank));
  });

  it('stores what Draft & Publish stores: a draft and a published row per document', async () => {
    for (const collection of COLLECTION_NAMES) {
      const rows = await cms.strapi.db.query(uidOf(collection)).findMany({ select: ['documentId', 'publishedAt', 'locale'] });
      expect(rows.filter((r: any) => r.publishedAt === null)).toHaveLength(bank[collection].length);
      expect(rows.filter((r: any) => r.publishedAt !== null)).toHaveLength(bank[collection].length);
      expect(new Set(rows.map((r: any) => r.documentId)).size).toBe(bank[collection].length);
    }
    const lesson = bank.lessons[0];
    const draft = await cms.strapi.documents('api::lesson.lesson').findFirst({
      filters: { slug: lesson.slug },
      status: 'draft',
      populate: { initiatives: { fields: ['slug', 'publishedAt'] }, citations: { populate: { source: { fields: ['slug', 'publishedAt'] } } } },
    });
    expect(draft.initiatives.map((i: any) => [i.slug, i.publishedAt])).toEqual(lesson.initiatives.map((slug) => [slug, null]));
    expect(draft.citations.map((c: any) => [c.source.slug, c.source.publishedAt, c.pages])).toEqual(lesson.citations.map((c) => [c.source, null, c.pages]));
  });

  it('refuses a second load into a bank that already has entries', async () => {
    await expect(bulkLoad(cms.strapi, generateBank({ initiatives: 2, seed: 9 }))).rejects.toThrow(/Refusing to bulk-load: the CMS database already holds entries \(themes: \d+ rows/);
    expect(withoutGeneratedAt(await exportNow())).toEqual(withoutGeneratedAt(bank));
  });

  it('lets an editor change and publish a bulk-loaded lesson through the Document Service', async () => {
    const lessons = cms.strapi.documents('api::lesson.lesson');
    const target = bank.lessons[3];
    const { documentId } = await lessons.findFirst({ filters: { slug: target.slug }, status: 'draft' });
    const title = 'Syntetisk lärdom, ändrad av en redaktör';
    await lessons.update({ documentId, data: { title } });
    await lessons.publish({ documentId });
    const exported = await exportNow();
    const item = exported.lessons.find((l) => l.slug === target.slug)!;
    const { publishedAt, updatedAt, ...rest } = item;
    const { publishedAt: _p, updatedAt: _u, ...expected } = target;
    expect(rest).toEqual({ ...expected, title });
    expect(exported.lessons.filter((l) => l.slug !== target.slug)).toEqual(bank.lessons.filter((l) => l.slug !== target.slug));
  });

  it('reads a collection of more than ten pages in id ranges, and gets every entry exactly once', async () => {
    // Pages of a handful of entries put every collection but the smallest on the ranged path;
    // the lesson the editor just published has the highest id, at the edge of the last range.
    const ranged = await exportSnapshot({ cmsUrl: cms.url, token: cms.readToken, pageSize: 3, largePageSize: 7, concurrency: 4 });
    expect(withoutGeneratedAt(ranged)).toEqual(withoutGeneratedAt(await exportNow()));
  });

  it('serves bulk pages fresh rather than caching them, and caches small pages', async () => {
    const [lesson] = await cms.strapi.db.query('api::lesson.lesson').findMany({ where: { publishedAt: { $notNull: true } }, orderBy: { id: 'asc' }, limit: 1 });
    const titles = async (size: number) => {
      const response = await fetch(`${cms.url}/api/lessons?sort=id:asc&pagination[pageSize]=${size}`, { headers: { Authorization: `Bearer ${cms.readToken}` } });
      return (await response.json()).data.map((l: any) => l.title);
    };
    const small = await titles(10);
    const large = await titles(MAX_CACHED_ENTRIES + 1);
    // Behind the CMS's back, so no write event clears the cache: only what was cached stays old.
    await cms.strapi.db.query('api::lesson.lesson').update({ where: { id: lesson.id }, data: { title: 'Ändrad i databasen' } });
    expect((await titles(10))[0]).toBe(small[0]);
    expect(large).toHaveLength(MAX_CACHED_ENTRIES + 1);
    expect(large[0]).toBe(small[0]);
    expect((await titles(MAX_CACHED_ENTRIES + 1))[0]).toBe('Ändrad i databasen');
  });
});
