import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { invalidatePublishedResponses } from '../content-api/published-read';
import { BANK_CONTENT_TYPES } from '../labels';
import { ownAttributes } from '../seed/models';
import { entryErrors, fieldError, publishErrors, type FieldError } from './rules';

const READ_ACTIONS = new Set(['findOne', 'findMany', 'findFirst', 'count']);
const WRITE_ACTIONS = new Set(['create', 'update', 'publish']);
const WITHDRAW_ACTIONS = new Set(['unpublish', 'delete']);

/**
 * Published lessons depend on published initiatives and sources. Strapi detaches a published
 * relation when its target is unpublished and does not restore it on republishing, so taking
 * away the last initiative or a cited source of a published lesson is refused instead.
 */
const LESSON_DEPENDENCIES: Record<string, { field: string; filters: (documentId: string) => object; breaks: (lesson: any) => boolean; text: string }> = {
  'api::initiative.initiative': {
    field: 'initiatives',
    filters: (documentId) => ({ initiatives: { documentId } }),
    breaks: (lesson) => lesson.initiatives.length <= 1,
    text: 'har ingen annan publicerad insats',
  },
  'api::source.source': {
    field: 'citations',
    filters: (documentId) => ({ citations: { source: { documentId } } }),
    breaks: () => true,
    text: 'citerar källan',
  },
};

function reject(fieldErrors: FieldError[]): never {
  throw new errors.ValidationError(fieldErrors.map((e) => e.message).join('; '), {
    errors: fieldErrors.map((e) => ({ ...e, name: 'ValidationError' })),
  });
}

/**
 * Validates what a write leaves stored, inside the write's own transaction: the admin panel,
 * the REST API and the seed loader all go through the Document Service, so they share these
 * rules, and a rejected write is rolled back whole. Every write also drops the content API's
 * cached responses, when it starts and when it commits.
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

  async function withdrawErrors(uid: string, documentId: string): Promise<FieldError[]> {
    const dependency = LESSON_DEPENDENCIES[uid];
    if (!dependency) return [];
    const lessons = await strapi.documents('api::lesson.lesson').findMany({
      status: 'published',
      filters: dependency.filters(documentId),
      populate: { initiatives: { fields: ['documentId'] } },
      fields: ['slug'],
      limit: 1000,
    } as any);
    return lessons.filter(dependency.breaks).map((lesson: any) =>
      fieldError('api::lesson.lesson', [dependency.field], `den publicerade lärdomen "${lesson.slug}" ${dependency.text}; avpublicera eller ändra lärdomen först`),
    );
  }

  strapi.documents.use(async (context, next) => {
    if (READ_ACTIONS.has(context.action) || !BANK_CONTENT_TYPES.includes(context.uid)) return next();
    const { uid } = context;
    const params = context.params as { documentId?: string; status?: string };

    if (WITHDRAW_ACTIONS.has(context.action) && params?.documentId) {
      const problems = await withdrawErrors(uid, params.documentId);
      if (problems.length > 0) reject(problems);
    }

    invalidatePublishedResponses();
    return strapi.db.transaction(async ({ onCommit }) => {
      onCommit(invalidatePublishedResponses);
      const result: any = await next();
      if (!WRITE_ACTIONS.has(context.action)) return result;
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
