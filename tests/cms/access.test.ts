import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'fs';
import path from 'path';
import { buildSite } from '@erfarenhetsbanken/scripts/build-site';
import { exportSnapshot, writeSnapshot } from '@erfarenhetsbanken/scripts/export';
import { BANK_UIDS, PLURAL, startCms, storedState, type TestCms } from '../helpers/cms';

const MARKER = 'UTKASTMARKOR';
let cms: TestCms;
let published: Record<string, string> = {};

const minimal: Record<string, Record<string, unknown>> = {
  'api::theme.theme': { name: 'Tema' },
  'api::method.method': { name: 'Metod' },
  'api::area.area': { name: 'Område', kind: 'district' },
  'api::organisation.organisation': { name: 'Aktör', kind: 'other' },
  'api::source.source': { title: 'Källa', type: 'report' },
  'api::initiative.initiative': { title: 'Insats', summary: 'Sammanfattning.', category: 'other' },
  'api::lesson.lesson': { title: 'Lärdom', type: 'insight', body: 'Text.' },
};

beforeAll(async () => {
  cms = await startCms();
  const docs = (uid: string) => cms.strapi.documents(uid);
  for (const uid of BANK_UIDS) {
    const relations: Record<string, unknown> =
      uid === 'api::lesson.lesson'
        ? { initiatives: [published['api::initiative.initiative']], citations: [{ source: published['api::source.source'], pages: '1' }] }
        : {};
    // A published entry whose newer draft carries the marker …
    const entry = await docs(uid).create({ data: { ...minimal[uid], ...relations, slug: 'publicerad' }, status: 'published' });
    published[uid] = entry.documentId;
    const textField = 'title' in minimal[uid] ? 'title' : 'name';
    await docs(uid).update({ documentId: entry.documentId, data: { [textField]: `${MARKER} nyare utkast` } });
    // … and an entry that was never published.
    await docs(uid).create({ data: { ...minimal[uid], ...relations, [textField]: `${MARKER} opublicerad`, slug: 'opublicerad' } });
  }
});

afterAll(() => cms?.stop());

async function request(method: string, pathname: string, token?: string, body?: unknown) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(`${cms.url}${pathname}`, { method, headers, body: body ? JSON.stringify(body) : undefined });
  return { status: response.status, text: await response.text() };
}

describe('nobody but admins writes', () => {
  for (const [who, token] of [['anonymous', undefined], ['the read-only token', 'read']] as const) {
    it(`${who}: POST, PUT and DELETE are refused on every content type, and nothing changes`, async () => {
      const before = await storedState(cms.strapi);
      const bearer = token && cms.readToken;
      for (const uid of BANK_UIDS) {
        const base = `/api/${PLURAL[uid]}`;
        const id = published[uid];
        const results = [
          await request('POST', base, bearer, { data: minimal[uid] }),
          await request('PUT', `${base}/${id}`, bearer, { data: minimal[uid] }),
          await request('DELETE', `${base}/${id}`, bearer),
        ];
        for (const result of results) expect([401, 403], `${uid}: ${result.text}`).toContain(result.status);
      }
      expect(await storedState(cms.strapi)).toEqual(before);
    });
  }

  it('anonymous requests cannot read the content API either (the public reads the static site)', async () => {
    expect((await request('GET', '/api/initiatives')).status).toBe(401);
  });

  it('a made-up token is refused', async () => {
    expect((await request('GET', '/api/initiatives', 'not-a-token')).status).toBe(401);
  });
});

describe('drafts never reach a non-admin reader', () => {
  it('lists and single entries with the read-only token show only published versions', async () => {
    for (const uid of BANK_UIDS) {
      const list = await request('GET', `/api/${PLURAL[uid]}`, cms.readToken);
      expect(list.status).toBe(200);
      expect(JSON.parse(list.text).data.map((e: any) => e.slug)).toEqual(['publicerad']);
      expect(list.text).not.toContain(MARKER);
      const one = await request('GET', `/api/${PLURAL[uid]}/${published[uid]}`, cms.readToken);
      expect(one.status).toBe(200);
      expect(one.text).not.toContain(MARKER);
    }
  });

  it('a published change is served at once (no stale cached response)', async () => {
    const read = async () => JSON.parse((await request('GET', `/api/themes/${published['api::theme.theme']}`, cms.readToken)).text).data.name;
    const before = await read();
    expect(await read()).toBe(before);
    const themes = cms.strapi.documents('api::theme.theme');
    await themes.update({ documentId: published['api::theme.theme'], data: { name: 'Nytt namn' } });
    expect(await read()).toBe(before);
    await themes.publish({ documentId: published['api::theme.theme'] });
    expect(await read()).toBe('Nytt namn');
    await themes.update({ documentId: published['api::theme.theme'], data: { name: `${MARKER} nyare utkast` } });
  });

  it('asking for drafts explicitly is refused', async () => {
    for (const query of ['status=draft', 'status=DRAFT', 'publicationState=preview', 'status[0]=draft']) {
      const result = await request('GET', `/api/initiatives?${query}`, cms.readToken);
      expect(result.status, query).toBe(403);
      expect(result.text).not.toContain(MARKER);
    }
  });

  it('the export and the site built from it hold no draft', async () => {
    const snapshot = await exportSnapshot({ cmsUrl: cms.url, token: cms.readToken });
    expect(JSON.stringify(snapshot)).not.toContain(MARKER);
    expect(snapshot.initiatives.map((i) => i.slug)).toEqual(['publicerad']);

    const snapshotPath = path.join(cms.tmpDir, 'snapshot.json');
    const outDir = path.join(cms.tmpDir, 'site');
    writeSnapshot(snapshot, snapshotPath);
    await buildSite({ snapshotPath, outDir, quiet: true });
    const files = fs.readdirSync(outDir, { recursive: true }).map(String).filter((f) => fs.statSync(path.join(outDir, f)).isFile());
    expect(files).toContain('insatser/publicerad/index.html');
    expect(files.filter((f) => fs.readFileSync(path.join(outDir, f), 'utf8').includes(MARKER))).toEqual([]);
  }, 300_000);
});
