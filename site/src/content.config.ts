import { defineCollection } from 'astro:content';
import { COLLECTION_SCHEMAS, snapshotInfoLoader, snapshotInfoSchema, snapshotLoader } from './lib/snapshot-loader';

// One collection per snapshot type, all read through the same named loader and the shared-types
// schemas, so the site can never silently accept data the contract forbids.
export const collections = {
  initiatives: defineCollection({ loader: snapshotLoader('initiatives'), schema: COLLECTION_SCHEMAS.initiatives }),
  lessons: defineCollection({ loader: snapshotLoader('lessons'), schema: COLLECTION_SCHEMAS.lessons }),
  sources: defineCollection({ loader: snapshotLoader('sources'), schema: COLLECTION_SCHEMAS.sources }),
  areas: defineCollection({ loader: snapshotLoader('areas'), schema: COLLECTION_SCHEMAS.areas }),
  organisations: defineCollection({ loader: snapshotLoader('organisations'), schema: COLLECTION_SCHEMAS.organisations }),
  methods: defineCollection({ loader: snapshotLoader('methods'), schema: COLLECTION_SCHEMAS.methods }),
  themes: defineCollection({ loader: snapshotLoader('themes'), schema: COLLECTION_SCHEMAS.themes }),
  snapshot: defineCollection({ loader: snapshotInfoLoader(), schema: snapshotInfoSchema }),
};
