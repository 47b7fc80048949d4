import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { TestProject } from 'vitest/node';
import { compileCms } from '@erfarenhetsbanken/scripts/ephemeral-cms';
import { ROOT } from './paths';
import { startPostgres } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The snapshot of the real seed, exported once per run from a throwaway CMS. */
    snapshotPath: string;
  }
}

/**
 * Once per run: compile the CMS's TypeScript for every test file that boots a Strapi, and
 * export the seed through a real CMS into a snapshot for the site tests. The export runs in a
 * child process so Strapi's shutdown cannot touch the runner's own process listeners.
 */
export default async function setup(project: TestProject) {
  // EB_DATABASE=postgres: every throwaway CMS of this run uses a private PostgreSQL instead of SQLite.
  const postgres = process.env.EB_DATABASE === 'postgres' && !process.env.TEST_DATABASE_URL ? await startPostgres() : null;
  if (postgres) process.env.TEST_DATABASE_URL = postgres.url;
  await compileCms();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-snapshot-'));
  const snapshotPath = path.join(dir, 'snapshot.json');
  execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/src/seeded-snapshot.ts'), snapshotPath], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: process.env,
  });
  project.provide('snapshotPath', snapshotPath);
  return () => {
    fs.rmSync(dir, { recursive: true, force: true });
    postgres?.stop();
  };
}
