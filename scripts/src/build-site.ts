import path from 'path';
import { SITE_DIR } from './paths';
import { run } from './run';

/** Builds the static site from a snapshot into `outDir` (a fresh directory keeps the served one intact). */
export function buildSite({ snapshotPath, outDir, quiet = false }: { snapshotPath: string; outDir: string; quiet?: boolean }) {
  return run('building the site', process.execPath, [path.join(SITE_DIR, 'scripts', 'build.mjs')], {
    cwd: SITE_DIR,
    quiet,
    // A production build whatever the caller runs under: NODE_ENV=test makes Astro three times slower.
    env: { ...process.env, NODE_ENV: 'production', SNAPSHOT_PATH: snapshotPath, SITE_OUT_DIR: outDir },
  });
}
