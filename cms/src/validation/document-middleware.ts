import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { BANK_CONTENT_TYPES } from '../labels';
import { entryErrors, publishErrors, type FieldError } from './rules';

const WRITE_ACTIONS = new Set(['create', 'update', 'publish']);

function publishPopulate(uid: string) {
  return uid === 'api::lesson.lesson' ? { initiatives: { fields: ['documentId'] }, citations: { populate: { source: { fields: ['documentId'] } } } } : {};
}

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
  strapi.documents.use(async (context, next) => {
    if (!WRITE_ACTIONS.has(context.action) || !BANK_CONTENT_TYPES.includes(context.uid)) return next();
    const { uid } = context;
    const params = context.params as { documentId?: string; status?: string; locale?: string };

    return strapi.db.transaction(async () => {
      const result: any = await next();
      const documentId = params.documentId ?? result?.documentId;
      if (!documentId) return result;

      const draft = await strapi.documents(uid).findOne({ documentId, status: 'draft' } as any);
      const fieldErrors = draft ? entryErrors(uid, draft) : [];
      const publishing = context.action === 'publish' || params.status === 'published';
      if (publishing && fieldErrors.length === 0) {
        const published = await strapi.documents(uid).findOne({ documentId, status: 'published', populate: publishPopulate(uid) } as any);
        if (published) fieldErrors.push(...entryErrors(uid, published), ...publishErrors(uid, published));
      }
      if (fieldErrors.length > 0) reject(fieldErrors);
      return result;
    });
  });
}
