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
  text: string;
  table?: Table;
}

/** The open-data JSON: exactly the snapshot contract, generatedAt first (DESIGN.md). */
export const openDataJson = (snapshot: Snapshot) => `${JSON.stringify(snapshot, null, 2)}\n`;

export function dataFiles(snapshot: Snapshot): DataFile[] {
  return [
    { file: JSON_FILE, mediatype: 'application/json', text: openDataJson(snapshot) },
    ...TABLES.map((table) => ({ file: table.file, mediatype: 'text/csv', text: toCsv(table, snapshot), table })),
  ];
}
