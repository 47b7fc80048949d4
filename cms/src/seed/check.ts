import { entryErrors, publishErrors } from '../validation/rules';
import { isToMany, SEED_ORDER, type Attribute, type Model } from './models';
import type { SeedEntry } from './read-files';

const STATUS_VALUES = ['published', 'draft'];

export const isPublished = (data: Record<string, any>) => data.status !== 'draft';

function valueProblems(attr: Attribute, value: unknown, publishing: boolean): string | null {
  if (value === undefined || value === null || value === '') {
    return attr.required && publishing ? 'is required' : null;
  }
  switch (attr.type) {
    case 'string':
    case 'text':
    case 'richtext':
    case 'uid':
      if (typeof value !== 'string') return `must be text, got ${JSON.stringify(value)}`;
      if (attr.maxLength && value.length > attr.maxLength) return `is ${value.length} characters, at most ${attr.maxLength} allowed`;
      if (attr.regex && !new RegExp(attr.regex).test(value)) return `"${value}" must match ${attr.regex}`;
      return null;
    case 'integer':
    case 'decimal':
      if (typeof value !== 'number' || (attr.type === 'integer' && !Number.isInteger(value))) {
        return `must be ${attr.type === 'integer' ? 'a whole number' : 'a number'}, got ${JSON.stringify(value)}`;
      }
      if (attr.min !== undefined && value < attr.min) return `${value} is below the minimum ${attr.min}`;
      if (attr.max !== undefined && value > attr.max) return `${value} is above the maximum ${attr.max}`;
      return null;
    case 'enumeration':
      return attr.enum!.includes(value as string) ? null : `"${value}" is not one of ${attr.enum!.join(', ')}`;
    default:
      return null;
  }
}

/**
 * Checks every seed entry against the CMS schemas and the shared validation rules, and every
 * relation against the slugs the seed defines, before anything is written.
 */
export function checkSeed(entries: Record<string, SeedEntry[]>, models: Record<string, Model>): string[] {
  const problems: string[] = [];
  const slugs: Record<string, Map<string, SeedEntry>> = {};

  for (const uid of SEED_ORDER) {
    slugs[uid] = new Map();
    for (const entry of entries[uid] ?? []) {
      const slug = entry.data.slug;
      if (typeof slug === 'string' && slugs[uid].has(slug)) {
        const first = slugs[uid].get(slug)!;
        problems.push(`${entry.file}: ${uid.split('.')[1]} "${slug}" (entry ${entry.index + 1}): slug: already used in ${first.file} (entry ${first.index + 1})`);
      } else if (typeof slug === 'string') {
        slugs[uid].set(slug, entry);
      }
    }
  }

  const checkFields = (where: string, model: Model, data: Record<string, any>, publishing: boolean, prefix = '') => {
    for (const field of Object.keys(data)) {
      if (!(field in model.attributes) && !(prefix === '' && field === 'status')) {
        problems.push(`${where}: ${prefix}${field}: unknown field (known: ${Object.keys(model.attributes).join(', ')})`);
      }
    }
    for (const [field, attr] of Object.entries(model.attributes)) {
      const value = data[field];
      const path = `${prefix}${field}`;
      if (attr.type === 'relation') {
        if (value === undefined || value === null) continue;
        const list = isToMany(attr) ? value : [value];
        if (!Array.isArray(list)) {
          problems.push(`${where}: ${path}: must be a list of slugs`);
          continue;
        }
        for (const target of list) {
          if (!slugs[attr.target!]?.has(target)) problems.push(`${where}: ${path}: no ${attr.target!.split('.')[1]} with slug "${target}"`);
          else if (publishing && !isPublished(slugs[attr.target!].get(target)!.data)) {
            problems.push(`${where}: ${path}: "${target}" is a draft, a published entry cannot point to it`);
          }
        }
      } else if (attr.type === 'component') {
        if (value === undefined || value === null) continue;
        if (!Array.isArray(value)) {
          problems.push(`${where}: ${path}: must be a list`);
          continue;
        }
        value.forEach((item, i) => checkFields(where, models[attr.component!], item ?? {}, publishing, `${path}.${i}.`));
      } else {
        const problem = valueProblems(attr, value, publishing);
        if (problem) problems.push(`${where}: ${path}: ${problem}`);
      }
    }
  };

  for (const uid of SEED_ORDER) {
    const model = models[uid];
    for (const { file, index, data } of entries[uid] ?? []) {
      const where = `${file}: ${uid.split('.')[1]} "${data.slug ?? '?'}" (entry ${index + 1})`;
      if (data.status !== undefined && !STATUS_VALUES.includes(data.status)) {
        problems.push(`${where}: status: must be one of ${STATUS_VALUES.join(', ')}`);
      }
      if (data.slug === undefined) problems.push(`${where}: slug: is required`);
      checkFields(where, model, data, isPublished(data));
      const ruleErrors = [...entryErrors(uid, data), ...(isPublished(data) ? publishErrors(uid, data) : [])];
      problems.push(...ruleErrors.map((e) => `${where}: ${e.message}`));
    }
  }
  return problems;
}
