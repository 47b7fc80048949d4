import crypto from 'crypto';
import fs from 'fs';
import { createRequire } from 'module';
import os from 'os';
import path from 'path';
import { CMS_DIR } from './paths';

export const BANK_UIDS = ['theme', 'method', 'area', 'organisation', 'source', 'initiative', 'lesson'].map((n) => `api::${n}.${n}`);
export const PLURAL: Record<string, string> = {
  'api::initiative.initiative': 'initiatives', 'api::lesson.lesson': 'lessons', 'api::source.source': 'sources', 'api::area.area': 'areas',
  'api::organisation.organisation': 'organisations', 'api::method.method': 'methods', 'api::theme.theme': 'themes',
};

export interface TestCms {
  strapi: any;
  url: string;
  readToken: string;
  admin: { email: string; password: string };
  tmpDir: string;
  stop(): Promise<void>;
}

const secret = () => crypto.randomBytes(24).toString('base64');

/**
 * A real Strapi, loaded in this test worker on a fresh temporary database (SQLite unless
 * TEST_DATABASE_URL points at PostgreSQL), listening on a free port. The TypeScript is compiled
 * once by the global setup.
 */
export async function startCms(): Promise<TestCms> {
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
  });
  if (process.env.TEST_DATABASE_URL) {
    Object.assign(process.env, { DATABASE_CLIENT: 'postgres', DATABASE_URL: process.env.TEST_DATABASE_URL, DATABASE_SCHEMA: `t_${crypto.randomBytes(6).toString('hex')}` });
  }

  const { createStrapi } = createRequire(import.meta.url)('@strapi/strapi');
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
    },
  };
}

/** Logs in to the admin API as the bootstrap-created super admin and returns a request helper. */
export async function adminClient(cms: TestCms) {
  const login = await fetch(`${cms.url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(cms.admin),
  });
  if (!login.ok) throw new Error(`admin login failed: ${login.status} ${await login.text()}`);
  const { data } = await login.json();
  return async (method: string, pathname: string, body?: unknown) => {
    const response = await fetch(`${cms.url}${pathname}`, {
      method,
      headers: { Authorization: `Bearer ${data.token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
}

/** Everything stored for the bank's types, drafts and published versions alike, for before/after comparison. */
export async function storedState(strapi: any) {
  const state: Record<string, unknown> = {};
  for (const uid of BANK_UIDS) {
    state[uid] = await strapi.db.query(uid).findMany({ orderBy: { id: 'asc' }, populate: true });
  }
  return state;
}
