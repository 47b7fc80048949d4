import fs from 'fs';
import path from 'path';
import YAML from 'yaml';
import { SEED_DIR } from './paths';

export const TYPE_DIRS: Record<string, string> = {
  initiatives: 'initiatives', lessons: 'lessons', sources: 'sources', areas: 'areas',
  organisations: 'organisations', methods: 'methods', themes: 'themes',
};

/** Every entry of the seed files, per snapshot collection, as the files state them. */
export function readSeed(dir = SEED_DIR): Record<string, any[]> {
  const out: Record<string, any[]> = {};
  for (const [collection, folder] of Object.entries(TYPE_DIRS)) {
    const typeDir = path.join(dir, folder);
    out[collection] = fs.existsSync(typeDir)
      ? fs.readdirSync(typeDir).filter((f) => f.endsWith('.yaml')).sort().flatMap((f) => YAML.parse(fs.readFileSync(path.join(typeDir, f), 'utf8')) ?? [])
      : [];
  }
  return out;
}

export const publishedOnly = (entries: any[]) => entries.filter((e) => e.status !== 'draft');
