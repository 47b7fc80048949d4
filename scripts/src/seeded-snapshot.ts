import path from 'path';
import { fileURLToPath } from 'url';
import { compileCms, startEphemeralCms } from './ephemeral-cms';
import { exportSnapshot, snapshotCounts, writeSnapshot } from './export';
import { CMS_DIR } from './paths';

/**
 * Seeds a throwaway CMS from the seed files, exports it through the REST API with the read-only
 * token, and writes the snapshot: the real path from files to open data, without a running CMS.
 */
export async function seededSnapshot(outFile: string, seedDir = path.join(CMS_DIR, 'seed')) {
  await compileCms();
  const cms = await startEphemeralCms();
  try {
    const { seedBank } = await import('../../cms/src/seed/load');
    await seedBank(cms.strapi, seedDir);
    const snapshot = await exportSnapshot({ cmsUrl: cms.url, token: cms.readToken });
    writeSnapshot(snapshot, outFile);
    return snapshot;
  } finally {
    await cms.stop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const out = path.resolve(process.argv[2] ?? 'snapshot.json');
  seededSnapshot(out).then(
    (snapshot) => {
      console.log(`Wrote ${snapshotCounts(snapshot)} → ${out}`);
      process.exit(0);
    },
    (error) => {
      console.error(error.message ?? error);
      process.exit(1);
    },
  );
}
