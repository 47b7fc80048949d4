/**
 * datapackage.json (Frictionless Data Package v1): describes every open-data file, and every
 * column of every CSV through a Table Schema derived from the field config. A field list of
 * slugs is a string column with a pattern (Table Schema v1 has no list type).
 */
import crypto from 'node:crypto';
import type { Snapshot } from '@erfarenhetsbanken/shared-types';
import { LIST_SEPARATOR, SLUG_PATTERN, TABLES, type Field, type Table } from './fields';
import type { DataFile } from './files';

export const LICENSE = {
  name: 'CC-BY-4.0',
  path: 'https://creativecommons.org/licenses/by/4.0/',
  title: 'Creative Commons Erkännande 4.0 Internationell (CC BY 4.0)',
};

export const CSV_DIALECT = { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true, skipInitialSpace: false };

const TYPE: Record<Field['kind'], { type: string; format?: string }> = {
  slug: { type: 'string' },
  ref: { type: 'string' },
  refs: { type: 'string' },
  text: { type: 'string' },
  markdown: { type: 'string' },
  code: { type: 'string' },
  integer: { type: 'integer' },
  year: { type: 'year' },
  datetime: { type: 'datetime' },
};

const LIST_PATTERN = `(${SLUG_PATTERN}(${LIST_SEPARATOR}${SLUG_PATTERN})*)?`;

function describeField(field: Field): Record<string, unknown> {
  const constraints: Record<string, unknown> = {};
  if (field.required) constraints.required = true;
  if (field.kind === 'slug') constraints.unique = true;
  if (field.kind === 'slug' || field.kind === 'ref') constraints.pattern = SLUG_PATTERN;
  if (field.kind === 'refs') constraints.pattern = LIST_PATTERN;
  if (field.kind === 'code' && field.labels) constraints.enum = Object.keys(field.labels);
  if (field.kind === 'integer') constraints.minimum = field.name === 'position' ? 1 : 0;
  let description = field.description;
  if (field.kind === 'code' && field.labels) {
    description += ` Värden: ${Object.entries(field.labels).map(([code, label]) => `${code} (${label})`).join(', ')}.`;
  }
  return {
    name: field.name,
    title: field.title,
    description,
    ...TYPE[field.kind],
    ...(Object.keys(constraints).length ? { constraints } : {}),
  };
}

export function tableSchema(table: Table): Record<string, unknown> {
  // Single-slug references are foreign keys; lists of slugs cannot be (a v1 key is one value).
  const foreignKeys = table.fields
    .filter((f) => f.kind === 'ref' && f.target)
    .map((f) => ({ fields: f.name, reference: { resource: f.target === table.name ? '' : f.target, fields: 'slug' } }));
  return {
    fields: table.fields.map(describeField),
    primaryKey: table.primaryKey.length === 1 ? table.primaryKey[0] : table.primaryKey,
    ...(foreignKeys.length ? { foreignKeys } : {}),
    missingValues: [''],
  };
}

const sha256 = (bytes: Buffer) => `sha256:${crypto.createHash('sha256').update(bytes).digest('hex')}`;

/** A file's entry in datapackage.json, with its size and hash. */
export function dataResource(file: DataFile): Record<string, unknown> {
  const common = {
    name: file.table ? file.table.name : 'erfarenhetsbank',
    path: file.file,
    title: file.table ? file.table.title : 'Hela banken (JSON)',
    description: file.table
      ? file.table.description
      : 'Hela Erfarenhetsbanken i en fil: generatedAt och en lista per typ av post, med relationer som identifierare (slug). Samma innehåll som CSV-filerna.',
    format: file.table ? 'csv' : 'json',
    mediatype: file.mediatype,
    encoding: 'utf-8',
    bytes: file.bytes.length,
    hash: sha256(file.bytes),
  };
  return file.table
    ? { ...common, profile: 'tabular-data-resource', dialect: CSV_DIALECT, schema: tableSchema(file.table) }
    : { ...common, profile: 'data-resource' };
}

/** The descriptor of the files in `resources` (dataResource of each of dataFiles). */
export function dataPackage(snapshot: Snapshot, site: string | URL, resources: Record<string, unknown>[]): Record<string, unknown> {
  const home = new URL('/', site).href;
  return {
    profile: 'data-package',
    name: 'erfarenhetsbanken',
    title: 'Erfarenhetsbanken',
    description:
      'Insatser för välfärd och områdesutveckling och lärdomarna från dem (framgångsfaktorer, hinder, insikter och rekommendationer), med källhänvisningar, teman, metoder, områden och aktörer.',
    homepage: home,
    created: snapshot.generatedAt,
    keywords: ['områdesutveckling', 'välfärd', 'lärdomar', 'framgångsfaktorer', 'hinder', 'utvärdering'],
    licenses: [LICENSE],
    contributors: [{ title: 'Erfarenhetsbanken', role: 'publisher', path: home }],
    resources,
  };
}

export { TABLES };
