import crypto from 'crypto';
import fs from 'fs';
import path from 'path';

const secret = () => crypto.randomBytes(32).toString('base64');

/** Every secret the CMS needs; generated once per installation, never committed. */
const GENERATED: Record<string, () => string> = {
  APP_KEYS: () => Array.from({ length: 4 }, secret).join(','),
  API_TOKEN_SALT: secret,
  ADMIN_JWT_SECRET: secret,
  TRANSFER_TOKEN_SALT: secret,
  ENCRYPTION_KEY: secret,
  EXPORT_API_TOKEN: () => crypto.randomBytes(48).toString('hex'),
  REBUILD_WEBHOOK_SECRET: () => crypto.randomBytes(32).toString('hex'),
};

function parse(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match) values[match[1]] = match[2];
  }
  return values;
}

/** Adds any missing secret to the env file (created with mode 600) and returns the file's values. */
export function ensureEnvFile(file = path.join(__dirname, '..', '.env')): Record<string, string> {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Generated secrets for the Erfarenhetsbanken CMS. Never commit this file.\n';
  const values = parse(text);
  const missing = Object.keys(GENERATED).filter((key) => !values[key]);
  if (missing.length > 0) {
    const added = missing.map((key) => `${key}=${(values[key] = GENERATED[key]())}`).join('\n');
    fs.writeFileSync(file, `${text.replace(/\n?$/, '\n')}${added}\n`, { mode: 0o600 });
  }
  return values;
}

if (require.main === module) {
  ensureEnvFile();
}
