import { spawn } from 'child_process';
import fs from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import os from 'os';
import path from 'path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RebuildWorker } from '@erfarenhetsbanken/scripts/publish/rebuild-worker';
import { SiteBuilds } from '@erfarenhetsbanken/scripts/publish/site-builds';
import { serveSite, type ServedSite } from '@erfarenhetsbanken/scripts/serve';
import { seedBank } from '../../cms/src/seed/load';
import { startCms, touchDraft, type TestCms } from '../helpers/cms';
import { ROOT, SEED_DIR } from '../helpers/paths';

let cms: TestCms;
let tmp: string;
let builds: SiteBuilds;
let site: ServedSite;
let published: { dir: string; home: string; data: string };

/** An HTTP proxy in front of the CMS that can fail chosen requests, or drop the connection. */
async function faultyProxy(decide: (url: string, count: number) => 'pass' | 'error' | 'drop') {
  let count = 0;
  const server = http.createServer((req, res) => {
    const verdict = decide(req.url!, ++count);
    if (verdict === 'drop') return req.socket.destroy();
    if (verdict === 'error') {
      res.writeHead(500, { 'Content-Type': 'application/json' });
      return res.end('{"error":{"status":500,"message":"Internal Server Error"}}');
    }
    const upstream = http.request(`${cms.url}${req.url}`, { method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode!, r.headers);
      r.pipe(res);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(r)) };
}

const workerFor = (cmsUrl: string) => new RebuildWorker({ exportOptions: { cmsUrl, token: cms.readToken }, builds, debounceMs: 0, log: () => {} });

async function servedState() {
  const home = await (await fetch(`${site.url}/`)).text();
  const data = await (await fetch(`${site.url}/data/erfarenhetsbank.json`)).text();
  return { dir: builds.current()!, home, data };
}

/** Runs a failing rebuild and checks the failure is reported and the served site is untouched. */
async function expectFailureLeavesSiteIntact(worker: RebuildWorker, step: string, message: RegExp) {
  await worker.trigger('test');
  expect(worker.status.lastFailure?.step).toBe(step);
  expect(worker.status.lastFailure?.message).toMatch(message);
  expect(await servedState()).toEqual(published);
  expect(fs.readdirSync(builds.buildsDir).filter((f) => !f.startsWith('.'))).toEqual([path.basename(published.dir)]);
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-publish-'));
  cms = await startCms();
  await seedBank(cms.strapi, SEED_DIR);
  builds = new SiteBuilds(path.join(tmp, 'site'));
  const worker = workerFor(cms.url);
  await worker.trigger('first build');
  expect(worker.status.lastFailure).toBeNull();
  site = await serveSite({ dir: builds.current()!, port: 0 });
  published = await servedState();
}, 600_000);

afterAll(async () => {
  await site?.close();
  await cms?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});



describe('a failed publish leaves the served site intact and says where it failed', () => {
  it('the CMS is down', async () => {
    const closed = await faultyProxy(() => 'pass');
    await closed.close();
    await expectFailureLeavesSiteIntact(workerFor(closed.url), 'export', /did not answer/);
  });

  it('the CMS dies in the middle of the export', async () => {
    const proxy = await faultyProxy((_, n) => (n > 3 ? 'drop' : 'pass'));
    await expectFailureLeavesSiteIntact(workerFor(proxy.url), 'export', /did not answer/);
    await proxy.close();
  });

  it('one page of the API fails', async () => {
    const proxy = await faultyProxy((url) => (url.startsWith('/api/lessons') && url.includes('pagination[page]=2') ? 'error' : 'pass'));
    await expectFailureLeavesSiteIntact(workerFor(proxy.url), 'export', /500 .*\/api\/lessons.*page\]=2/);
    await proxy.close();
  });

  it('an entry is invalid', async () => {
    // The CMS refuses invalid writes, so this is damage from outside it (a hand-edited database, a bad restore).
    const [lesson] = await cms.strapi.db.query('api::lesson.lesson').findMany({ where: { publishedAt: { $notNull: true } }, limit: 1 });
    await cms.strapi.db.query('api::lesson.lesson').update({ where: { id: lesson.id }, data: { type: 'rykte' } });
    // The API serves cached responses until the next write through the CMS: an editor saves a draft.
    await touchDraft(cms.strapi);
    try {
      await expectFailureLeavesSiteIntact(workerFor(cms.url), 'export', new RegExp(`lessons "${lesson.slug}": type: Invalid option`));
    } finally {
      await cms.strapi.db.query('api::lesson.lesson').update({ where: { id: lesson.id }, data: { type: lesson.type } });
      await touchDraft(cms.strapi);
    }
  });

  it('the site build fails', async () => {
    const previous = process.env.SITE_URL;
    process.env.SITE_URL = 'inte en adress';
    try {
      await expectFailureLeavesSiteIntact(workerFor(cms.url), 'build', /building the site failed/);
    } finally {
      if (previous === undefined) delete process.env.SITE_URL;
      else process.env.SITE_URL = previous;
    }
  });

  it('the publishing process is killed (kill -9) during the swap', async () => {
    // Asynchronously: the CMS answering the child's export runs on this very thread.
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/src/publish/rebuild-once.ts')], {
      env: { ...process.env, CMS_URL: cms.url, EXPORT_API_TOKEN: cms.readToken, PUBLISH_DIR: builds.root, EB_FAULT: 'kill-during-swap' },
      stdio: 'ignore',
    });
    const [, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on('exit', (code, sig) => resolve([code, sig])));
    expect(signal).toBe('SIGKILL');
    // The new build was complete on disk, but `current` still names the old one, which is whole.
    expect(builds.current()).toBe(published.dir);
    expect(fs.existsSync(path.join(published.dir, 'index.html'))).toBe(true);
    site.setDir(builds.current()!);
    expect(await servedState()).toEqual(published);
  }, 300_000);

  it('the next publish after all that succeeds', async () => {
    const worker = workerFor(cms.url);
    await worker.trigger('recovery');
    expect(worker.status.lastFailure).toBeNull();
    expect(builds.current()).not.toBe(published.dir);
    expect(fs.readdirSync(builds.root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 300_000);
});

describe('the rebuild worker', () => {
  it('coalesces a burst into one build, and triggers during a build into one follow-up', async () => {
    const lines: string[] = [];
    const worker = new RebuildWorker({ exportOptions: { cmsUrl: cms.url, token: cms.readToken }, builds, debounceMs: 200, log: (l) => lines.push(l) });
    await Promise.all(['a', 'b', 'c'].map((reason) => worker.trigger(reason)));
    expect(lines.filter((l) => l.startsWith('publicerad'))).toHaveLength(1);
    expect(worker.status.lastSuccess?.trigger).toBe('a, b, c');

    const first = worker.trigger('d');
    await expect.poll(() => worker.status.state, { timeout: 10_000, interval: 20 }).toBe('building');
    await Promise.all([first, worker.trigger('e'), worker.trigger('f')]);
    await worker.idle();
    expect(lines.filter((l) => l.startsWith('publicerad'))).toHaveLength(3);
    expect(worker.status.lastSuccess?.trigger).toBe('e, f');
  }, 300_000);
});
