import { compileStrapi, createStrapi } from '@strapi/strapi';
import path from 'path';
import { ensureEnvFile } from './ensure-env';
import { formatCounts, seedBank } from '../src/seed/load';

/** `npm run seed`: applies the seed files to the configured database, then exits. */
async function main() {
  const appDir = path.join(__dirname, '..');
  ensureEnvFile();
  process.env.SEED_ON_FIRST_RUN = 'false';
  const app = await createStrapi({ ...(await compileStrapi({ appDir })), autoReload: false, serveAdminPanel: false }).load();
  try {
    const counts = await seedBank(app, process.env.SEED_DIR || path.join(appDir, 'seed'));
    console.log(formatCounts(counts));
  } finally {
    await app.destroy();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error.message ?? error);
    process.exit(1);
  },
);
