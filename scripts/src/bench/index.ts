import fs from 'fs';
import os from 'os';
import path from 'path';
import { parseSnapshot } from '@erfarenhetsbanken/shared-types';
import { buildSite } from '../build-site';
import { ROOT } from '../paths';
import { seededSnapshot } from '../seeded-snapshot';
import { serveSite } from '../serve';
import { compileCms, startEphemeralCms } from '../ephemeral-cms';
import { seedBank } from '../../../cms/src/seed/load';
import { loadTest, type LoadResult } from './load';
import { preparePublishToLive } from './publish-to-live';

const RESULTS_DIR = path.join(ROOT, 'bench', 'results');

function table(rows: LoadResult[]) {
  const header = '| target | connections | duration | requests | req/s | p50 ms | p99 ms | errors | non-2xx |\n|---|---|---|---|---|---|---|---|---|';
  return [header, ...rows.map((r) => `| ${r.target} | ${r.connections} | ${r.durationS} s | ${r.requests} | ${r.requestsPerSecond} | ${r.latencyP50Ms} | ${r.latencyP99Ms} | ${r.errors} | ${r.non2xx} |`)].join('\n');
}

/**
 * `npm run bench`: load on the served static site (100 connections) and on the CMS content API
 * with the read-only token (50 connections), at seed size. Writes JSON and a markdown table.
 */
async function main() {
  const durationS = Number(process.env.BENCH_DURATION_S || 20);
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
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(RESULTS_DIR, 'load.json'), `${JSON.stringify({ at: new Date().toISOString(), cpus: os.cpus().length, results, publishToLiveMs }, null, 2)}\n`);
  const markdown = `# At seed size (${new Date().toISOString()}, ${os.cpus().length} cores)\n\n## Load\n\n${table(results)}\n\n## Publish → live\n\n${publishToLiveMs.map((ms, i) => `- round ${i + 1}: ${ms} ms`).join('\n')}\n`;
  fs.writeFileSync(path.join(RESULTS_DIR, 'load.md'), markdown);
  console.log(markdown);
  process.exit(results.some((r) => r.errors > 0 || r.non2xx > 0) ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
