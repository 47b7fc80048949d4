import path from 'path';
import { fileURLToPath } from 'url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CMS_DIR = path.join(ROOT, 'cms');
export const SITE_DIR = path.join(ROOT, 'site');
/** Where the export writes and the site build reads, unless SNAPSHOT_PATH says otherwise. */
export const DEFAULT_SNAPSHOT = path.join(ROOT, 'var', 'snapshot.json');
