import { afterAll, describe, expect, it } from 'vitest';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { backup, restore } from '@erfarenhetsbanken/scripts/backup';
import { exportSnapshot } from '@erfarenhetsbanken/scripts/export';
import { seedBank } from '../../cms/src/seed/load';
import { startCms, type TestCms } from '../helpers/cms';
import { SEED_DIR } from '../helpers/paths';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-backup-'));
let cms: TestCms | null = null;

afterAll(async () => {
  await cms?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const withoutRunTime = ({ generatedAt, ...rest }: any) => rest;

describe('backup and restore', () => {
  it('round-trips the bank: the export after restoring into an empty CMS equals the export before', async () => {
    cms = await startCms();
    await seedBank(cms.strapi, SEED_DIR);
    // A draft must survive too, though it is not in the export.
    await cms.strapi.documents('api::theme.theme').create({ data: { name: 'Opublicerat tema', slug: 'opublicerat-tema' } });
    const before = await exportSnapshot({ cmsUrl: cms.url, token: cms.readToken });
    const file = await backup(path.join(tmp, 'bank'));
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
    await cms.stop();

    cms = await startCms();
    expect(await cms.strapi.documents('api::initiative.initiative').count({})).toBe(0);
    await restore(file);
    const after = await exportSnapshot({ cmsUrl: cms.url, token: cms.readToken });
    expect(withoutRunTime(after)).toEqual(withoutRunTime(before));
    expect(await cms.strapi.documents('api::theme.theme').findFirst({ filters: { slug: 'opublicerat-tema' }, status: 'draft' })).toBeTruthy();
  }, 600_000);
});
