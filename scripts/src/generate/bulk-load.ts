import crypto from 'crypto';
import path from 'path';
import { createRequire } from 'module';
import { COLLECTIONS, COLLECTION_NAMES, parseSnapshot, type Snapshot } from '@erfarenhetsbanken/shared-types';

const require = createRequire(import.meta.url);

/**
 * Loads a snapshot into an empty bank with plain SQL. The Document Service spends ~40 ms per
 * entry (validation middleware, lifecycles, one query per relation), which makes 60,000 entries
 * an hour's work; these inserts take seconds. Everything is derived from Strapi's own metadata
 * (tables, columns, link and component tables), so it follows the content types as they change.
 *
 * What is written is what Strapi 5 Draft & Publish writes itself: per published document a draft
 * row (published_at NULL) and a published row sharing one document_id, each with its own
 * relation links (draft → draft, published → published) and its own component rows; locale NULL
 * for these non-localised types.
 */

export class BulkLoadError extends Error {
  name = 'BulkLoadError';
}

type Knex = any;
type Row = Record<string, unknown>;
interface Versions {
  draft: number;
  published: number;
}
interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  orderColumnName?: string;
  inverseOrderColumnName?: string;
  on?: Record<string, string>;
  morphColumn?: { typeColumn?: { name: string } };
}
interface Attribute {
  type: string;
  columnName?: string;
  target?: string;
  relation?: string;
  joinTable?: JoinTable;
  joinColumn?: { name: string };
}
interface Meta {
  uid: string;
  tableName: string;
  attributes: Record<string, Attribute>;
}

// Strapi fills these itself; everything else a snapshot item carries is the bank's own data.
const SYSTEM_ATTRIBUTES = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations']);
// Relations must be written after their targets exist; this is the order the seed loader uses too.
const LOAD_ORDER = ['themes', 'methods', 'areas', 'organisations', 'sources', 'initiatives', 'lessons'] as const;
const uidOf = (collection: string) => `api::${(COLLECTIONS as Record<string, string>)[collection]}.${(COLLECTIONS as Record<string, string>)[collection]}`;

/** Strapi's document ids are 24 lower-case alphanumerics starting with a letter (cuid2). */
function documentId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = crypto.randomBytes(24);
  let id = alphabet[bytes[0] % 26];
  for (let i = 1; i < 24; i += 1) id += alphabet[bytes[i] % 36];
  return id;
}

function toColumnValue(attr: Attribute, value: unknown): unknown {
  if (value === undefined) return null;
  if ((attr.type === 'datetime' || attr.type === 'timestamp') && typeof value === 'string') return new Date(value);
  return value;
}

/** Scalar columns of one item: every own attribute stored in the entity table itself. */
function scalarColumns(meta: Meta, item: Row): Row {
  const row: Row = {};
  for (const [name, attr] of Object.entries(meta.attributes)) {
    if (SYSTEM_ATTRIBUTES.has(name) || attr.type === 'relation' || attr.type === 'component' || !attr.columnName) continue;
    row[attr.columnName] = toColumnValue(attr, item[name]);
  }
  return row;
}

export interface BulkLoadCounts {
  [collection: string]: number;
}

/** Inserts `rows` in chunks small enough for SQLite's bound-variable limit; returns their ids in order. */
async function insertRows(trx: Knex, schema: string | undefined, table: string, rows: Row[], withIds: boolean): Promise<number[]> {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]).length;
  const chunkSize = Math.max(1, Math.min(500, Math.floor(8000 / columns)));
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += chunkSize) {
    let query = trx(table);
    if (schema) query = query.withSchema(schema);
    const chunk = rows.slice(i, i + chunkSize);
    if (withIds) {
      // RETURNING works on both PostgreSQL and SQLite ≥ 3.35 and gives the rows in VALUES order.
      const returned: any[] = await query.insert(chunk).returning('id');
      ids.push(...returned.map((r) => (typeof r === 'object' ? r.id : r)));
    } else {
      await query.insert(chunk);
    }
  }
  if (withIds && ids.length !== rows.length) throw new BulkLoadError(`${table}: inserted ${rows.length} rows but got ${ids.length} ids back`);
  return ids;
}

/** Refuses a bank that already has entries: the bulk load only ever fills an empty one, so nothing stored is lost. */
async function assertEmpty(trx: Knex, schema: string | undefined, metas: Meta[]) {
  const occupied: string[] = [];
  for (const meta of metas) {
    let query = trx(meta.tableName);
    if (schema) query = query.withSchema(schema);
    const [{ count }] = await query.count({ count: '*' });
    if (Number(count) > 0) occupied.push(`${meta.tableName}: ${count} rows`);
  }
  if (occupied.length > 0) {
    throw new BulkLoadError(
      `Refusing to bulk-load: the CMS database already holds entries (${occupied.join(', ')}). The bulk load only fills an empty bank, so that nothing stored is overwritten or mixed with synthetic data; use a fresh database.`,
    );
  }
}

/**
 * Tables that grew from nothing to tens of thousands of rows in one go need fresh planner
 * statistics. Without them SQLite guesses: it read a page of lessons' citations through the
 * index on the component field name (every citation row) instead of the one on the lesson ids
 * asked for, ten times slower at national scale. PostgreSQL's autovacuum would get there too,
 * but later than the first export.
 */
async function refreshStatistics(db: any, schema: string | undefined) {
  if (db.dialect.client === 'postgres') {
    const tables: { table_name: string }[] = (await db.connection.raw('SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_type = ?', [schema ?? 'public', 'BASE TABLE'])).rows;
    for (const { table_name: table } of tables) await db.connection.raw('ANALYZE ??.??', [schema ?? 'public', table]);
  } else {
    // In full: a sampled ANALYZE (analysis_limit) counts a thousand rows per component field name
    // when every row has the same one, and the planner kept the slow index. About a second at 10,000 initiatives.
    await db.connection.raw('ANALYZE');
  }
}

/** Drops the content API's cached responses, in the module instance the running CMS loaded. */
function invalidateContentApiCache(strapi: any) {
  const distSrc: string = strapi.dirs?.dist?.src;
  const module = require(path.join(distSrc, 'content-api', 'published-read.js'));
  module.invalidatePublishedResponses();
}

/**
 * Writes every entry of `snapshot` into the running CMS `strapi`, published, in one transaction.
 * The snapshot is validated first; the database must hold no entries of the bank's types.
 */
export async function bulkLoad(strapi: any, input: Snapshot): Promise<BulkLoadCounts> {
  const snapshot = parseSnapshot(input);
  const db = strapi.db;
  const schema: string | undefined = db.getSchemaName?.() || undefined;
  const metaOf = (uid: string): Meta => db.metadata.get(uid);
  const metas = LOAD_ORDER.map((c) => metaOf(uidOf(c)));
  const ids = new Map<string, Map<string, Versions>>();
  const idOf = (targetUid: string, slug: string, published: boolean, from: string): number => {
    const versions = ids.get(targetUid)?.get(slug);
    if (!versions) throw new BulkLoadError(`${from}: no ${targetUid} "${slug}" in the snapshot`);
    return published ? versions.published : versions.draft;
  };

  /** Link-table rows for every relation of `meta` from one stored version of `item`. */
  function linkRows(meta: Meta, item: Row, ownId: number, published: boolean, links: Map<string, Row[]>, inverseOrder: Map<string, number>, from: string) {
    for (const [name, attr] of Object.entries(meta.attributes)) {
      if (SYSTEM_ATTRIBUTES.has(name) || attr.type !== 'relation' || !attr.joinTable || attr.joinTable.on || !attr.target?.startsWith('api::')) continue;
      const jt = attr.joinTable;
      const value = item[name];
      const slugs = (Array.isArray(value) ? value : value == null ? [] : [value]) as string[];
      const rows = links.get(jt.name) ?? [];
      slugs.forEach((slug, index) => {
        const targetId = idOf(attr.target!, slug, published, `${from}: ${name}`);
        const row: Row = { [jt.joinColumn.name]: ownId, [jt.inverseJoinColumn.name]: targetId };
        if (jt.orderColumnName) row[jt.orderColumnName] = index + 1;
        if (jt.inverseOrderColumnName) {
          const key = `${jt.name} ${targetId}`;
          const next = (inverseOrder.get(key) ?? 0) + 1;
          inverseOrder.set(key, next);
          row[jt.inverseOrderColumnName] = next;
        }
        rows.push(row);
      });
      links.set(jt.name, rows);
    }
  }

  const counts: BulkLoadCounts = {};
  await db.connection.transaction(async (trx: Knex) => {
    await assertEmpty(trx, schema, metas);

    // Pass 1: the entity rows of every type, so that every relation target has its ids.
    for (const collection of LOAD_ORDER) {
      const uid = uidOf(collection);
      const meta = metaOf(uid);
      const items = snapshot[collection] as unknown as Row[];
      const rows: Row[] = [];
      const hasLocale = 'locale' in meta.attributes;
      for (const item of items) {
        const common = { document_id: documentId(), ...scalarColumns(meta, item), created_at: new Date(item.updatedAt as string), updated_at: new Date(item.updatedAt as string) };
        if (hasLocale) (common as Row).locale = null;
        rows.push({ ...common, published_at: null }, { ...common, published_at: new Date(item.publishedAt as string) });
      }
      const inserted = await insertRows(trx, schema, meta.tableName, rows, true);
      const versions = new Map<string, Versions>();
      items.forEach((item, i) => versions.set(item.slug as string, { draft: inserted[2 * i], published: inserted[2 * i + 1] }));
      ids.set(uid, versions);
      counts[collection] = items.length;
    }

    // Pass 2: relation links and components, each stored version with its own.
    for (const collection of LOAD_ORDER) {
      const uid = uidOf(collection);
      const meta = metaOf(uid);
      const links = new Map<string, Row[]>();
      const inverseOrder = new Map<string, number>();
      const componentFields = Object.entries(meta.attributes).filter(([name, attr]) => !SYSTEM_ATTRIBUTES.has(name) && attr.joinTable?.on && attr.target);
      for (const item of snapshot[collection] as unknown as Row[]) {
        const versions = ids.get(uid)!.get(item.slug as string)!;
        for (const published of [false, true]) {
          linkRows(meta, item, published ? versions.published : versions.draft, published, links, inverseOrder, `${collection} "${item.slug}"`);
        }
      }
      for (const [table, rows] of links) await insertRows(trx, schema, table, rows, false);

      // Components: one row per stored version in the component table, joined through `<table>_cmps`.
      for (const [field, attr] of componentFields) {
        const jt = attr.joinTable!;
        const componentMeta = metaOf(attr.target!);
        const owners: { ownerId: number; published: boolean; order: number; value: Row; from: string }[] = [];
        for (const item of snapshot[collection] as unknown as Row[]) {
          const versions = ids.get(uid)!.get(item.slug as string)!;
          const values = (item[field] ?? []) as Row[];
          for (const published of [false, true]) {
            values.forEach((value, i) => owners.push({ ownerId: published ? versions.published : versions.draft, published, order: i + 1, value, from: `${collection} "${item.slug}": ${field}.${i}` }));
          }
        }
        const componentIds = await insertRows(trx, schema, componentMeta.tableName, owners.map((o) => scalarColumns(componentMeta, o.value)), true);
        const typeColumn = jt.morphColumn?.typeColumn?.name ?? 'component_type';
        const joinRows = owners.map((o, i) => ({
          [jt.joinColumn.name]: o.ownerId,
          [jt.inverseJoinColumn.name]: componentIds[i],
          [typeColumn]: attr.target,
          ...jt.on,
          ...(jt.orderColumnName ? { [jt.orderColumnName]: o.order } : {}),
        }));
        await insertRows(trx, schema, jt.name, joinRows, false);
        const componentLinks = new Map<string, Row[]>();
        owners.forEach((o, i) => linkRows(componentMeta, o.value, componentIds[i], o.published, componentLinks, new Map(), o.from));
        for (const [table, rows] of componentLinks) await insertRows(trx, schema, table, rows, false);
      }
    }
  });
  await refreshStatistics(db, schema);
  // Written past the Document Service, so no entry event cleared the cache: do it here.
  invalidateContentApiCache(strapi);
  return counts;
}
