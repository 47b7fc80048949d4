/**
 * Every open-data file, built from the snapshot in one place so that the files themselves and
 * datapackage.json (which states their sizes and hashes) can never disagree.
 */
import { snapshotJson, type Snapshot } from '@erfarenhetsbanken/shared-types';
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
 * Every open-data file, made one at a time: at national scale they are 200 MB together. The JSON
 * is exactly the snapshot contract, generatedAt first (DESIGN.md), laid out as the export writes it.
 */
export function* dataFiles(snapshot: Snapshot): Generator<DataFile> {
  yield { file: JSON_FILE, mediatype: 'application/json', bytes: snapshotJson(snapshot) };
  for (const table of TABLES) yield { file: table.file, mediatype: 'text/csv', bytes: Buffer.from(toCsv(table, snapshot), 'utf8'), table };
}
