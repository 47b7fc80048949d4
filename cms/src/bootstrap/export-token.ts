import type { Core } from '@strapi/strapi';

export const EXPORT_TOKEN_NAME = 'Export (skrivskyddad)';

/**
 * The site build reads the CMS with a read-only API token. Its value is a generated secret in the
 * CMS env file (EXPORT_API_TOKEN), so the export can find it; here the CMS makes sure a read-only
 * token with exactly that value exists, and admins can see it under Settings → API Tokens.
 */
export async function ensureExportToken(strapi: Core.Strapi) {
  const accessKey = process.env.EXPORT_API_TOKEN;
  if (!accessKey) {
    strapi.log.warn('EXPORT_API_TOKEN is not set: no read-only export token was created.');
    return;
  }
  const tokens = strapi.service('admin::api-token');
  const stored = {
    accessKey: tokens.hash(accessKey),
    encryptedKey: strapi.service('admin::encryption').encrypt(accessKey),
    type: 'read-only',
    lifespan: null,
    expiresAt: null,
  };
  const existing = await tokens.getByName(EXPORT_TOKEN_NAME);
  const id =
    existing?.id ??
    (await tokens.create({ name: EXPORT_TOKEN_NAME, description: 'Används av exporten till den publika webbplatsen. Kan bara läsa publicerat innehåll.', type: 'read-only', lifespan: null })).id;
  await strapi.db.query('admin::api-token').update({ where: { id }, data: stored });
}
