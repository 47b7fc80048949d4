import { execFileSync, spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { freePort } from './net';

function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const dir = versions.map((v) => path.join(root, v, 'bin')).find((d) => fs.existsSync(path.join(d, 'initdb')));
  if (!dir) throw new Error('PostgreSQL is not installed (apt-get install postgresql); .ci/run installs it');
  return dir;
}

/**
 * A private PostgreSQL cluster for the test run: its own data directory and port, trust auth on
 * loopback, removed afterwards. PostgreSQL refuses to run as root, so as root it runs as the
 * `postgres` system user (or `nobody`).
 */
export async function startPostgres(): Promise<{ url: string; stop(): void }> {
  const bin = postgresBinDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-pg-'));
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? (spawnSync('id', ['-u', 'postgres']).status === 0 ? 'postgres' : 'nobody') : null;
  if (user) execFileSync('chown', ['-R', user, dir]);
  const pg = (tool: string, args: string[]) =>
    execFileSync(user ? 'runuser' : path.join(bin, tool), user ? ['-u', user, '--', path.join(bin, tool), ...args] : args, { stdio: 'pipe' });

  pg('initdb', ['-D', path.join(dir, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  pg('pg_ctl', ['-D', path.join(dir, 'data'), '-l', path.join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  pg('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'erfarenhetsbanken']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/erfarenhetsbanken`,
    stop() {
      try {
        pg('pg_ctl', ['-D', path.join(dir, 'data'), '-m', 'immediate', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
