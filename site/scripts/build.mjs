/**
 * `npm run build -w site`: builds the static site from the snapshot at SNAPSHOT_PATH (default
 * <repo>/var/snapshot.json) into SITE_OUT_DIR (default site/dist).
 *
 * Why not plain `astro build` with outDir set: when the out dir lies outside the site folder,
 * Astro stages its prerender chunks in `<cwd>/.astro/.prerender/`, one folder for every build, so
 * two builds trample each other (Astro 5 even copied its whole `.astro/` cache into the out dir),
 * and it moves assets with a rename, which fails across file systems. So a build for an outside
 * folder goes to a private staging folder inside site/ (where the chunks can still import react
 * & co.) and is then moved out.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { VITE_PARENT_ENV } from './vite-parent-env.mjs';

const siteDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// npm runs workspace scripts in site/; paths the user typed are relative to where they typed them.
const userCwd = process.env.INIT_CWD ?? process.cwd();
for (const name of ['SNAPSHOT_PATH', 'SITE_OUT_DIR', 'ASTRO_CACHE_DIR']) {
  if (process.env[name]) process.env[name] = path.resolve(userCwd, process.env[name]);
}
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
// A build is a production build whatever its caller runs under. Under vitest's NODE_ENV=test,
// Astro 7 builds in development mode, where the entry-page templates are never written and the
// build fails (Astro 5 built, three times slower).
process.env.NODE_ENV = 'production';
for (const name of VITE_PARENT_ENV) delete process.env[name];

const outDir = process.env.SITE_OUT_DIR ?? path.join(siteDir, 'dist');
const inside = (outDir + path.sep).startsWith(siteDir + path.sep);
const key = crypto.createHash('sha1').update(outDir).digest('hex').slice(0, 12);
const stagingRoot = path.join(siteDir, '.out');
// The staging folder is named after this process, so a build that was killed can be recognised
// (its process is gone) and cleared by the next one.
const buildDir = inside ? outDir : path.join(stagingRoot, `${process.pid}-${key}`);
for (const name of fs.existsSync(stagingRoot) ? fs.readdirSync(stagingRoot) : []) {
  if (!/^\d+-[0-9a-f]{12}((\.shard-\d+)?(\.cache)?|\.claims)$/.test(name)) continue;
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

/**
 * Entry pages are most of a large build and Astro renders them on one thread, so the build is
 * split into shards, one process per core (see src/lib/shard.ts): the primary renders everything
 * but the other shards' entry pages, and each other shard adds its entry pages to the primary's
 * output. The templated entry pages go to whichever shard claims them first. A shard process
 * (BUILD_SHARD set) just builds into its folder.
 */
/**
 * Each shard bundles the whole site before rendering its share, about 10 s of CPU, so a small
 * bank is quicker in one process. Measured on 2 cores: a 3 MB snapshot (1,700 pages) built in
 * 17.0 s alone and 22.5 s in two shards, a 12 MB one (6,500 pages) in 34.0 s and 30.7 s.
 */
const SHARD_FROM_SNAPSHOT_BYTES = 8_000_000;
function defaultShardCount() {
  const snapshot = process.env.SNAPSHOT_PATH ?? path.join(siteDir, '..', 'var', 'snapshot.json');
  const bytes = fs.existsSync(snapshot) ? fs.statSync(snapshot).size : 0;
  return bytes < SHARD_FROM_SNAPSHOT_BYTES ? 1 : Math.min(2, os.availableParallelism());
}
const shardCount = process.env.BUILD_SHARD ? 1 : Math.max(1, Number(process.env.SITE_BUILD_SHARDS || defaultShardCount()));
const shardDir = (index) => (index === 0 ? buildDir : `${buildDir}.shard-${index}`);
// Each shard keeps its own Astro cache: shards sharing one would trample each other.
const shardCacheDir = (index) => `${shardDir(index)}.cache`;
/** Where the shards claim their batches of entry pages (claimBatches in src/lib/shard.ts). */
const claimsDir = `${buildDir}.claims`;
/**
 * Heap cap of each shard process, in MB, so that all of them together stay within 2 GB of
 * resident memory at national scale. A secondary shard holds the bank (about 0.2 GB at 60,000
 * entries) and its pages' garbage; the primary also holds the search index (about 0.3 GB more)
 * and the open-data files while it writes them.
 */
const SHARD_HEAP_MB = { primary: 1024, secondary: 576 };
/**
 * V8 sizes the young generation from the heap cap, and small for these caps, while rendering
 * pages makes garbage by the megabyte. With 16 MB semi-spaces the 60,000-entry build took 222 s
 * of CPU instead of 250 s; 32 MB was no faster and took the tree's peak to 1.99 GB.
 */
const SEMI_SPACE_MB = 16;
const heapArgs = (index) => [
  ...process.execArgv.filter((arg) => !/^--max-(old|semi)-space-size/.test(arg)),
  `--max-old-space-size=${index === 0 ? SHARD_HEAP_MB.primary : SHARD_HEAP_MB.secondary}`,
  `--max-semi-space-size=${SEMI_SPACE_MB}`,
];

/**
 * Where a build leaves the hashes of its pages' inline code (src/integrations/inline-hashes.ts
 * writes the file named by INLINE_HASHES_FILE): a shard in its own cache folder, a build of its
 * own in the temporary folder.
 */
const shardHashesFile = (index) => path.join(shardCacheDir(index), 'inline-hashes.json');
const readHashes = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const ownHashesFile = path.join(os.tmpdir(), `eb-inline-hashes-${process.pid}.json`);

const shardProcesses = [];
// A build stopped from outside (the rebuild worker's timeout, Ctrl-C) stops its shards too; the
// failed shards then fail the build, which clears their folders.
if (shardCount > 1) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => shardProcesses.forEach((child) => child.kill(signal)));
}

function buildInShards() {
  fs.mkdirSync(claimsDir, { recursive: true });
  const children = Array.from({ length: shardCount }, (_, index) => {
    const child = spawn(process.execPath, [...heapArgs(index), fileURLToPath(import.meta.url)], {
      stdio: 'inherit',
      env: {
        ...process.env,
        BUILD_SHARD: `${index}/${shardCount}`,
        SITE_OUT_DIR: shardDir(index),
        ASTRO_CACHE_DIR: shardCacheDir(index),
        INLINE_HASHES_FILE: shardHashesFile(index),
        BUILD_CLAIMS_DIR: claimsDir,
        // One build log is enough; the other shards speak up only about problems.
        ...(index > 0 && !process.env.ASTRO_LOG_LEVEL ? { ASTRO_LOG_LEVEL: 'warn' } : {}),
      },
    });
    shardProcesses.push(child);
    return new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', (code, signal) =>
        code === 0 ? resolve() : reject(new Error(`build shard ${index + 1}/${shardCount} failed (${signal ?? `exit code ${code}`})`)),
      );
    });
  });
  return Promise.all(children)
    .then(() => mergeHashes(Array.from({ length: shardCount }, (_, index) => readHashes(shardHashesFile(index)))))
    .finally(async () => {
      // One failed shard fails the build: the others are stopped before their folders go.
      const running = shardProcesses.filter((child) => child.exitCode === null && child.signalCode === null);
      for (const child of running) child.kill();
      await Promise.all(running.map((child) => new Promise((resolve) => child.once('exit', resolve))));
      for (let index = 0; index < shardCount; index++) fs.rmSync(shardCacheDir(index), { recursive: true, force: true });
      fs.rmSync(claimsDir, { recursive: true, force: true });
    });
}

/** Adds what `from` has and `into` lacks, a whole folder at a time (an entry page's folder). */
function mergeInto(into, from) {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(into, entry.name);
    if (!fs.existsSync(target)) fs.renameSync(source, target);
    else if (entry.isDirectory()) mergeInto(target, source);
  }
}

function removeShards() {
  for (let index = 1; index < shardCount; index++) fs.rmSync(shardDir(index), { recursive: true, force: true });
}

process.chdir(siteDir);
const { mergeHashes, writeHeadersFile } = await import('./security-headers.mjs');
let hashes;
try {
  if (shardCount > 1) {
    hashes = await buildInShards();
    for (let index = 1; index < shardCount; index++) mergeInto(buildDir, shardDir(index));
    removeShards();
    console.log(`Site built in ${shardCount} processes`);
  } else {
    const hashesFile = (process.env.INLINE_HASHES_FILE ??= ownHashesFile);
    // Loaded here, not above: a parent of shards has no use for it, and loading it takes 1.7 s.
    const { build } = await import('astro');
    await build({
      root: siteDir,
      outDir: buildDir,
      ...(cacheDir ? { cacheDir } : {}),
      logLevel: process.env.ASTRO_LOG_LEVEL ?? 'info',
    });
    // A shard's output is only part of a site; the parent finishes it with the shards' hashes.
    if (process.env.BUILD_SHARD) process.exit(0);
    hashes = readHashes(hashesFile);
    fs.rmSync(hashesFile);
  }
  writeHeadersFile(buildDir, hashes);
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
  if (shardCount > 1) removeShards();
  if (ownCache) fs.rmSync(cacheDir, { recursive: true, force: true });
  fs.rmSync(ownHashesFile, { force: true });
  console.error(error?.message ?? error);
  process.exit(1);
}
