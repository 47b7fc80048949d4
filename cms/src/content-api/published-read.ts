import type { Core } from '@strapi/strapi';
import { ownAttributes } from '../seed/models';

type Populate = Record<string, unknown>;

/**
 * Relations leave the CMS as `{ slug }` objects only: the response shape is decided here, once,
 * so the export and any other reader see the same thing and never over-fetch.
 */
export function slugPopulate(strapi: Core.Strapi, uid: string): Populate {
  const populate: Populate = {};
  for (const [name, attribute] of Object.entries(ownAttributes(strapi.getModel(uid as any).attributes))) {
    const attr = attribute as { type: string; target?: string; component?: string };
    if (attr.type === 'relation' && attr.target?.startsWith('api::')) {
      populate[name] = { fields: ['slug'] };
    } else if (attr.type === 'component' && attr.component) {
      populate[name] = { populate: slugPopulate(strapi, attr.component) };
    }
  }
  return populate;
}

/**
 * Non-admin readers (the read-only export token, anyone else) only ever get published content.
 * Strapi 5 lets any reader ask for `?status=draft`; that is refused here rather than trusted to
 * the token's scope.
 */
function readPublished(uid: string): Core.MiddlewareHandler {
  return async (ctx, next) => {
    const { status, publicationState } = ctx.query as Record<string, unknown>;
    if ((status !== undefined && status !== 'published') || publicationState !== undefined) {
      return ctx.forbidden('Only published content is available through this API.');
    }
    ctx.query.status = 'published';
    ctx.query.populate = slugPopulate(strapi, uid);
    return next();
  };
}

export function publishedReadRoutes(uid: string) {
  const middlewares = [readPublished(uid)];
  return { config: { find: { middlewares }, findOne: { middlewares } } };
}
