import fs from 'fs';
import path from 'path';
import YAML from 'yaml';
import type { Model } from './models';

export interface SeedEntry {
  file: string;
  index: number;
  data: Record<string, any>;
}

export class SeedError extends Error {
  constructor(readonly problems: string[]) {
    super(`Seed rejected, nothing was written:\n  - ${problems.join('\n  - ')}`);
    this.name = 'SeedError';
  }
}

/** Reads `<dir>/<pluralName>/*.yaml`: every file is a YAML list of entries of that type. */
export function readSeedFiles(dir: string, models: Record<string, Model>, uids: string[]) {
  const entries: Record<string, SeedEntry[]> = {};
  const problems: string[] = [];
  for (const uid of uids) {
    entries[uid] = [];
    const typeDir = path.join(dir, models[uid].pluralName!);
    if (!fs.existsSync(typeDir)) continue;
    for (const name of fs.readdirSync(typeDir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
      const file = path.relative(path.dirname(dir), path.join(typeDir, name));
      const doc = YAML.parseDocument(fs.readFileSync(path.join(typeDir, name), 'utf8'), { uniqueKeys: true });
      if (doc.errors.length > 0) {
        problems.push(...doc.errors.map((e) => `${file}: invalid YAML: ${e.message.split('\n')[0]}`));
        continue;
      }
      const list = doc.toJS() ?? [];
      if (!Array.isArray(list)) {
        problems.push(`${file}: must be a YAML list of entries`);
        continue;
      }
      list.forEach((data, index) => {
        if (data === null || typeof data !== 'object' || Array.isArray(data)) {
          problems.push(`${file}: entry ${index + 1} is not a mapping of fields`);
        } else {
          entries[uid].push({ file, index, data });
        }
      });
    }
  }
  return { entries, problems };
}
