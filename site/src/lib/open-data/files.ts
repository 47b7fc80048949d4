/**
 * Every open-data file, built from the snapshot in one place so that the files themselves and
 * datapackage.json (which states their sizes and hashes) can never disagree.
 */
import type { Snapshot } from '@erfarenhetsbanken/shared-types';
import { JSON_FILE, TABLES, type Table } from './fields';
import { toCsv } from './csv';

export interface DataFile {
  file: string;
  mediatype: string;
  /** UTF-8 */
  bytes: Buffer;
  table?: Table;
}

/**
 * The open-data JSON: exactly the snapshot contract, generatedAt first (DESIGN.md), as
 * `JSON.stringify(snapshot, null, 2)` lays it out. Made entry by entry into UTF-8: at national
 * scale the whole text as one string was 117 MB, held twice over (as UTF-16, then encoded).
 */
export function openDataJson(snapshot: Snapshot): Buffer {
  const parts: Buffer[] = [];
  const put = (text: string) => parts.push(Buffer.from(text, 'utf8'));
  const members = Object.entries(snapshot).filter(([, value]) => value !== undefined);
  members.forEach(([key, value], n) => {
    put(`${n ? ',' : '{'}\n  ${JSON.stringify(key)}: `);
    if (!Array.isArray(value) || value.length === 0) return put(JSON.stringify(value));
    value.forEach((item, i) => put(`${i ? ',' : '['}\n    ${JSON.stringify(item, null, 2).replace(/\n/g, '\n    ')}`));
    put('\n  ]');
  });
  put(members.length ? '\n}\n' : '{}\n');
  return Buffer.concat(parts);
}

/** Every open-data file, made one at a time: at national scale they are 200 MB together. */
export function* dataFiles(snapshot: Snapshot): Generator<DataFile> {
  yield { file: JSON_FILE, mediatype: 'application/json', bytes: openDataJson(snapshot) };
  for (const table of TABLES) yield { file: table.file, mediatype: 'text/csv', bytes: Buffer.from(toCsv(table, snapshot), 'utf8'), table };
}
