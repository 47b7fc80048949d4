import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { describe, expect, it } from 'vitest';
import { ensureEnvFile } from '../../cms/scripts/ensure-env';
import { ROOT } from '../helpers/paths';

const KEYS = ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'ENCRYPTION_KEY', 'EXPORT_API_TOKEN', 'REBUILD_WEBHOOK_SECRET'];

describe('secrets', () => {
  it('are generated on first run into a private env file, kept on later runs, and filled in when missing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-env-'));
    const file = path.join(dir, '.env');
    const first = ensureEnvFile(file);
    for (const key of KEYS) expect(first[key], key).toMatch(/^\S{20,}$/);
    expect(first.APP_KEYS.split(',')).toHaveLength(4);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(ensureEnvFile(file)).toEqual(first);

    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^ENCRYPTION_KEY=.*\n/m, '') + 'CMS_PORT=1400\n');
    const third = ensureEnvFile(file);
    expect(third.ENCRYPTION_KEY).toMatch(/^\S{20,}$/);
    expect(third.ENCRYPTION_KEY).not.toBe(first.ENCRYPTION_KEY);
    expect(third.APP_KEYS).toBe(first.APP_KEYS);
    expect(third.CMS_PORT).toBe('1400');
    const other = ensureEnvFile(path.join(dir, 'other.env'));
    expect(other.APP_KEYS).not.toBe(first.APP_KEYS);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('are never committed: no env file, database or key material is tracked', () => {
    const tracked = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n');
    expect(tracked.filter((f) => /(^|\/)\.env($|\.)(?!example)|\.db$|\.sqlite3?$|\.pem$|\.key$/.test(f))).toEqual([]);
    const ignored = execFileSync('git', ['check-ignore', 'cms/.env', 'cms/.tmp/data.db'], { cwd: ROOT, encoding: 'utf8' });
    expect(ignored.trim().split('\n')).toEqual(['cms/.env', 'cms/.tmp/data.db']);
  });
});
