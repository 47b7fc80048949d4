import path from 'path';
import { fileURLToPath } from 'url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CMS_DIR = path.join(ROOT, 'cms');
export const SEED_DIR = path.join(CMS_DIR, 'seed');
export const SHARED_SEEDS_DIR = path.resolve(ROOT, '..', 'shared', 'seeds');
