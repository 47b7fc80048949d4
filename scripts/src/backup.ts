import fs from 'fs';
import path from 'path';
import { fileURLToPath } from 'url';
import { ensureEnvFile } from '../../cms/scripts/ensure-env';
import { CMS_DIR, ROOT } from './paths';
import { run } from './run';

const STRAPI_BIN = path.join(ROOT, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');

function cmsEnv(): NodeJS.ProcessEnv {
  // A restore must land in the empty CMS as it is, not on top of freshly seeded content.
  return { ...ensureEnvFile(path.join(CMS_DIR, '.env')), ...process.env, SEED_ON_FIRST_RUN: 'false', STRAPI_TELEMETRY_DISABLED: 'true' };
}

/**
 * `npm run backup [file]`: Strapi's own data transfer archive (content with its relations and
 * draft/published versions, uploaded files, and the admin's stored configuration), unencrypted
 * .tar.gz. Admin accounts and API tokens are not part of it: a restored CMS creates its own.
 */
export async function backup(file = path.join(ROOT, 'var', 'backups', `erfarenhetsbanken-${new Date().toISOString().replace(/[:.]/g, '-')}`)) {
  const base = file.replace(/\.tar\.gz$/, '');
  fs.mkdirSync(path.dirname(base), { recursive: true });
  await run('backup', process.execPath, [STRAPI_BIN, 'export', '--no-encrypt', '--file', base], { cwd: CMS_DIR, env: cmsEnv(), quiet: true });
  return `${base}.tar.gz`;
}

/** `npm run restore <file>`: brings a backup into the configured CMS database, replacing what it holds. */
export async function restore(file: string) {
  if (!fs.existsSync(file)) throw new Error(`no backup at ${file}`);
  await run('restore', process.execPath, [STRAPI_BIN, 'import', '--file', path.resolve(file), '--force'], { cwd: CMS_DIR, env: cmsEnv(), quiet: true });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const [command, file] = process.argv.slice(2);
  const job = command === 'restore' ? restore(path.resolve(process.env.INIT_CWD ?? '.', file ?? '')).then(() => `Återställd från ${file}`) : backup(file && path.resolve(process.env.INIT_CWD ?? '.', file)).then((f) => `Säkerhetskopia: ${f}`);
  job.then(
    (message) => console.log(message),
    (error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
