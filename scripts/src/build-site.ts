import path from 'path';
import { ROOT, SITE_DIR } from './paths';
import { run } from './run';

const ASTRO_BIN = path.join(ROOT, 'node_modules', 'astro', 'astro.js');

/** Builds the static site from a snapshot into `outDir` (a fresh directory keeps the served one intact). */
export function buildSite({ snapshotPath, outDir }: { snapshotPath: string; outDir: string }) {
  return run('building the site', process.execPath, [ASTRO_BIN, 'build'], {
    cwd: SITE_DIR,
    env: { ...process.env, SNAPSHOT_PATH: snapshotPath, SITE_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' },
  });
}
