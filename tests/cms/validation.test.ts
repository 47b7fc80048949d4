import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient, startCms, storedState, type TestCms } from '../helpers/cms';

const CM = '/content-manager/collection-types';
const INITIATIVE = 'api::initiative.initiative';
const LESSON = 'api::lesson.lesson';
const SOURCE = 'api::source.source';
const AREA = 'api::area.area';

let cms: TestCms;
let admin: Awaited<ReturnType<typeof adminClient>>;
let initiative: { documentId: string };
let source: { documentId: string };

const validInitiative = { title: 'Testinsats', slug: 'testinsats', summary: 'En insats för tester.', category: 'municipal_project', startYear: 2001, endYear: 2004 };

/** The write must answer 400, name the field in the message and in the error details, and change nothing stored. */
async function expectRejected(write: () => Promise<{ status: number; body: any }>, field: string) {
  const before = await storedState(cms.strapi);
  const { status, body } = await write();
  expect(status, JSON.stringify(body)).toBe(400);
  expect(body.error.message).toContain(field);
  expect(body.error.details.errors.map((e: any) => e.path.join('.'))).toContain(field);
  expect(await storedState(cms.strapi)).toEqual(before);
}

beforeAll(async () => {
  cms = await startCms();
  admin = await adminClient(cms);
  initiative = (await admin('POST', `${CM}/${INITIATIVE}/actions/publish`, validInitiative)).body.data;
  source = (await admin('POST', `${CM}/${SOURCE}/actions/publish`, { title: 'Testkälla', slug: 'testkalla', type: 'report', url: 'https://example.org/rapport' })).body.data;
  expect(initiative.documentId).toBeTruthy();
  expect(source.documentId).toBeTruthy();
});

afterAll(() => cms?.stop());

describe('validation in the CMS (admin API, the path the admin panel uses)', () => {
  it('requires the required fields when publishing', async () => {
    await expectRejected(() => admin('POST', `${CM}/${INITIATIVE}/actions/publish`, { ...validInitiative, slug: 'utan-titel', title: null }), 'title');
    await expectRejected(() => admin('POST', `${CM}/${INITIATIVE}/actions/publish`, { ...validInitiative, slug: 'utan-kategori', category: null }), 'category');
  });

  it('accepts only URL-safe slugs', async () => {
    await expectRejected(() => admin('POST', `${CM}/${AREA}`, { name: 'Rosengård', slug: 'Rosengård centrum', kind: 'district' }), 'slug');
  });

  it('keeps the site\'s own list pages out of the initiative slugs', async () => {
    await expectRejected(() => admin('POST', `${CM}/${INITIATIVE}`, { ...validInitiative, slug: 'kategori' }), 'slug');
  });

  it('keeps slugs unique', async () => {
    await expectRejected(() => admin('POST', `${CM}/${INITIATIVE}`, { ...validInitiative, title: 'Annan insats' }), 'slug');
  });

  it('keeps years within 1900–2100', async () => {
    await expectRejected(() => admin('POST', `${CM}/${INITIATIVE}`, { ...validInitiative, slug: 'for-tidig', startYear: 1850 }), 'startYear');
    await expectRejected(() => admin('POST', `${CM}/${SOURCE}`, { title: 'Framtida källa', slug: 'framtida', type: 'report', year: 2101 }), 'year');
  });

  it('rejects an end year before the start year, on create and on update', async () => {
    await expectRejected(() => admin('POST', `${CM}/${INITIATIVE}`, { ...validInitiative, slug: 'baklanges', startYear: 2005, endYear: 2001 }), 'endYear');
    await expectRejected(() => admin('PUT', `${CM}/${INITIATIVE}/${initiative.documentId}`, { endYear: 1999 }), 'endYear');
  });

  it('requires well-formed URLs', async () => {
    await expectRejected(() => admin('PUT', `${CM}/${SOURCE}/${source.documentId}`, { url: 'inte en adress' }), 'url');
    await expectRejected(() => admin('POST', `${CM}/api::organisation.organisation`, { name: 'Aktör', slug: 'aktor', kind: 'other', url: 'javascript:alert(1)' }), 'url');
  });

  it('does not publish a lesson without an initiative or without a cited source', async () => {
    const lesson = { title: 'En lärdom', type: 'insight', body: 'Text.' };
    const citation = { source: { connect: [{ documentId: source.documentId }] }, pages: '3' };
    await expectRejected(
      () => admin('POST', `${CM}/${LESSON}/actions/publish`, { ...lesson, slug: 'utan-insats', citations: [citation] }),
      'initiatives',
    );
    await expectRejected(
      () => admin('POST', `${CM}/${LESSON}/actions/publish`, { ...lesson, slug: 'utan-kalla', initiatives: { connect: [{ documentId: initiative.documentId }] } }),
      'citations',
    );
    await expectRejected(
      () =>
        admin('POST', `${CM}/${LESSON}/actions/publish`, {
          ...lesson,
          slug: 'kalla-saknas',
          initiatives: { connect: [{ documentId: initiative.documentId }] },
          citations: [{ pages: '3' }],
        }),
      'citations.0.source',
    );
  });

  it('does publish a lesson with an initiative and a cited source, and saves an incomplete draft', async () => {
    const { status, body } = await admin('POST', `${CM}/${LESSON}/actions/publish`, {
      title: 'En belagd lärdom',
      slug: 'belagd',
      type: 'success_factor',
      body: 'Text.',
      initiatives: { connect: [{ documentId: initiative.documentId }] },
      citations: [{ source: { connect: [{ documentId: source.documentId }] }, pages: '3' }],
    });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.data.publishedAt).toBeTruthy();
    const draft = await admin('POST', `${CM}/${LESSON}`, { title: 'Halvfärdig', slug: 'halvfardig', type: 'insight', body: 'Utkast.' });
    expect(draft.status).toBe(201);
  });
});
