import fs from 'fs';
import path from 'path';

export interface Attribute {
  type: string;
  required?: boolean;
  maxLength?: number;
  min?: number | string;
  max?: number | string;
  regex?: string;
  enum?: string[];
  relation?: string;
  target?: string;
  component?: string;
  repeatable?: boolean;
}

export interface Model {
  uid: string;
  pluralName?: string;
  attributes: Record<string, Attribute>;
}

/** Seeding order: every type after the types its relations point to. */
export const SEED_ORDER = ['theme', 'method', 'area', 'organisation', 'source', 'initiative', 'lesson'].map(
  (name) => `api::${name}.${name}`,
);

/** Fields Strapi adds to every model; the bank's own fields are the rest. */
const SYSTEM_FIELDS = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations']);

export function ownAttributes<T>(attributes: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(attributes).filter(([name]) => !SYSTEM_FIELDS.has(name)));
}

export const isToMany = (attr: Attribute) => /ToMany$/.test(attr.relation ?? '');

/** Reads the content-type and component schemas from the CMS source tree, without starting Strapi. */
export function readModels(srcDir: string): Record<string, Model> {
  const models: Record<string, Model> = {};
  const apiDir = path.join(srcDir, 'api');
  for (const name of fs.readdirSync(apiDir)) {
    const schema = JSON.parse(fs.readFileSync(path.join(apiDir, name, 'content-types', name, 'schema.json'), 'utf8'));
    const uid = `api::${name}.${name}`;
    models[uid] = { uid, pluralName: schema.info.pluralName, attributes: schema.attributes };
  }
  const componentsDir = path.join(srcDir, 'components');
  for (const category of fs.readdirSync(componentsDir)) {
    for (const file of fs.readdirSync(path.join(componentsDir, category)).filter((f) => f.endsWith('.json'))) {
      const schema = JSON.parse(fs.readFileSync(path.join(componentsDir, category, file), 'utf8'));
      const uid = `${category}.${path.basename(file, '.json')}`;
      models[uid] = { uid, attributes: schema.attributes };
    }
  }
  return models;
}
