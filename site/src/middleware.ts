import { defineMiddleware } from 'astro:middleware';
import { isPrimaryShard } from './lib/shard';

/**
 * In a secondary build shard only the entry pages (the `[slug]` routes, filtered by
 * `entryPaths`) are rendered; every other page comes from the primary shard. Routes with other
 * parameters give no paths there (`listPaths`, the search index); pages without parameters are
 * skipped here with an empty body that the merge discards.
 */
export const onRequest = defineMiddleware((context, next) =>
  isPrimaryShard || context.params.slug !== undefined ? next() : new Response(''),
);
