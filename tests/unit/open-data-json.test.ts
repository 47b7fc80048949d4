import { describe, expect, it } from 'vitest';
import { generateBank } from '@erfarenhetsbanken/scripts/generate/bank';
import { snapshotJson } from '@erfarenhetsbanken/shared-types';

describe('the snapshot file (the export, the open-data JSON)', () => {
  it('is laid out exactly as JSON.stringify(snapshot, null, 2), made entry by entry', () => {
    const snapshot = generateBank({ initiatives: 40, seed: 3 });
    expect(snapshotJson(snapshot).toString('utf8')).toBe(`${JSON.stringify(snapshot, null, 2)}\n`);
    // Empty collections, text outside Latin-1 and characters JSON escapes.
    const odd = { ...snapshot, methods: [], themes: [{ ...snapshot.themes[0], name: 'Trygghet – ”nära” \u2028 "citat" \\ 😀\n' }] };
    expect(snapshotJson(odd).toString('utf8')).toBe(`${JSON.stringify(odd, null, 2)}\n`);
  });
});
