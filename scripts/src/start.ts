import path from 'path';
import { ensureEnvFile } from '../../cms/scripts/ensure-env';
import { startCms } from './cms-process';
import { CMS_DIR, ROOT } from './paths';
import { RebuildWorker } from './publish/rebuild-worker';
import { SiteBuilds } from './publish/site-builds';
import { startWebhookServer } from './publish/webhook-server';
import { serveSite, type ServedSite } from './serve';

/**
 * `npm start`, the main job on the embedded default: the CMS on SQLite (seeded on its first
 * run), the export, the site build, the built site served, and a rebuild whenever an editor
 * publishes.
 */
async function main() {
  const env = { ...ensureEnvFile(path.join(CMS_DIR, '.env')), ...process.env } as Record<string, string>;
  const cmsPort = Number(env.CMS_PORT || 1337);
  const builds = new SiteBuilds(env.PUBLISH_DIR || path.join(ROOT, 'var', 'site'));
  let site: ServedSite | null = null;
  const worker = new RebuildWorker({
    exportOptions: { cmsUrl: `http://localhost:${cmsPort}`, token: env.EXPORT_API_TOKEN },
    builds,
    onPublish: (dir) => site?.setDir(dir),
  });
  const hook = await startWebhookServer(worker, { port: Number(env.REBUILD_PORT || 4322), secret: env.REBUILD_WEBHOOK_SECRET });
  const cms = await startCms({ port: cmsPort, extraEnv: { REBUILD_WEBHOOK_URL: `${hook.url}/webhook` } });

  const shutdown = async (code: number) => {
    await Promise.allSettled([cms.stop(), hook.close(), site?.close()]);
    process.exit(code);
  };
  process.on('SIGINT', () => shutdown(0));
  process.on('SIGTERM', () => shutdown(0));

  try {
    await publishAndServe();
  } catch (error) {
    console.error(`npm start misslyckades: ${(error as Error).message}`);
    await shutdown(1);
  }

  async function publishAndServe() {
    await worker.trigger('npm start');
    const current = builds.current();
    if (!current) {
      console.error(
        `npm start misslyckades: ingen webbplats kunde byggas (${worker.status.lastFailure?.step}): ${worker.status.lastFailure?.message}`,
      );
      return shutdown(1);
    }
    if (worker.status.lastFailure) console.warn('Den senast fungerande versionen av webbplatsen visas.');
    site = await serveSite({ dir: current, port: Number(env.SITE_PORT || 4321), host: env.SITE_HOST || '0.0.0.0' });

    console.log(
      [
        '',
        'Erfarenhetsbanken är igång:',
        `  Webbplatsen:              ${site.url}/`,
        `  Redaktörernas CMS:        ${cms.url}/admin`,
        `  Publiceringsstatus:       ${hook.url}/`,
        '  Första inloggningen: se raden "Första administratören skapad" ovan (skrivs bara ut första gången),',
        '  eller sätt ADMIN_EMAIL och ADMIN_PASSWORD innan första start.',
        'Det som publiceras i CMS:et syns på webbplatsen efter några sekunder. Avsluta med Ctrl+C.',
        '',
      ].join('\n'),
    );
  }
}

main().catch((error) => {
  console.error(`npm start misslyckades: ${error.message}`);
  process.exit(1);
});
