import type { Core } from '@strapi/strapi';

export const REBUILD_WEBHOOK_NAME = 'Bygg om den publika webbplatsen';

/**
 * When the site's rebuild worker runs beside the CMS (npm start), the CMS tells it about every
 * publish, unpublish, update and delete. Registered here rather than by hand in the admin so a
 * fresh installation publishes to the live site without setup.
 */
export async function ensureRebuildWebhook(strapi: Core.Strapi) {
  const url = process.env.REBUILD_WEBHOOK_URL;
  if (!url) return;
  const store = strapi.get('webhookStore');
  const runner = strapi.get('webhookRunner');
  const data = {
    name: REBUILD_WEBHOOK_NAME,
    url,
    headers: { Authorization: `Bearer ${process.env.REBUILD_WEBHOOK_SECRET ?? ''}` },
    events: ['entry.publish', 'entry.unpublish', 'entry.update', 'entry.delete'],
    isEnabled: true,
  };
  const existing = (await store.findWebhooks()).find((w: { name: string }) => w.name === REBUILD_WEBHOOK_NAME);
  if (existing) {
    runner.update(await store.updateWebhook(existing.id, { ...existing, ...data }));
  } else {
    runner.add(await store.createWebhook(data));
  }
}
