import fs from 'fs';
import os from 'os';
import path from 'path';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBank, formatCounts } from '../../cms/src/seed/load';
import { startCms, storedState, type TestCms } from '../helpers/cms';
import { SEED_DIR } from '../helpers/paths';
import { readSeed } from '../helpers/seed-files';

let cms: TestCms;
let brokenDir: string;

beforeAll(async () => {
  cms = await startCms();
  brokenDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-broken-seed-'));
});

afterAll(async () => {
  fs.rmSync(brokenDir, { recursive: true, force: true });
  await cms?.stop();
});

/** A copy of the real seed with one file changed. */
function seedWith(relativeFile: string, change: (entries: any[]) => void) {
  fs.rmSync(brokenDir, { recursive: true, force: true });
  fs.cpSync(SEED_DIR, brokenDir, { recursive: true });
  const file = path.join(brokenDir, relativeFile);
  const entries = YAML.parse(fs.readFileSync(file, 'utf8'));
  change(entries);
  fs.writeFileSync(file, YAML.stringify(entries));
  return brokenDir;
}

const firstFile = (folder: string) => `${folder}/${fs.readdirSync(path.join(SEED_DIR, folder)).filter((f) => f.endsWith('.yaml')).sort()[0]}`;

describe('seed loader', () => {
  it('loads every seed entry, and a second run changes nothing', async () => {
    const first = await seedBank(cms.strapi, SEED_DIR);
    console.log(`first seed run:\n${formatCounts(first)}`);
    const files = readSeed();
    for (const [type, counts] of Object.entries(first)) {
      expect(counts.total).toBe(files[`${type}s`].length);
      expect(counts.created).toBe(counts.total);
    }
    const after = await storedState(cms.strapi);

    const second = await seedBank(cms.strapi, SEED_DIR);
    for (const [type, counts] of Object.entries(second)) {
      expect(counts, type).toEqual({ total: first[type].total, created: 0, updated: 0, published: 0, unchanged: first[type].total });
    }
    expect(await storedState(cms.strapi)).toEqual(after);
  });

  it('an entry changed in its file is updated and republished on the next run', async () => {
    const file = firstFile('themes');
    const dir = seedWith(file, (entries) => (entries[0].description = `${entries[0].description} Ändrad.`));
    const counts = await seedBank(cms.strapi, dir);
    expect(counts.theme).toMatchObject({ updated: 1, published: 1, created: 0 });
    const changed = YAML.parse(fs.readFileSync(path.join(dir, file), 'utf8'))[0];
    const stored = await cms.strapi.documents('api::theme.theme').findFirst({ filters: { slug: changed.slug }, status: 'published' });
    expect(stored.description).toBe(changed.description);
    await seedBank(cms.strapi, SEED_DIR);
  });

  const broken: [string, string, (entries: any[]) => void, RegExp][] = [
    ['an unknown citation source', 'lessons', (e) => (e[0].citations[0].source = 'finns-inte'), /lessons\/.*\.yaml: lesson ".*" \(entry 1\): citations\.0\.source: no source with slug "finns-inte"/],
    ['a lesson without initiative', 'lessons', (e) => delete e[0].initiatives, /lessons\/.*\.yaml: lesson ".*" \(entry 1\): initiatives/],
    ['an end year before the start year', 'initiatives', (e) => Object.assign(e[0], { startYear: 2010, endYear: 2001 }), /initiatives\/.*\.yaml: initiative ".*" \(entry 1\): endYear/],
    ['an invalid enum value', 'areas', (e) => (e[0].kind = 'planet'), /areas\/.*\.yaml: area ".*" \(entry 1\): kind .*"planet"/],
    ['an unknown field', 'sources', (e) => (e[0].publishr = 'X'), /sources\/.*\.yaml: source ".*" \(entry 1\): publishr: unknown field/],
    ['a slug with capitals', 'methods', (e) => (e[0].slug = 'Ny Metod'), /methods\/.*\.yaml: method "Ny Metod" \(entry 1\): slug/],
    ['a duplicate slug', 'organisations', (e) => e.push({ ...e[0] }), /organisations\/.*\.yaml: organisation ".*" \(entry \d+\): slug: already used in/],
  ];

  for (const [what, folder, change, message] of broken) {
    it(`rejects ${what} with a message naming file, entry and field, and writes nothing`, async () => {
      const before = await storedState(cms.strapi);
      const dir = seedWith(firstFile(folder), change);
      // A new entry too, which must not be written either.
      const themes = path.join(dir, 'themes', 'extra.yaml');
      fs.writeFileSync(themes, YAML.stringify([{ slug: 'nytt-tema', name: 'Nytt tema' }]));
      await expect(seedBank(cms.strapi, dir)).rejects.toThrow(message);
      expect(await storedState(cms.strapi)).toEqual(before);
    });
  }

  it('rejects a file that is not valid YAML', async () => {
    const before = await storedState(cms.strapi);
    fs.rmSync(brokenDir, { recursive: true, force: true });
    fs.cpSync(SEED_DIR, brokenDir, { recursive: true });
    fs.writeFileSync(path.join(brokenDir, 'themes', 'trasig.yaml'), '- slug: a\n  name: [oavslutad\n');
    await expect(seedBank(cms.strapi, brokenDir)).rejects.toThrow(/themes\/trasig\.yaml: invalid YAML/);
    expect(await storedState(cms.strapi)).toEqual(before);
  });
});
