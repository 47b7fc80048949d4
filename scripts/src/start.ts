import path from 'path';
import { buildSite } from './build-site';
import { startCms } from './cms-process';
import { exportSnapshot, snapshotCounts, writeSnapshot } from './export';
import { DEFAULT_SNAPSHOT, SITE_DIR } from './paths';
import { serveSite } from './serve';

/**
 * `npm start`, the main job on the embedded default: the CMS on SQLite (seeded on its first
 * run), the export, the site build, and the built site served.
 */
async function main() {
  const cms = await startCms();
  const shutdown = async (code: number) => {
    await cms.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => shutdown(0));
  process.on('SIGTERM', () => shutdown(0));

  try {
    const snapshotPath = process.env.SNAPSHOT_PATH || DEFAULT_SNAPSHOT;
    const snapshot = await exportSnapshot({ cmsUrl: cms.url, token: cms.env.EXPORT_API_TOKEN });
    writeSnapshot(snapshot, snapshotPath);
    console.log(`Exporterat: ${snapshotCounts(snapshot)}`);

    const outDir = process.env.SITE_OUT_DIR || path.join(SITE_DIR, 'dist');
    await buildSite({ snapshotPath, outDir });
    const site = await serveSite({ dir: outDir, port: Number(process.env.SITE_PORT || 4321), host: process.env.SITE_HOST || '0.0.0.0' });

    console.log(
      [
        '',
        'Erfarenhetsbanken är igång:',
        `  Webbplatsen:              ${site.url}/`,
        `  Redaktörernas CMS:        ${cms.url}/admin`,
        '  Första inloggningen: se raden "Första administratören skapad" ovan (skrivs bara ut första gången),',
        '  eller sätt ADMIN_EMAIL och ADMIN_PASSWORD innan första start.',
        'Avsluta med Ctrl+C.',
        '',
      ].join('\n'),
    );
  } catch (error) {
    console.error(`npm start misslyckades: ${(error as Error).message}`);
    await shutdown(1);
  }
}

main();
