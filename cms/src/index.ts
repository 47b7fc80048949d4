import type { Core } from '@strapi/strapi';
import path from 'path';
import { applyAdminLabels } from './bootstrap/admin-labels';
import { ensureExportToken } from './bootstrap/export-token';
import { ensureFirstAdmin } from './bootstrap/first-admin';
import { ensureRebuildWebhook } from './bootstrap/rebuild-webhook';
import { formatCounts, seedBank } from './seed/load';
import { registerValidation } from './validation/document-middleware';

/** Seeds an empty bank on its first start; later starts never overwrite what editors changed. */
async function seedIfEmpty(strapi: Core.Strapi) {
  if (process.env.SEED_ON_FIRST_RUN === 'false') return;
  if ((await strapi.documents('api::initiative.initiative').count({} as any)) > 0) return;
  const dir = process.env.SEED_DIR || path.join(strapi.dirs.app.root, 'seed');
  const counts = await seedBank(strapi, dir);
  strapi.log.info(`Erfarenhetsbanken seeded from ${dir}:\n${formatCounts(counts)}`);
}

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerValidation(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await applyAdminLabels(strapi);
    await ensureFirstAdmin(strapi);
    await ensureExportToken(strapi);
    await ensureRebuildWebhook(strapi);
    await seedIfEmpty(strapi);
  },
};
