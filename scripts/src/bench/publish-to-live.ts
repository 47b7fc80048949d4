import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { EphemeralCms } from '../ephemeral-cms';
import { RebuildWorker } from '../publish/rebuild-worker';
import { SiteBuilds } from '../publish/site-builds';
import { startWebhookServer } from '../publish/webhook-server';
import { serveSite, type ServedSite } from '../serve';

/**
 * Publish → live at seed size, the way an editor sees it: a lesson is changed and published in
 * the CMS, the CMS's webhook reaches the rebuild worker, and the served site shows the change.
 * Call before starting the CMS (its bootstrap registers the webhook from the environment).
 */
export async function preparePublishToLive() {
  const secret = crypto.randomBytes(16).toString('hex');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-live-'));
  const builds = new SiteBuilds(root);
  const exportOptions = { cmsUrl: '', token: '' };
  let site: ServedSite | null = null;
  const worker = new RebuildWorker({ exportOptions, builds, log: () => {}, onPublish: (dir) => site?.setDir(dir) });
  const hook = await startWebhookServer(worker, { port: 0, secret });
  Object.assign(process.env, { REBUILD_WEBHOOK_URL: `${hook.url}/webhook`, REBUILD_WEBHOOK_SECRET: secret });

  return async function measure(cms: EphemeralCms, rounds = 3): Promise<number[]> {
    Object.assign(exportOptions, { cmsUrl: cms.url, token: cms.readToken });
    await worker.trigger('first build');
    site = await serveSite({ dir: builds.current()!, port: 0 });
    const lessons = cms.strapi.documents('api::lesson.lesson');
    const timings: number[] = [];
    try {
      for (let round = 0; round < rounds; round += 1) {
        const [lesson] = await lessons.findMany({ status: 'published', limit: 1, start: round });
        const title = `Mätning ${round} ${Date.now()}`;
        const started = Date.now();
        await lessons.update({ documentId: lesson.documentId, data: { title } });
        await lessons.publish({ documentId: lesson.documentId });
        while (!(await (await fetch(`${site.url}/lardomar/${lesson.slug}/`)).text()).includes(title)) {
          if (Date.now() - started > 180_000) throw new Error('the change never went live');
          await new Promise((r) => setTimeout(r, 100));
        }
        timings.push(Date.now() - started);
      }
    } finally {
      await site.close();
      await hook.close();
      fs.rmSync(root, { recursive: true, force: true });
      delete process.env.REBUILD_WEBHOOK_URL;
    }
    return timings;
  };
}
