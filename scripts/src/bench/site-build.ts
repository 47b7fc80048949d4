import { spawn } from 'child_process';
import fs from 'fs';
import path from 'path';
import { gzipSync } from 'zlib';
import { SITE_BUILD_ARGS } from '../build-site';
import { SITE_DIR } from '../paths';

export interface SiteBuildResult {
  wallMs: number;
  /** HTML pages written (entry pages, list pages, 404) */
  pages: number;
  pagesPerSecond: number;
  /** all files written, search index and open data included */
  files: number;
  /** highest resident set size of the build's process tree, sampled every 100 ms */
  peakRssMb: number;
  /**
   * The whole machine over the build. The same build's wall time has varied by a fifth between
   * runs; its busy CPU tells other work on the machine from the build itself needing more CPU.
   */
  machine: { busyCpuMs: number; pageFaults: number; /** the measuring process's own share */ ownCpuMs: number };
}

/** CPU time all cores spent busy and page faults taken since boot (Linux; /proc/stat counts in 1/100 s). */
function machineCounters(): { busyCpuMs: number; pageFaults: number } {
  const [user, nice, system, , , irq, softirq, steal] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
  const pageFaults = Number(/^pgfault (\d+)$/m.exec(fs.readFileSync('/proc/vmstat', 'utf8'))?.[1] ?? NaN);
  return { busyCpuMs: ((user + nice + system + irq + softirq + steal) * 1000) / 100, pageFaults };
}

/** Sum of VmRSS over a process and its descendants, from /proc (Linux). */
function treeRssKb(root: number): number {
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
        const children = fs.readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
        if (children) stack.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // the process ended between two reads
    }
  }
  return total;
}

function countFiles(dir: string): { files: number; pages: number } {
  let files = 0;
  let pages = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    if (entry.name.endsWith('.html')) pages += 1;
  }
  return { files, pages };
}

/** `site/scripts/build.mjs` as the rebuild worker runs it, timed, with its peak memory. */
export async function measureSiteBuild(snapshotPath: string, outDir: string): Promise<SiteBuildResult> {
  const machineBefore = machineCounters();
  const ownBefore = process.cpuUsage();
  const startedAt = performance.now();
  const child = spawn(process.execPath, SITE_BUILD_ARGS, {
    cwd: SITE_DIR,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, SNAPSHOT_PATH: snapshotPath, SITE_OUT_DIR: outDir, ASTRO_LOG_LEVEL: 'warn' },
  });
  let peakKb = 0;
  const sampler = setInterval(() => (peakKb = Math.max(peakKb, treeRssKb(child.pid!))), 100);
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`site build failed (exit ${code}):\n${stderr}`);
  const wallMs = performance.now() - startedAt;
  const after = machineCounters();
  const own = process.cpuUsage(ownBefore);
  const machine = { busyCpuMs: after.busyCpuMs - machineBefore.busyCpuMs, pageFaults: after.pageFaults - machineBefore.pageFaults, ownCpuMs: Math.round((own.user + own.system) / 1000) };
  const { files, pages } = countFiles(outDir);
  return { wallMs: Math.round(wallMs), pages, pagesPerSecond: Math.round((pages / wallMs) * 1000), files, peakRssMb: Math.round(peakKb / 1024), machine };
}

/** What a visitor transfers for one page: its HTML and its stylesheets (the site sends no script there). */
export function pageTransfer(siteDir: string, urlPath: string): { raw: number; gzip: number } {
  const html = fs.readFileSync(path.join(siteDir, urlPath, 'index.html'));
  const styles = [...html.toString().matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => fs.readFileSync(path.join(siteDir, m[1])));
  const parts = [html, ...styles];
  return { raw: parts.reduce((n, b) => n + b.length, 0), gzip: parts.reduce((n, b) => n + gzipSync(b).length, 0) };
}
