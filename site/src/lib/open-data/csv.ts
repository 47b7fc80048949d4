/**
 * Writes a table of the field config as CSV (RFC 4180: comma, double quotes doubled, CRLF line
 * ends, a header row, UTF-8). Every cell is encoded by its field's kind alone, never by column.
 */
import { stringify } from 'csv-stringify/sync';
import type { Snapshot } from '@erfarenhetsbanken/shared-types';
import { LIST_SEPARATOR, MOVED_FIELDS, type Field, type Table } from './fields';

export function cell(field: Field, value: unknown): string {
  if (value == null) return '';
  if (field.kind === 'refs') {
    if (!Array.isArray(value)) throw new Error(`${field.name}: expected a list of slugs`);
    return value.join(LIST_SEPARATOR);
  }
  if (Array.isArray(value) || typeof value === 'object') throw new Error(`${field.name}: a ${field.kind} column cannot hold ${JSON.stringify(value)}`);
  return String(value);
}

/** Refuses to write a table that would silently drop a field of the open-data file. */
function checkCoverage(table: Table, rows: Record<string, unknown>[]) {
  const known = new Set([...table.fields.map((f) => f.name), ...Object.keys(MOVED_FIELDS[table.name as keyof typeof MOVED_FIELDS] ?? {})]);
  for (const row of rows) {
    const missing = Object.keys(row).filter((key) => !known.has(key));
    if (missing.length) throw new Error(`open data: ${table.file} has no column for ${missing.join(', ')} (add it to lib/open-data/fields.ts)`);
  }
}

export function toCsv(table: Table, snapshot: Snapshot): string {
  const rows = table.rows(snapshot);
  checkCoverage(table, rows);
  const records = rows.map((row) => table.fields.map((field) => cell(field, row[field.name])));
  return stringify([table.fields.map((f) => f.name), ...records], {
    record_delimiter: 'windows',
    // Line breaks inside Markdown must stay inside one quoted cell.
    quoted_match: /[\r\n]/,
  });
}
