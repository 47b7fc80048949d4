import fs from 'fs';
import os from 'os';
import path from 'path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { buildSite, listFiles } from '../helpers/site';
import { shardOf } from '../../site/src/lib/shard';

describe('a site build split over processes', () => {
  let tmp: string;
  const build = (shards: number) => {
    const outDir = path.join(tmp, `shards-${shards}`);
    return buildSite({ snapshotPath: inject('snapshotPath'), outDir, env: { SITE_BUILD_SHARDS: String(shards) } });
  };
  let single: Awaited<ReturnType<typeof buildSite>>;
  let split: Awaited<ReturnType<typeof buildSite>>;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-shards-'));
    [single, split] = await Promise.all([build(1), build(3)]);
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('writes exactly the files of a build in one process, byte for byte', () => {
    expect(single.ok, single.output).toBe(true);
    expect(split.ok, split.output).toBe(true);
    expect(split.output).toContain('built in 3 processes');
    const files = listFiles(single.outDir, ['']);
    expect(files.length).toBeGreaterThan(1000);
    expect(listFiles(split.outDir, [''])).toEqual(files);
    const differing = files.filter((file) => !fs.readFileSync(path.join(single.outDir, file)).equals(fs.readFileSync(path.join(split.outDir, file))));
    expect(differing).toEqual([]);
  });

  it('leaves no shard or cache folders behind', () => {
    expect(fs.readdirSync(tmp).sort()).toEqual(['shards-1', 'shards-3']);
  });
});

describe('shardOf', () => {
  it('puts every slug in one shard, the same one every time, and uses every shard', () => {
    const slugs = Array.from({ length: 3000 }, (_, i) => `insats-${i}`);
    for (const count of [1, 2, 3, 4]) {
      const shards = slugs.map((slug) => shardOf(slug, count));
      expect(shards).toEqual(slugs.map((slug) => shardOf(slug, count)));
      const sizes = Array.from({ length: count }, (_, k) => shards.filter((s) => s === k).length);
      expect(sizes.every((n) => n > 0), `sizes with ${count} shards: ${sizes}`).toBe(true);
      expect(sizes.reduce((a, b) => a + b)).toBe(slugs.length);
    }
  });
});
