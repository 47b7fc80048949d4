import fs from 'fs';
import path from 'path';
import { fileURLToPath } from 'url';
import { COLLECTION_NAMES, parseSnapshot, type Snapshot } from '@erfarenhetsbanken/shared-types';
import { ensureEnvFile } from '../../cms/scripts/ensure-env';
import { CMS_DIR, DEFAULT_SNAPSHOT } from './paths';

export interface ExportOptions {
  cmsUrl: string;
  token: string;
  pageSize?: number;
}

export class ExportError extends Error {
  name = 'ExportError';
}

/** Relations arrive as `{ documentId, slug }`; the open-data contract carries only the slug. */
function toSnapshotItem(value: any): any {
  if (Array.isArray(value)) return value.map(toSnapshotItem);
  if (value && typeof value === 'object') {
    if ('documentId' in value && !('publishedAt' in value)) return value.slug ?? null;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toSnapshotItem(v)]));
  }
  return value;
}

async function getJson(url: string, token: string) {
  let response: Response;
  try {
    response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  } catch (error) {
    throw new ExportError(`The CMS did not answer at ${url}: ${(error as Error).cause ?? (error as Error).message}`);
  }
  if (!response.ok) {
    throw new ExportError(`The CMS answered ${response.status} ${response.statusText} for ${url}: ${(await response.text()).slice(0, 300)}`);
  }
  return response.json() as Promise<any>;
}

/** Pages through every collection with the read-only token and returns the validated snapshot. */
export async function exportSnapshot({ cmsUrl, token, pageSize = 100 }: ExportOptions): Promise<Snapshot> {
  const raw: Record<string, unknown> = { generatedAt: new Date().toISOString() };
  for (const collection of COLLECTION_NAMES) {
    const items: unknown[] = [];
    for (let page = 1, pageCount = 1; page <= pageCount; page += 1) {
      const url = `${cmsUrl.replace(/\/$/, '')}/api/${collection}?sort=slug:asc&pagination[page]=${page}&pagination[pageSize]=${pageSize}`;
      const body = await getJson(url, token);
      items.push(...body.data.map(toSnapshotItem));
      pageCount = body.meta.pagination.pageCount;
    }
    raw[collection] = items;
  }
  return parseSnapshot(raw);
}

/** Writes via a temporary file and a rename, so a reader never sees half a snapshot. */
export function writeSnapshot(snapshot: Snapshot, file: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(snapshot, null, 2)}\n`);
  fs.renameSync(tmp, file);
}

export function exportOptionsFromEnv(): ExportOptions {
  const env = { ...ensureEnvFile(path.join(CMS_DIR, '.env')), ...process.env };
  return { cmsUrl: env.CMS_URL || `http://localhost:${env.CMS_PORT || 1337}`, token: env.EXPORT_API_TOKEN! };
}

export const snapshotCounts = (snapshot: Snapshot) => COLLECTION_NAMES.map((c) => `${c}: ${snapshot[c].length}`).join(', ');

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const file = process.env.SNAPSHOT_PATH || DEFAULT_SNAPSHOT;
  exportSnapshot(exportOptionsFromEnv()).then(
    (snapshot) => {
      writeSnapshot(snapshot, file);
      console.log(`Exported ${snapshotCounts(snapshot)} → ${file}`);
    },
    (error) => {
      console.error(`Export failed: ${error.message}`);
      process.exit(1);
    },
  );
}
