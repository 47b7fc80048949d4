import { entryErrors, publishErrors } from '../validation/rules';
import { isToMany, SEED_ORDER, type Model } from './models';
import type { SeedEntry } from './read-files';

const STATUS_VALUES = ['published', 'draft'];

export const isPublished = (data: Record<string, any>) => data.status !== 'draft';

/**
 * Checks every seed entry against the CMS schemas and the rules the CMS enforces on every write,
 * and every relation against the slugs the seed defines, before anything is written.
 */
export function checkSeed(entries: Record<string, SeedEntry[]>, models: Record<string, Model>): string[] {
  const problems: string[] = [];
  const slugs: Record<string, Map<string, SeedEntry>> = {};
  const modelOf = (uid: string) => models[uid].attributes;

  for (const uid of SEED_ORDER) {
    slugs[uid] = new Map();
    for (const entry of entries[uid] ?? []) {
      const slug = entry.data.slug;
      const first = slugs[uid].get(slug);
      if (first) {
        problems.push(`${entry.file}: ${uid.split('.')[1]} "${slug}" (entry ${entry.index + 1}): slug: already used in ${first.file} (entry ${first.index + 1})`);
      } else if (typeof slug === 'string') {
        slugs[uid].set(slug, entry);
      }
    }
  }

  /** Unknown fields and relations by slug; values themselves are left to entryErrors. */
  const checkShape = (where: string, model: Model, data: Record<string, any>, publishing: boolean, prefix = '') => {
    for (const field of Object.keys(data)) {
      if (!(field in model.attributes) && !(prefix === '' && field === 'status')) {
        problems.push(`${where}: ${prefix}${field}: unknown field (known: ${Object.keys(model.attributes).join(', ')})`);
      }
    }
    for (const [field, attr] of Object.entries(model.attributes)) {
      const value = data[field];
      if (value === undefined || value === null) continue;
      if (attr.type === 'relation') {
        const list = isToMany(attr) ? value : [value];
        if (!Array.isArray(list)) {
          problems.push(`${where}: ${prefix}${field}: must be a list of slugs`);
          continue;
        }
        for (const target of list) {
          const found = slugs[attr.target!]?.get(target);
          if (!found) problems.push(`${where}: ${prefix}${field}: no ${attr.target!.split('.')[1]} with slug "${target}"`);
          else if (publishing && !isPublished(found.data)) problems.push(`${where}: ${prefix}${field}: "${target}" is a draft, a published entry cannot point to it`);
        }
      } else if (attr.type === 'component') {
        if (!Array.isArray(value)) problems.push(`${where}: ${prefix}${field}: must be a list`);
        else value.forEach((item, i) => checkShape(where, models[attr.component!], item ?? {}, publishing, `${prefix}${field}.${i}.`));
      }
    }
  };

  for (const uid of SEED_ORDER) {
    for (const { file, index, data } of entries[uid] ?? []) {
      const where = `${file}: ${uid.split('.')[1]} "${data.slug ?? '?'}" (entry ${index + 1})`;
      const publishing = isPublished(data);
      if (data.status !== undefined && !STATUS_VALUES.includes(data.status)) {
        problems.push(`${where}: status: must be one of ${STATUS_VALUES.join(', ')}`);
      }
      if (data.slug === undefined) problems.push(`${where}: slug: is required`);
      checkShape(where, models[uid], data, publishing);
      const ruleErrors = [...entryErrors(uid, data, modelOf, publishing), ...(publishing ? publishErrors(uid, data) : [])];
      problems.push(...ruleErrors.map((e) => `${where}: ${e.message}`));
    }
  }
  return problems;
}
