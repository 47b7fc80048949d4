import type { Core } from '@strapi/strapi';
import { FIELD_LABELS } from '../labels';

const MAIN_FIELDS: Record<string, string> = { 'shared.citation': 'pages' };

/** Writes the Swedish field labels into the content manager's stored layout configuration. */
export async function applyAdminLabels(strapi: Core.Strapi) {
  const contentManager = strapi.plugin('content-manager');
  for (const [uid, labels] of Object.entries(FIELD_LABELS)) {
    const isComponent = !uid.startsWith('api::');
    const service = contentManager.service(isComponent ? 'components' : 'content-types');
    const model = isComponent ? strapi.components[uid as any] : strapi.contentTypes[uid as any];
    const config = await service.findConfiguration(model);
    const metadatas = { ...config.metadatas };
    for (const [field, label] of Object.entries(labels)) {
      if (!metadatas[field]) continue;
      metadatas[field] = {
        ...metadatas[field],
        edit: { ...metadatas[field].edit, label },
        list: { ...metadatas[field].list, label },
      };
    }
    const mainField = MAIN_FIELDS[uid] ?? ('title' in labels ? 'title' : 'name');
    await service.updateConfiguration(model, {
      settings: { ...config.settings, mainField, defaultSortBy: mainField },
      metadatas,
      layouts: config.layouts,
    });
  }
}
