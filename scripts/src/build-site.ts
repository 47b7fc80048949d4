import path from 'path';
import { SITE_DIR } from './paths';
import { run } from './run';

/**
 * How the site build is started. The heap cap keeps it within 2 GB at national scale: with
 * Node's default limit (about 4 GB here) V8 let a 60,000-entry build grow to 2.6 GB before
 * collecting, though it never held more than about 1 GB; capped, it peaks at 1.7 GB, as fast.
 */
export const SITE_BUILD_ARGS = ['--max-old-space-size=1536', path.join(SITE_DIR, 'scripts', 'build.mjs')];

/** Builds the static site from a snapshot into `outDir` (a fresh directory keeps the served one intact). */
export function buildSite({ snapshotPath, outDir, quiet = false }: { snapshotPath: string; outDir: string; quiet?: boolean }) {
  return run('building the site', process.execPath, SITE_BUILD_ARGS, {
    cwd: SITE_DIR,
    quiet,
    env: { ...process.env, SNAPSHOT_PATH: snapshotPath, SITE_OUT_DIR: outDir },
  });
}
