import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import { fileURLToPath } from 'url';
import { beforeAll, describe, expect, it, inject } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { textContent } from 'domutils';
import type { Snapshot } from '@erfarenhetsbanken/shared-types';
import { toCsv } from '../../site/src/lib/open-data/csv';
import { TABLES } from '../../site/src/lib/open-data/fields';
import { attr, elements, fileOf, parseHtml, readSnapshot, sharedSiteBuild } from '../helpers/site';

/**
 * The open data of /data/: the CSVs are read back with csv-parse and must give exactly the JSON
 * (a round trip driven by datapackage.json's own field types), and datapackage.json must validate
 * against the Frictionless Data Package v1 JSON Schemas (vendored in fixtures/frictionless).
 */

const PROFILES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'frictionless');
const profile = (name: string) => JSON.parse(fs.readFileSync(path.join(PROFILES, `${name}.json`), 'utf8'));

let dist: string;
let snapshot: Snapshot;
let json: Record<string, any>;
let pkg: any;

const dataFile = (name: string) => path.join(dist, 'data', name);

beforeAll(async () => {
  const snapshotPath = inject('snapshotPath');
  snapshot = readSnapshot(snapshotPath);
  dist = await sharedSiteBuild(snapshotPath);
  json = JSON.parse(fs.readFileSync(dataFile('erfarenhetsbank.json'), 'utf8'));
  pkg = JSON.parse(fs.readFileSync(dataFile('datapackage.json'), 'utf8'));
});

/** RFC 4180 as the datapackage's dialect states it: CRLF records, double quotes, a header row. */
const readCsv = (text: string): string[][] => parseCsv(text, { record_delimiter: '\r\n', quote: '"', escape: '"', relax_column_count: false, bom: false, skip_empty_lines: false });

const tabular = () => pkg.resources.filter((r: any) => r.profile === 'tabular-data-resource');

/** A CSV resource as objects, each cell cast by its Table Schema field type; missing values are null. */
function typedRows(resource: any): Record<string, unknown>[] {
  const [header, ...rows] = readCsv(fs.readFileSync(dataFile(resource.path), 'utf8'));
  const fields = resource.schema.fields;
  expect(header, resource.path).toEqual(fields.map((f: any) => f.name));
  const missing = new Set(resource.schema.missingValues ?? ['']);
  return rows.map((row) =>
    Object.fromEntries(
      fields.map((f: any, i: number) => {
        const raw = row[i];
        if (missing.has(raw)) return [f.name, null];
        if (f.type === 'integer' || f.type === 'year') {
          expect(raw, `${resource.path} ${f.name}`).toMatch(/^-?\d+$/);
          return [f.name, Number(raw)];
        }
        if (f.type === 'datetime') expect(Number.isNaN(Date.parse(raw)), `${resource.path} ${f.name}: ${raw}`).toBe(false);
        return [f.name, raw];
      }),
    ),
  );
}

describe('open data: CSV', () => {
  it('publishes one CSV per type and one for the lessons\' citations, each a well-formed RFC 4180 file', () => {
    const collections = Object.keys(json).filter((k) => Array.isArray(json[k]));
    for (const c of collections) expect(fs.existsSync(dataFile(`${c}.csv`)), `${c}.csv`).toBe(true);
    expect(fs.existsSync(dataFile('lesson_citations.csv'))).toBe(true);
    for (const resource of tabular()) {
      const text = fs.readFileSync(dataFile(resource.path), 'utf8');
      expect(text.charCodeAt(0), `${resource.path}: no BOM`).not.toBe(0xfeff);
      expect(text.endsWith('\r\n'), resource.path).toBe(true);
      const records = readCsv(text);
      expect(new Set(records.map((r) => r.length)).size, `${resource.path}: same column count on every row`).toBe(1);
    }
  });

  it('carries exactly the content of the JSON (round trip: CSV → typed rows → JSON)', () => {
    const byName = Object.fromEntries(tabular().map((r: any) => [r.name, typedRows(r)]));
    const citations = new Map<string, { position: number; source: string; pages: string | null; quote: string | null }[]>();
    for (const row of byName.lesson_citations as any[]) {
      citations.set(row.lesson, [...(citations.get(row.lesson) ?? []), row]);
    }
    for (const collection of Object.keys(json).filter((k) => Array.isArray(json[k]))) {
      const items: any[] = json[collection];
      // A column is a list where the JSON contract has a list; its items are ";"-separated slugs.
      const isList = (field: string) => items.some((item) => Array.isArray(item[field]));
      const rebuilt = (byName[collection] as Record<string, unknown>[]).map((row) => {
        const item: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(row)) item[key] = isList(key) ? (value == null ? [] : String(value).split(';')) : value;
        if (collection === 'lessons') {
          item.citations = (citations.get(String(row.slug)) ?? [])
            .sort((a, b) => a.position - b.position)
            .map(({ source, pages, quote }) => ({ source, pages, quote }));
        }
        return item;
      });
      expect(rebuilt.length, collection).toBe(items.length);
      expect(rebuilt, collection).toEqual(items);
      // And no JSON field is left without a column (citations live in lesson_citations.csv).
      const header = new Set(Object.keys(byName[collection][0] ?? {}));
      for (const item of items) for (const key of Object.keys(item)) if (!(collection === 'lessons' && key === 'citations')) expect(header.has(key), `${collection}.${key}`).toBe(true);
    }
    expect(byName.lesson_citations.length).toBe(snapshot.lessons.reduce((n, l) => n + l.citations.length, 0));
  });

  it('quotes commas, double quotes, semicolons and line breaks, and keeps å ä ö, when writing', () => {
    const nasty = 'Rad ett, med "citat"; och å ä ö\r\nRad två\nRad tre';
    const base = { publishedAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
    const tiny = {
      ...snapshot,
      themes: [{ ...base, slug: 'tema-a', name: 'Tema, "A"', description: nasty }],
      methods: [{ ...base, slug: 'metod', name: '=1+1', description: null }],
    } as Snapshot;
    for (const name of ['themes', 'methods'] as const) {
      const table = TABLES.find((t) => t.name === name)!;
      const [header, ...rows] = readCsv(toCsv(table, tiny));
      expect(header).toEqual(table.fields.map((f) => f.name));
      expect(rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] === '' ? null : r[i]])))).toEqual(tiny[name]);
    }
  });

  it('refuses to write a CSV that would drop a field of the JSON', () => {
    const table = TABLES.find((t) => t.name === 'themes')!;
    const extra = { ...snapshot, themes: [{ ...snapshot.themes[0], colour: 'blå' }] } as unknown as Snapshot;
    expect(() => toCsv(table, extra)).toThrow(/no column for colour/);
  });
});

describe('open data: datapackage.json', () => {
  const ajv = () => {
    // "textarea" is an editor hint in the Frictionless profiles, not a format to validate.
    const a = new Ajv({ allErrors: true, strict: false, formats: { textarea: true } });
    addFormats(a);
    return a;
  };
  const check = (schemaName: string, data: unknown, what: string) => {
    const validate = ajv().compile(profile(schemaName));
    const ok = validate(data);
    expect(ok ? [] : validate.errors!.map((e) => `${what}${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`)).toEqual([]);
  };

  it('validates against the Frictionless Data Package, Data Resource and Table Schema JSON Schemas', () => {
    check('data-package', pkg, 'datapackage.json');
    for (const resource of pkg.resources) {
      check(resource.profile === 'tabular-data-resource' ? 'tabular-data-resource' : 'data-resource', resource, resource.name);
      if (resource.schema) check('table-schema', resource.schema, `${resource.name}.schema`);
    }
    expect(pkg.licenses.map((l: any) => l.name)).toEqual(['CC-BY-4.0']);
  });

  it('describes every file of /data/, each at its stated size and hash, and nothing that is not there', () => {
    const files = fs.readdirSync(path.join(dist, 'data')).filter((f) => f !== 'index.html' && f !== 'datapackage.json');
    expect(new Set(pkg.resources.map((r: any) => r.path))).toEqual(new Set(files));
    for (const resource of pkg.resources) {
      const bytes = fs.readFileSync(dataFile(resource.path));
      expect(bytes.length, resource.path).toBe(resource.bytes);
      expect(`sha256:${crypto.createHash('sha256').update(bytes).digest('hex')}`, resource.path).toBe(resource.hash);
    }
  });

  it('describes every column of every CSV with a Swedish title and description, and the data obey the stated constraints', () => {
    const rowsOf: Record<string, Record<string, unknown>[]> = Object.fromEntries(tabular().map((r: any) => [r.name, typedRows(r)]));
    for (const resource of tabular()) {
      const rows = rowsOf[resource.name];
      for (const field of resource.schema.fields) {
        expect(field.title, `${resource.name}.${field.name}`).toMatch(/\S/);
        expect(field.description, `${resource.name}.${field.name}`).toMatch(/\S/);
        const c = field.constraints ?? {};
        const values = rows.map((row) => row[field.name]);
        if (c.required) expect(values.filter((v) => v == null).length, `${resource.name}.${field.name} required`).toBe(0);
        if (c.unique) expect(new Set(values).size, `${resource.name}.${field.name} unique`).toBe(values.length);
        if (c.pattern) for (const v of values.filter((x) => x != null)) expect(String(v), `${resource.name}.${field.name}`).toMatch(new RegExp(`^(?:${c.pattern})$`));
        if (c.enum) for (const v of values.filter((x) => x != null)) expect(c.enum, `${resource.name}.${field.name}`).toContain(v);
        if (c.minimum != null) for (const v of values.filter((x) => x != null)) expect(v as number).toBeGreaterThanOrEqual(c.minimum);
      }
      const key = ([] as string[]).concat(resource.schema.primaryKey);
      expect(new Set(rows.map((row) => key.map((k) => row[k]).join('\u0000'))).size, `${resource.name} primary key`).toBe(rows.length);
      for (const fk of resource.schema.foreignKeys ?? []) {
        const target = rowsOf[fk.reference.resource || resource.name];
        const known = new Set(target.map((row) => row[fk.reference.fields]));
        for (const row of rows) if (row[fk.fields] != null) expect(known.has(row[fk.fields]), `${resource.name}.${fk.fields} → ${row[fk.fields]}`).toBe(true);
      }
    }
  });

  it('lists every file and every field, with the CC BY 4.0 licence and attribution, on the /data/ page', () => {
    const doc = parseHtml(fileOf(dist, '/data/')!);
    const hrefs = new Set(elements(doc, 'a').map((a) => attr(a, 'href')));
    for (const resource of pkg.resources) expect(hrefs.has(`/data/${resource.path}`), resource.path).toBe(true);
    expect(hrefs.has('/data/datapackage.json')).toBe(true);
    expect(hrefs.has('https://creativecommons.org/licenses/by/4.0/')).toBe(true);
    const text = textContent(doc).replace(/\s+/g, ' ');
    expect(text).toContain('CC BY 4.0');
    expect(text).toMatch(/Källa: Erfarenhetsbanken, http\S+\/data\/, version/);
    for (const resource of tabular()) {
      const section = elements(doc, 'section').find((s) => attr(s, 'aria-labelledby') === resource.name);
      expect(section, resource.name).toBeTruthy();
      const cells = elements(section!, 'code').map((c) => textContent(c));
      for (const field of resource.schema.fields) {
        expect(cells, `${resource.name}.${field.name}`).toContain(field.name);
        expect(textContent(section!)).toContain(field.title);
      }
    }
  });
});
