import fs from 'fs';
import path from 'path';
import { Session } from 'inspector/promises';
import { createRequire } from 'module';
import { isDeepStrictEqual, parseArgs } from 'util';
import { COLLECTION_NAMES, parseSnapshot, type Snapshot } from '@erfarenhetsbanken/shared-types';
import { ROOT } from '../paths';
import { run } from '../run';
import { compileCms, startEphemeralCms } from '../ephemeral-cms';
import { bulkLoad } from '../generate/bulk-load';

const require = createRequire(import.meta.url);

/**
 * Times only the export against a throwaway CMS holding a given bank, several times in a row:
 * for iterating on export speed without the rest of `npm run bench` (site build, search).
 *
 *   npx tsx scripts/src/bench/export-only.ts --bank /tmp/scale/syn10k.json [--runs 3] [--keep out.json] [--no-compile] [--profile dir]
 *
 * Every run starts with an empty response cache, as the first export after a publish does, and
 * its snapshot must equal the bank loaded, or the timing means nothing.
 */
const { values } = parseArgs({
  options: {
    bank: { type: 'string' },
    runs: { type: 'string', default: '2' },
    keep: { type: 'string' },
    'no-compile': { type: 'boolean', default: false },
    // A CPU profile of the CMS (this process) during each export run, to open in Chrome DevTools.
    profile: { type: 'string' },
    // A CPU profile of the export process too.
    'export-profile': { type: 'string' },
    // The SQL statements that took the most time during the runs, with bindings folded away.
    sql: { type: 'boolean', default: false },
  },
});
if (!values.bank) {
  console.error('Usage: tsx scripts/src/bench/export-only.ts --bank <snapshot.json> [--runs n] [--keep file] [--no-compile]');
  process.exit(2);
}

function firstDifference(exported: Snapshot, bank: Snapshot): string | null {
  for (const collection of COLLECTION_NAMES) {
    if (isDeepStrictEqual(exported[collection], bank[collection])) continue;
    const at = bank[collection].findIndex((item, i) => !isDeepStrictEqual(item, exported[collection][i]));
    return `${collection} (first at "${bank[collection][at]?.slug ?? exported[collection][at]?.slug}")`;
  }
  return null;
}

if (!values['no-compile']) await compileCms();
const bank = parseSnapshot(JSON.parse(fs.readFileSync(values.bank, 'utf8')));
const cms = await startEphemeralCms();
const timings: number[] = [];
try {
  let startedAt = performance.now();
  await bulkLoad(cms.strapi, bank);
  console.log(`bulk load: ${Math.round(performance.now() - startedAt)} ms`);
  const sqlTimes = new Map<string, { ms: number; count: number }>();
  if (values.sql) {
    // Wraps SQLite's synchronous statement execution, so the time is the query's own and not
    // its wait for the single connection.
    const statement = Object.getPrototypeOf(require(require.resolve('better-sqlite3', { paths: [cms.strapi.dirs.app.root] }))(':memory:').prepare('select 1'));
    const all = statement.all;
    statement.all = function (this: { source: string }, ...args: unknown[]) {
      const startedAt = performance.now();
      try {
        return all.apply(this, args);
      } finally {
        const key = this.source.replace(/(\?, )+\?/g, '?…');
        const entry = sqlTimes.get(key) ?? { ms: 0, count: 0 };
        entry.ms += performance.now() - startedAt;
        entry.count += 1;
        sqlTimes.set(key, entry);
      }
    };
  }
  const cache = require(path.join(cms.strapi.dirs.dist.src, 'content-api', 'published-read.js'));
  const file = values.keep ? path.resolve(values.keep) : path.join(cms.tmpDir, 'export.json');
  for (let i = 0; i < Number(values.runs); i += 1) {
    cache.invalidatePublishedResponses();
    const session = values.profile ? new Session() : null;
    if (session) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
    }
    const cpuBefore = process.cpuUsage();
    startedAt = performance.now();
    // In its own process, as `npm run export` runs against a real CMS.
    const profileArgs = values['export-profile'] ? ['--cpu-prof', '--cpu-prof-dir', values['export-profile']] : [];
    await run('export', process.execPath, [...profileArgs, '--import', 'tsx', path.join(ROOT, 'scripts', 'src', 'export.ts')], {
      quiet: true,
      env: { ...process.env, CMS_URL: cms.url, EXPORT_API_TOKEN: cms.readToken, SNAPSHOT_PATH: file },
    });
    const ms = Math.round(performance.now() - startedAt);
    // CPU time of the CMS: less at the mercy of other load on the machine than wall time.
    const cpu = process.cpuUsage(cpuBefore);
    const cmsCpuMs = Math.round((cpu.user + cpu.system) / 1000);
    if (session) {
      const { profile } = await session.post('Profiler.stop');
      fs.mkdirSync(values.profile!, { recursive: true });
      fs.writeFileSync(path.join(values.profile!, `export-${i + 1}.cpuprofile`), JSON.stringify(profile));
      session.disconnect();
    }
    timings.push(ms);
    const difference = firstDifference(parseSnapshot(JSON.parse(fs.readFileSync(file, 'utf8'))), bank);
    console.log(`export run ${i + 1}: ${ms} ms (CMS CPU ${cmsCpuMs} ms)${difference ? `, DIFFERS from the bank: ${difference}` : ', equal to the bank'}`);
  }
  for (const [sql, { ms, count }] of [...sqlTimes].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15)) {
    console.log(`${Math.round(ms)} ms in ${count} × ${sql.slice(0, 400)}`);
  }
} finally {
  await cms.stop();
}
console.log(`export: best ${Math.min(...timings)} ms, worst ${Math.max(...timings)} ms over ${timings.length} runs`);
process.exit(0);
