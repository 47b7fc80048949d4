import { spawn, type ChildProcess } from 'child_process';
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import { ensureEnvFile } from '../../cms/scripts/ensure-env';
import { CMS_DIR, ROOT } from './paths';
import { run, waitForHttp } from './run';

const STRAPI_BIN = path.join(ROOT, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');
const ADMIN_STAMP = path.join(CMS_DIR, 'dist', 'build', '.erfarenhetsbanken-stamp');

/** What the admin bundle depends on: rebuilding it (~1 min, ~2 GB) only when this changes. */
function adminFingerprint(): string {
  const hash = crypto.createHash('sha256');
  const strapiVersion = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', '@strapi', 'strapi', 'package.json'), 'utf8')).version;
  hash.update(strapiVersion);
  const adminDir = path.join(CMS_DIR, 'src', 'admin');
  for (const file of fs.readdirSync(adminDir, { recursive: true }).map(String).sort()) {
    const full = path.join(adminDir, file);
    if (fs.statSync(full).isFile()) hash.update(file).update(fs.readFileSync(full));
  }
  return hash.digest('hex');
}

/** Compiles the CMS, building the admin panel only when it is missing or out of date. */
export async function buildCms(env: NodeJS.ProcessEnv) {
  const fingerprint = adminFingerprint();
  const current = fs.existsSync(ADMIN_STAMP) ? fs.readFileSync(ADMIN_STAMP, 'utf8') : '';
  if (current === fingerprint) {
    const compile = `require('@strapi/strapi').compileStrapi({ appDir: ${JSON.stringify(CMS_DIR)} }).then(() => process.exit(0))`;
    await run('compiling the CMS', process.execPath, ['-e', compile], { cwd: CMS_DIR, env });
    return;
  }
  console.log('Bygger administrationspanelen (första gången tar det ungefär en minut) …');
  await run('building the admin panel', process.execPath, [STRAPI_BIN, 'build'], { cwd: CMS_DIR, env });
  fs.writeFileSync(ADMIN_STAMP, fingerprint);
}

export interface CmsProcess {
  url: string;
  child: ChildProcess;
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** Starts the built CMS (`strapi start`) with the generated secrets and waits until it answers. */
export async function startCms({ port = Number(process.env.CMS_PORT || 1337), extraEnv = {} as Record<string, string> } = {}): Promise<CmsProcess> {
  const env = { ...ensureEnvFile(path.join(CMS_DIR, '.env')), ...process.env, ...extraEnv, CMS_PORT: String(port), STRAPI_TELEMETRY_DISABLED: 'true' } as Record<string, string>;
  await buildCms(env);
  const child = spawn(process.execPath, [STRAPI_BIN, 'start'], { cwd: CMS_DIR, env, stdio: 'inherit' });
  const url = `http://localhost:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  try {
    await waitForHttp(`${url}/_health`, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, child, env, stop };
}
