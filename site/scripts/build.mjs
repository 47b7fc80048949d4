/**
 * `npm run build -w site`: builds the static site from the snapshot at SNAPSHOT_PATH (default
 * <repo>/var/snapshot.json) into SITE_OUT_DIR (default site/dist).
 *
 * Why not plain `astro build` with outDir set: when the out dir lies outside the site folder,
 * Astro 5 stages its prerender chunks in `<cwd>/.astro/` — its own content-cache folder — then
 * copies that whole folder into the out dir and deletes it, leaving stray files behind and
 * letting two builds trample each other. So a build for an outside folder goes to a private
 * staging folder inside site/ (where the chunks can still import react & co.) and is then
 * moved out.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const siteDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// npm runs workspace scripts in site/; paths the user typed are relative to where they typed them.
const userCwd = process.env.INIT_CWD ?? process.cwd();
for (const name of ['SNAPSHOT_PATH', 'SITE_OUT_DIR', 'ASTRO_CACHE_DIR']) {
  if (process.env[name]) process.env[name] = path.resolve(userCwd, process.env[name]);
}
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
// A parent running under Vite (vitest) exports its import.meta.env as process.env; Astro's server
// code reads those names at run time, and DEV=1 turns every page into a fresh load of the bank.
for (const name of ['DEV', 'PROD', 'SSR', 'MODE', 'BASE_URL']) delete process.env[name];

const outDir = process.env.SITE_OUT_DIR ?? path.join(siteDir, 'dist');
const inside = (outDir + path.sep).startsWith(siteDir + path.sep);
const key = crypto.createHash('sha1').update(outDir).digest('hex').slice(0, 12);
const stagingRoot = path.join(siteDir, '.out');
// The staging folder is named after this process, so a build that was killed can be recognised
// (its process is gone) and cleared by the next one.
const buildDir = inside ? outDir : path.join(stagingRoot, `${process.pid}-${key}`);
for (const name of fs.existsSync(stagingRoot) ? fs.readdirSync(stagingRoot) : []) {
  if (!/^\d+-[0-9a-f]{12}(\.cache)?$/.test(name)) continue;
  const pid = Number(name.split('-')[0]);
  let alive = false;
  try {
    process.kill(pid, 0);
    alive = pid !== process.pid;
  } catch (error) {
    alive = error.code === 'EPERM';
  }
  if (!alive) fs.rmSync(path.join(stagingRoot, name), { recursive: true, force: true });
}
// Astro keeps its content store in cacheDir. A build for an outside folder (typically a fresh one
// per publish) gets a private cache next to its staging folder, removed with it: parallel builds
// stay apart and nothing accumulates.
const ownCache = !inside && !process.env.ASTRO_CACHE_DIR;
const cacheDir = process.env.ASTRO_CACHE_DIR ?? (inside ? undefined : `${buildDir}.cache`);

/**
 * Moves the finished build to the out dir. A rename costs nothing whatever the page count, where
 * copying tens of thousands of files (and deleting the staged ones) took longer than rendering
 * them; across file systems it falls back to a copy.
 */
function moveOut(from, to) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  const old = fs.existsSync(to) ? `${to}.old-${process.pid}` : null;
  if (old) fs.renameSync(to, old);
  try {
    fs.renameSync(from, to);
  } catch (error) {
    if (error.code !== 'EXDEV') throw error;
    fs.cpSync(from, to, { recursive: true });
    fs.rmSync(from, { recursive: true, force: true });
  }
  if (old) fs.rmSync(old, { recursive: true, force: true });
}

process.chdir(siteDir);
const { build } = await import('astro');
const { writeHeadersFile } = await import('./security-headers.mjs');
try {
  await build({
    root: siteDir,
    outDir: buildDir,
    ...(cacheDir ? { cacheDir } : {}),
    logLevel: process.env.ASTRO_LOG_LEVEL ?? 'info',
  });
  writeHeadersFile(buildDir);
  if (!inside) {
    moveOut(buildDir, outDir);
    if (ownCache) fs.rmSync(cacheDir, { recursive: true, force: true });
    try {
      fs.rmdirSync(path.dirname(buildDir)); // only if empty: another build may be staging there
    } catch {}
    console.log(`Site moved to ${outDir}`);
  }
} catch (error) {
  if (!inside) fs.rmSync(buildDir, { recursive: true, force: true });
  if (ownCache) fs.rmSync(cacheDir, { recursive: true, force: true });
  console.error(error?.message ?? error);
  process.exit(1);
}
