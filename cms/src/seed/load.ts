import type { Core } from '@strapi/strapi';
import { isDeepStrictEqual } from 'util';
import { slugPopulate } from '../content-api/published-read';
import { checkSeed, isPublished } from './check';
import { isToMany, ownAttributes, SEED_ORDER, type Model } from './models';
import { readSeedFiles, SeedError } from './read-files';

export interface SeedCounts {
  [type: string]: { total: number; created: number; updated: number; published: number; unchanged: number };
}

type Doc = Record<string, any>;

/** The comparable form of an entry, whether it comes from a seed file (slugs) or the CMS ({ slug }). */
function normalise(model: Model, models: Record<string, Model>, data: Doc): Doc {
  const out: Doc = {};
  for (const [field, attr] of Object.entries(model.attributes)) {
    const value = data[field];
    const slugOf = (v: any) => (v && typeof v === 'object' ? v.slug : v) ?? null;
    if (attr.type === 'relation') {
      out[field] = isToMany(attr) ? (value ?? []).map(slugOf).sort() : slugOf(value);
    } else if (attr.type === 'component') {
      out[field] = (value ?? []).map((item: Doc) => normalise(models[attr.component!], models, item));
    } else if ((attr.type === 'decimal' || attr.type === 'biginteger') && value != null) {
      out[field] = Number(value);
    } else {
      out[field] = value === undefined || value === '' ? null : value;
    }
  }
  return out;
}

/** The Document Service payload: relations as documentIds, absent fields cleared. */
function toWriteData(model: Model, models: Record<string, Model>, data: Doc, ids: Record<string, Map<string, string>>): Doc {
  const out: Doc = {};
  for (const [field, attr] of Object.entries(model.attributes)) {
    const value = data[field];
    if (attr.type === 'relation') {
      const idOf = (slug: string) => ids[attr.target!].get(slug)!;
      out[field] = isToMany(attr) ? (value ?? []).map(idOf) : value ? idOf(value) : null;
    } else if (attr.type === 'component') {
      out[field] = (value ?? []).map((item: Doc) => toWriteData(models[attr.component!], models, item, ids));
    } else {
      out[field] = value === undefined || value === '' ? null : value;
    }
  }
  return out;
}

/**
 * Loads the seed files through the Document Service. Idempotent (an entry that already matches
 * its file is not touched) and all-or-nothing: the files are checked first, and the writes run
 * in one transaction.
 */
export async function seedBank(strapi: Core.Strapi, dir: string): Promise<SeedCounts> {
  const models: Record<string, Model> = {};
  for (const uid of Object.keys(strapi.contentTypes).concat(Object.keys(strapi.components))) {
    const model = strapi.getModel(uid as any) as any;
    models[uid] = { uid, pluralName: model.info?.pluralName, attributes: ownAttributes(model.attributes) };
  }
  const { entries, problems } = readSeedFiles(dir, models, SEED_ORDER);
  problems.push(...checkSeed(entries, models));
  if (problems.length > 0) throw new SeedError(problems);

  const counts: SeedCounts = {};
  await strapi.db.transaction(async () => {
    const ids: Record<string, Map<string, string>> = {};
    const existing: Record<string, Map<string, Doc>> = {};

    // Pass 1: every entry gets a document, so relations (including self-relations) can resolve.
    for (const uid of SEED_ORDER) {
      const docs = (await strapi.documents(uid as any).findMany({ status: 'draft', populate: slugPopulate(strapi, uid) } as any)) as Doc[];
      existing[uid] = new Map(docs.map((doc) => [doc.slug, doc]));
      ids[uid] = new Map(docs.map((doc) => [doc.slug, doc.documentId]));
      counts[uid.split('.')[1]] = { total: entries[uid].length, created: 0, updated: 0, published: 0, unchanged: 0 };
      for (const { data } of entries[uid]) {
        if (ids[uid].has(data.slug)) continue;
        const created = await strapi.documents(uid as any).create({ data: { slug: data.slug } } as any);
        ids[uid].set(data.slug, (created as Doc).documentId);
        counts[uid.split('.')[1]].created += 1;
      }
    }

    // Pass 2: bring each draft in line with its file, then publish in dependency order.
    for (const uid of SEED_ORDER) {
      const model = models[uid];
      const count = counts[uid.split('.')[1]];
      const publishedIds = new Set(
        ((await strapi.documents(uid as any).findMany({ status: 'published', fields: ['documentId'] } as any)) as Doc[]).map((d) => d.documentId),
      );
      for (const { data } of entries[uid]) {
        const documentId = ids[uid].get(data.slug)!;
        const current = existing[uid].get(data.slug);
        const changed = !current || !isDeepStrictEqual(normalise(model, models, current), normalise(model, models, data));
        if (changed) {
          await strapi.documents(uid as any).update({ documentId, data: toWriteData(model, models, data, ids) } as any);
          if (current) count.updated += 1;
        }
        if (isPublished(data) && (changed || !publishedIds.has(documentId))) {
          await strapi.documents(uid as any).publish({ documentId } as any);
          count.published += 1;
        } else if (!isPublished(data) && publishedIds.has(documentId)) {
          await strapi.documents(uid as any).unpublish({ documentId } as any);
        }
        if (!changed && current && (isPublished(data) === publishedIds.has(documentId))) count.unchanged += 1;
      }
    }
  });
  return counts;
}

export function formatCounts(counts: SeedCounts): string {
  return Object.entries(counts)
    .map(([type, c]) => `${type.padEnd(13)} ${String(c.total).padStart(4)} in files: ${c.created} created, ${c.updated} updated, ${c.published} published, ${c.unchanged} unchanged`)
    .join('\n');
}
