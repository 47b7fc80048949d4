import fs from 'fs';
import os from 'os';
import path from 'path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { buildSite, readSnapshot } from '../helpers/site';

/** The site reads the snapshot through the shared-types schemas: a mismatch must stop the build. */
describe('a snapshot that breaks the contract', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-contract-'));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  async function buildWith(name: string, mutate: (snapshot: any) => void) {
    const snapshot = readSnapshot(inject('snapshotPath'));
    mutate(snapshot);
    const snapshotPath = path.join(tmp, `${name}.json`);
    fs.writeFileSync(snapshotPath, JSON.stringify(snapshot));
    return buildSite({ snapshotPath, outDir: path.join(tmp, name), env: { ASTRO_CACHE_DIR: path.join(tmp, `${name}-cache`) } });
  }

  it('fails the build, naming the entry and the field, when a field is missing or mistyped', async () => {
    let slug = '';
    const result = await buildWith('missing-title', (s) => {
      slug = s.initiatives[0].slug;
      delete s.initiatives[0].title;
      s.lessons[0].type = 'gissning';
    });
    expect(result.ok).toBe(false);
    expect(result.output).toContain(`initiatives "${slug}": title`);
    expect(result.output).toMatch(/lessons "[a-z0-9-]+": type/);
    expect(fs.existsSync(path.join(tmp, 'missing-title', 'index.html'))).toBe(false);
  });

  it('fails the build when a relation points at an entry that is not in the snapshot', async () => {
    let slug = '';
    const result = await buildWith('dangling', (s) => {
      slug = s.lessons[0].slug;
      s.lessons[0].themes.push('finns-inte');
    });
    expect(result.ok).toBe(false);
    expect(result.output).toContain(`lessons "${slug}": themes: no published themes "finns-inte"`);
  });

  it('fails the build with a clear message when there is no snapshot', async () => {
    const result = await buildSite({ snapshotPath: path.join(tmp, 'nope.json'), outDir: path.join(tmp, 'nope') });
    expect(result.ok).toBe(false);
    expect(result.output).toContain('Cannot read the snapshot');
  });
});
