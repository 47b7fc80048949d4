import fs from 'fs';
import os from 'os';
import path from 'path';
import { writeSnapshot } from '../export';
import { generateBank } from '../generate/bank';
import { measureExport, type ScaleExportResult } from './scale-export';
import { HUMAN_PACE_MS, measureNaiveSearch, measureSearch, type SearchBenchResult } from './search';
import { measureSiteBuild, pageTransfer, type SiteBuildResult } from './site-build';

export interface ScaleResult {
  n: number;
  export: ScaleExportResult;
  build: SiteBuildResult;
  initiativePage: { path: string; raw: number; gzip: number };
  search: SearchBenchResult;
  /** the same session typed at a person's pace (HUMAN_PACE_MS between keys) */
  searchPaced: SearchBenchResult;
  naiveSearch: SearchBenchResult;
}

/**
 * One row of the national-scale benchmark: a synthetic bank of `n` initiatives (about 6n entries)
 * loaded into a real CMS and exported, then built into the site, whose search is measured in
 * headless Chromium against the naive baseline.
 */
export async function measureScale(n: number, log: (line: string) => void): Promise<ScaleResult> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `eb-scale-${n}-`));
  try {
    log(`N=${n}: CMS bulk load and export`);
    const exported = await measureExport(n);
    const snapshot = generateBank({ initiatives: n, seed: 1 });
    const snapshotPath = path.join(tmp, 'snapshot.json');
    writeSnapshot(snapshot, snapshotPath);
    log(`N=${n}: site build`);
    const siteDir = path.join(tmp, 'site');
    const build = await measureSiteBuild(snapshotPath, siteDir);
    const { machine } = build;
    log(`N=${n}: built in ${s(build.wallMs)}; the machine's CPUs were busy ${s(machine.busyCpuMs)} of ${s(build.wallMs * os.cpus().length)}, with ${machine.pageFaults} page faults; this process ${s(machine.ownCpuMs)}`);
    const initiative = `/insatser/${snapshot.initiatives[0].slug}/`;
    log(`N=${n}: search in Chromium (site back to back and at a person's pace, then the naive baseline)`);
    const search = await measureSearch({ siteDir, snapshot });
    const searchPaced = await measureSearch({ siteDir, snapshot, paceMs: HUMAN_PACE_MS });
    const naiveSearch = await measureNaiveSearch({ snapshot });
    return { n, export: exported, build, initiativePage: { path: initiative, ...pageTransfer(siteDir, initiative) }, search, searchPaced, naiveSearch };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const ratio = (ours: number, naive: number) => (naive > 0 ? `${(ours / naive).toFixed(3)}×` : '–');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The markdown tables of the scale benchmark: figures per N, and search beside its naive baseline. */
export function scaleTables(results: ScaleResult[]): string {
  const rows = results.map((r) =>
    [
      r.n,
      r.export.entries,
      s(r.export.loadMs),
      s(r.export.exportMs),
      s(r.build.wallMs),
      r.build.pages,
      r.build.pagesPerSecond,
      `${r.build.peakRssMb} MB`,
      `${kb(r.initiativePage.raw)} / ${kb(r.initiativePage.gzip)}`,
    ].join(' | '),
  );
  const searchRows = results.flatMap((r) => {
    const ours = r.search;
    const naive = r.naiveSearch;
    const line = (name: string, a: string, b: string, c: string) => `| ${r.n} | ${name} | ${a} | ${b} | ${c} |`;
    return [
      line('session bytes, gzip', kb(ours.bytesGzip), kb(naive.bytesGzip), ratio(ours.bytesGzip, naive.bytesGzip)),
      line('session bytes, raw', kb(ours.bytesRaw), kb(naive.bytesRaw), ratio(ours.bytesRaw, naive.bytesRaw)),
      line('ready after load', `${ours.readyMs} ms`, `${naive.readyMs} ms`, ratio(ours.readyMs, naive.readyMs)),
      line('keystroke p50, back to back', `${ours.keystrokeP50Ms} ms`, `${naive.keystrokeP50Ms} ms`, ratio(ours.keystrokeP50Ms, naive.keystrokeP50Ms)),
      line('keystroke p95, back to back', `${ours.keystrokeP95Ms} ms`, `${naive.keystrokeP95Ms} ms`, ratio(ours.keystrokeP95Ms, naive.keystrokeP95Ms)),
      // The naive page takes longer than any pace per keystroke: its figure is the same either way.
      line(`keystroke p50, ${HUMAN_PACE_MS} ms per key`, `${r.searchPaced.keystrokeP50Ms} ms`, `${naive.keystrokeP50Ms} ms`, ratio(r.searchPaced.keystrokeP50Ms, naive.keystrokeP50Ms)),
      line(`keystroke p95, ${HUMAN_PACE_MS} ms per key`, `${r.searchPaced.keystrokeP95Ms} ms`, `${naive.keystrokeP95Ms} ms`, ratio(r.searchPaced.keystrokeP95Ms, naive.keystrokeP95Ms)),
      line('keystrokes measured', String(ours.keystrokes), String(naive.keystrokes), '–'),
    ];
  });
  return [
    '| N initiatives | entries | CMS bulk load | export | site build | HTML pages | pages/s | build peak RSS | initiative page raw / gzip |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r} |`),
    '',
    '| N initiatives | search | site | naive baseline | site ÷ naive |',
    '|---|---|---|---|---|',
    ...searchRows,
  ].join('\n');
}
