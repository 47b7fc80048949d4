import fs from 'fs';
import os from 'os';
import path from 'path';
import { fileURLToPath } from 'url';
import { parseSnapshot } from '@erfarenhetsbanken/shared-types';
import { buildSite } from '../build-site';
import { ROOT } from '../paths';
import { run } from '../run';
import { seededSnapshot } from '../seeded-snapshot';
import { serveSite } from '../serve';
import { compileCms, startEphemeralCms } from '../ephemeral-cms';
import { seedBank } from '../../../cms/src/seed/load';
import { loadTest, type LoadResult } from './load';
import { preparePublishToLive } from './publish-to-live';
import { measureScale, scaleTables, type ScaleResult } from './scale';

const RESULTS_DIR = path.join(ROOT, 'bench', 'results');

function table(rows: LoadResult[]) {
  const header = '| target | connections | duration | requests | req/s | p50 ms | p99 ms | errors | non-2xx |\n|---|---|---|---|---|---|---|---|---|';
  return [header, ...rows.map((r) => `| ${r.target} | ${r.connections} | ${r.durationS} s | ${r.requests} | ${r.requestsPerSecond} | ${r.latencyP50Ms} | ${r.latencyP99Ms} | ${r.errors} | ${r.non2xx} |`)].join('\n');
}

/** At seed size: load on the served site (100 connections) and on the CMS content API (50), and publish → live. */
async function benchSeed(durationS: number) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-bench-'));
  const results: LoadResult[] = [];
  let publishToLiveMs: number[] = [];
  try {
    const snapshotPath = path.join(tmp, 'snapshot.json');
    const snapshot = parseSnapshot(JSON.parse(JSON.stringify(await seededSnapshot(snapshotPath))));
    await buildSite({ snapshotPath, outDir: path.join(tmp, 'site'), quiet: true });
    const site = await serveSite({ dir: path.join(tmp, 'site'), port: 0 });
    const pages = ['/', '/insatser/', '/sok/', ...snapshot.initiatives.map((i) => `/insatser/${i.slug}/`), ...snapshot.lessons.map((l) => `/lardomar/${l.slug}/`)];
    results.push(await loadTest('static site (pages)', pages.map((p) => site.url + p), { connections: 100, durationS }));
    await site.close();

    await compileCms();
    const measurePublishToLive = await preparePublishToLive();
    const cms = await startEphemeralCms();
    await seedBank(cms.strapi, path.join(ROOT, 'cms', 'seed'));
    const api = ['initiatives', 'lessons', 'themes', 'sources'].map((c) => `${cms.url}/api/${c}?pagination[pageSize]=25`);
    results.push(await loadTest('CMS content API (read-only token)', api, { connections: 50, durationS, headers: { Authorization: `Bearer ${cms.readToken}` } }));
    publishToLiveMs = await measurePublishToLive(cms);
    await cms.stop();
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const markdown = `# At seed size (${new Date().toISOString()}, ${os.cpus().length} cores)\n\n## Load\n\n${table(results)}\n\n## Publish → live\n\n${publishToLiveMs.map((ms, i) => `- round ${i + 1}: ${ms} ms`).join('\n')}\n`;
  write('load', { results, publishToLiveMs }, markdown);
  return results.some((r) => r.errors > 0 || r.non2xx > 0);
}

/**
 * One size measured in a process of its own (BENCH_ONE_SCALE), so that its figures do not depend
 * on the CMS, browsers and garbage an earlier size left in the bench's process.
 */
async function measureScaleApart(n: number): Promise<ScaleResult> {
  const file = path.join(os.tmpdir(), `eb-bench-scale-${process.pid}-${n}.json`);
  try {
    await run(`the benchmark at N=${n}`, process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
      env: { ...process.env, BENCH_ONE_SCALE: String(n), BENCH_SCALE_RESULT: file },
    });
    return JSON.parse(fs.readFileSync(file, 'utf8')) as ScaleResult;
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** At national scale: synthetic banks of N initiatives (BENCH_SCALES, default 1000 and 10000). */
async function benchScale(scales: number[]) {
  const results: ScaleResult[] = [];
  for (const n of scales) {
    results.push(await measureScaleApart(n));
    // Written after every size, so a long run leaves what it has measured.
    write('scale', { results }, `# At national scale (${new Date().toISOString()}, ${os.cpus().length} cores)\n\n${scaleTables(results)}\n`);
  }
}

function write(name: string, data: object, markdown: string) {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(RESULTS_DIR, `${name}.json`), `${JSON.stringify({ at: new Date().toISOString(), cpus: os.cpus().length, ...data }, null, 2)}\n`);
  fs.writeFileSync(path.join(RESULTS_DIR, `${name}.md`), markdown);
  console.log(markdown);
}

/**
 * `npm run bench`: the seed-size benchmarks, then the national-scale ones. BENCH_PARTS picks
 * (`seed`, `scale`), BENCH_SCALES the sizes, BENCH_DURATION_S the load tests' length.
 * Results go to bench/results/ as JSON and markdown.
 */
async function main() {
  const one = process.env.BENCH_ONE_SCALE;
  if (one) {
    const result = await measureScale(Number(one), (line) => console.log(`[bench] ${line}`));
    fs.writeFileSync(process.env.BENCH_SCALE_RESULT!, JSON.stringify(result));
    process.exit(0);
  }
  const parts = (process.env.BENCH_PARTS || 'seed,scale').split(',');
  let failed = false;
  if (parts.includes('seed')) failed = await benchSeed(Number(process.env.BENCH_DURATION_S || 20));
  if (parts.includes('scale')) await benchScale((process.env.BENCH_SCALES || '1000,10000').split(',').map(Number));
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
