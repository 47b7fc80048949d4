import crypto from 'crypto';
import fs from 'fs';
import { createRequire } from 'module';
import os from 'os';
import path from 'path';
import { CMS_DIR } from './paths';

// Strapi's ESM build does not resolve under plain Node ESM (a lodash/fp directory import); its CommonJS build does.
const require = createRequire(import.meta.url);

export interface EphemeralCms {
  strapi: any;
  url: string;
  readToken: string;
  admin: { email: string; password: string };
  tmpDir: string;
  stop(): Promise<void>;
}

async function postgres(sql: string) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const secret = () => crypto.randomBytes(24).toString('base64');

/**
 * A real Strapi, loaded in this process on a fresh temporary database (SQLite unless
 * TEST_DATABASE_URL points at PostgreSQL) with generated secrets, listening on a free port.
 * Tests and tools use it; the CMS's TypeScript must have been compiled (compileCms) first.
 */
export async function startEphemeralCms(): Promise<EphemeralCms> {
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-cms-'));
  const admin = { email: 'redaktor@example.org', password: `Test${crypto.randomBytes(8).toString('hex')}1` };
  const readToken = crypto.randomBytes(32).toString('hex');
  Object.assign(process.env, {
    NODE_ENV: 'test',
    STRAPI_TELEMETRY_DISABLED: 'true',
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: path.join(tmpDir, 'test.db'),
    APP_KEYS: [secret(), secret()].join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    ENCRYPTION_KEY: secret(),
    EXPORT_API_TOKEN: readToken,
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    SEED_ON_FIRST_RUN: 'false',
    LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
  });
  // On PostgreSQL every throwaway CMS gets its own schema in the given database.
  const pgSchema = process.env.TEST_DATABASE_URL ? `t_${crypto.randomBytes(6).toString('hex')}` : null;
  if (pgSchema) {
    Object.assign(process.env, { DATABASE_CLIENT: 'postgres', DATABASE_URL: process.env.TEST_DATABASE_URL, DATABASE_SCHEMA: pgSchema });
    await postgres(`CREATE SCHEMA ${pgSchema}`);
  }

  const { createStrapi } = require('@strapi/strapi');
  const strapi = createStrapi({ appDir: CMS_DIR, distDir: path.join(CMS_DIR, 'dist'), autoReload: false, serveAdminPanel: false } as any);
  // strapi.destroy() removes every process listener, which would take the test runner's with it.
  const listeners = (['exit', 'SIGINT', 'SIGTERM', 'uncaughtException', 'unhandledRejection'] as const).map((e) => [e, process.listeners(e as any)] as const);
  await strapi.load();
  await strapi.server.mount();
  await new Promise<void>((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = strapi.server.httpServer.address();

  return {
    strapi,
    url: `http://127.0.0.1:${port}`,
    readToken,
    admin,
    tmpDir,
    async stop() {
      await strapi.destroy();
      for (const [event, fns] of listeners) for (const fn of fns) if (!process.listeners(event as any).includes(fn)) process.on(event as any, fn as any);
      fs.rmSync(tmpDir, { recursive: true, force: true });
      if (pgSchema) await postgres(`DROP SCHEMA ${pgSchema} CASCADE`);
    },
  };
}

export async function compileCms() {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  await require('@strapi/strapi').compileStrapi({ appDir: CMS_DIR });
}
