import type { Core } from '@strapi/strapi';
import { LRUCache } from 'lru-cache';
import { ownAttributes } from '../seed/models';

// Pages larger than this are bulk reads (the export's, each read once per publish): sizing one for
// the cache means stringifying megabytes that are never asked for again, and storing it would
// evict the small pages that readers do repeat.
export const MAX_CACHED_ENTRIES = 100;

/**
 * Published content changes only when an editor writes, so responses are cached until the next
 * write of any entry. Keyed by the authenticated token too, since what a reader may see depends
 * on its permissions; only ever filled after authentication and authorisation have passed.
 */
const responses = new LRUCache<string, object>({ max: 2000, maxSize: 64 * 1024 * 1024, sizeCalculation: (body) => JSON.stringify(body).length || 1 });
// Bumped on every write: a response read before a write finishes is not stored after it.
let generation = 0;
let invalidationRegistered = false;

/** Called when a write starts and again when it commits, so no reader keeps a stale response. */
export function invalidatePublishedResponses() {
  generation += 1;
  responses.clear();
}

function cached(strapi: Core.Strapi): LRUCache<string, object> {
  if (!invalidationRegistered) {
    strapi.eventHub.subscribe(async (event: string) => {
      if (event.startsWith('entry.') || event.startsWith('media.')) invalidatePublishedResponses();
    });
    invalidationRegistered = true;
  }
  return responses;
}

const cacheable = (body: { data?: unknown }) => !Array.isArray(body.data) || body.data.length <= MAX_CACHED_ENTRIES;

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
    const cache = cached(strapi);
    const key = `${ctx.state.auth?.credentials?.id ?? 'anonymous'} ${ctx.method} ${ctx.path}?${ctx.querystring}`;
    const hit = cache.get(key);
    if (hit) {
      ctx.body = hit;
      return;
    }
    const startedAt = generation;
    ctx.query.status = 'published';
    ctx.query.populate = slugPopulate(strapi, uid);
    await next();
    if (ctx.status === 200 && ctx.body && typeof ctx.body === 'object' && startedAt === generation && cacheable(ctx.body)) cache.set(key, ctx.body as object);
  };
}

export function publishedReadRoutes(uid: string) {
  const middlewares = [readPublished(uid)];
  return { config: { find: { middlewares }, findOne: { middlewares } } };
}
