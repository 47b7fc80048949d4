import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { BANK_CONTENT_TYPES } from '../labels';
import { ownAttributes } from '../seed/models';
import { entryErrors, fieldError, publishErrors, type FieldError } from './rules';

const WRITE_ACTIONS = new Set(['create', 'update', 'publish']);

function reject(fieldErrors: FieldError[]): never {
  throw new errors.ValidationError(fieldErrors.map((e) => e.message).join('; '), {
    errors: fieldErrors.map((e) => ({ ...e, name: 'ValidationError' })),
  });
}

/**
 * Validates what a write leaves stored, inside the write's own transaction: the admin panel,
 * the REST API and the seed loader all go through the Document Service, so they share these
 * rules, and a rejected write is rolled back whole.
 */
export function registerValidation(strapi: Core.Strapi) {
  const modelOf = (uid: string) => ownAttributes(strapi.getModel(uid as any).attributes) as any;
  const componentPopulate = (uid: string) =>
    Object.fromEntries(Object.entries(modelOf(uid)).filter(([, a]: any) => a.type === 'component').map(([name]) => [name, true]));

  async function duplicateSlugErrors(uid: string, entry: Record<string, any>): Promise<FieldError[]> {
    const found: FieldError[] = [];
    for (const [field, attr] of Object.entries(modelOf(uid)) as [string, any][]) {
      if (attr.type !== 'uid' || !entry[field]) continue;
      const other = await strapi.db.query(uid as any).findOne({ where: { [field]: entry[field], documentId: { $ne: entry.documentId } } });
      if (other) found.push(fieldError(uid, [field], `"${entry[field]}" används redan av en annan post`));
    }
    return found;
  }

  strapi.documents.use(async (context, next) => {
    if (!WRITE_ACTIONS.has(context.action) || !BANK_CONTENT_TYPES.includes(context.uid)) return next();
    const { uid } = context;
    const params = context.params as { documentId?: string; status?: string };

    return strapi.db.transaction(async () => {
      const result: any = await next();
      const documentId = params.documentId ?? result?.documentId;
      if (!documentId) return result;

      const draft = await strapi.documents(uid).findOne({ documentId, status: 'draft', populate: componentPopulate(uid) } as any);
      const fieldErrors = draft ? [...entryErrors(uid, draft, modelOf, false), ...(await duplicateSlugErrors(uid, draft))] : [];
      const publishing = context.action === 'publish' || params.status === 'published';
      if (publishing && fieldErrors.length === 0) {
        const populate = uid === 'api::lesson.lesson' ? { initiatives: { fields: ['documentId'] }, citations: { populate: { source: { fields: ['documentId'] } } } } : componentPopulate(uid);
        const published = await strapi.documents(uid).findOne({ documentId, status: 'published', populate } as any);
        if (published) fieldErrors.push(...entryErrors(uid, published, modelOf, true), ...publishErrors(uid, published));
      }
      if (fieldErrors.length > 0) reject(fieldErrors);
      return result;
    });
  });
}
