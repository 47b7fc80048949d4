import { spawn, type ChildProcess } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths';
import { freePort } from '../helpers/net';
import { publishedOnly, readSeed } from '../helpers/seed-files';

let child: ChildProcess;
let output = '';
let tmp: string;
let siteUrl: string;
let cmsUrl: string;

/** `npm start` as a new user runs it, on a fresh SQLite file, until it prints its addresses. */
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-start-'));
  const [cmsPort, sitePort, rebuildPort] = [await freePort(), await freePort(), await freePort()];
  child = spawn('npm', ['start'], {
    cwd: ROOT,
    detached: true,
    env: {
      ...process.env,
      CMS_PORT: String(cmsPort),
      SITE_PORT: String(sitePort),
      DATABASE_FILENAME: path.join(tmp, 'data.db'),
      SNAPSHOT_PATH: path.join(tmp, 'snapshot.json'),
      PUBLISH_DIR: path.join(tmp, 'site'),
      REBUILD_PORT: String(rebuildPort),
      ADMIN_EMAIL: '',
      ADMIN_PASSWORD: '',
      LOG_LEVEL: 'info',
    },
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (/Avsluta med Ctrl\+C/.test(output)) {
        clearInterval(timer);
        resolve();
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`npm start exited with ${child.exitCode}:\n${output.slice(-3000)}`));
      }
    }, 250);
  });
  siteUrl = /Webbplatsen:\s+(\S+?)\/?\s/.exec(output)![1];
  cmsUrl = /CMS:\s+(\S+)\/admin/.exec(output)![1];
}, 600_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('npm start (the main job)', () => {
  it('prints both addresses and serves the site and the admin panel', async () => {
    expect(siteUrl).toMatch(/^http:\/\/localhost:\d+$/);
    expect((await fetch(`${siteUrl}/`)).status).toBe(200);
    expect((await fetch(`${siteUrl}/insatser/blommanpengarna/`)).status).toBe(200);
    const admin = await fetch(`${cmsUrl}/admin`);
    expect(admin.status).toBe(200);
    expect(await admin.text()).toContain('<div id="strapi"');
  });

  it('prints how the first admin logs in, and those credentials work', async () => {
    const [, email, password] = /Första administratören skapad: (\S+), lösenord: (\S+)/.exec(output)!;
    const login = await fetch(`${cmsUrl}/admin/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) });
    expect(login.status).toBe(200);
  });

  it('seeded the CMS and published every seed entry as open data', async () => {
    const data = await (await fetch(`${siteUrl}/data/erfarenhetsbank.json`)).json();
    for (const [collection, entries] of Object.entries(readSeed())) {
      expect(data[collection].map((e: any) => e.slug).sort(), collection).toEqual(publishedOnly(entries).map((e) => e.slug).sort());
    }
  });

  it('puts what an editor publishes live, through the webhook and the rebuild worker', async () => {
    const [, email, password] = /Första administratören skapad: (\S+), lösenord: (\S+)/.exec(output)!;
    const { data } = await (await fetch(`${cmsUrl}/admin/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) })).json();
    const headers = { Authorization: `Bearer ${data.token}`, 'Content-Type': 'application/json' };
    const lessons = `${cmsUrl}/content-manager/collection-types/api::lesson.lesson`;
    const slug = readSeed().lessons[0].slug;
    const [lesson] = (await (await fetch(`${lessons}?filters[slug][$eq]=${slug}`, { headers })).json()).results;
    const title = `Ny rubrik ${Date.now()}`;

    const started = Date.now();
    const published = await fetch(`${lessons}/${lesson.documentId}/actions/publish`, { method: 'POST', headers, body: JSON.stringify({ ...lesson, title }) });
    expect(published.status).toBe(200);
    let live = false;
    while (!live && Date.now() - started < 120_000) {
      live = (await (await fetch(`${siteUrl}/lardomar/${slug}/`)).text()).includes(title);
      if (!live) await new Promise((r) => setTimeout(r, 250));
    }
    console.log(`publish → live: ${Date.now() - started} ms`);
    expect(live).toBe(true);
    const statusUrl = /Publiceringsstatus:\s+(\S+)\//.exec(output)![1];
    const status = await (await fetch(`${statusUrl}/status`)).json();
    expect(status.lastSuccess.trigger).toContain('entry.publish');
  });
});

