import { describe, expect, it } from 'vitest';
import { rangesBetween } from '@erfarenhetsbanken/scripts/export';

describe('the export splits a large collection into id ranges', () => {
  it('covers (after, last] without gaps or overlaps, in at most `count` ranges', () => {
    for (const [after, last, count] of [[100, 1000, 6], [7, 8, 6], [0, 5, 6], [10, 1_000_003, 4]]) {
      const ranges = rangesBetween(after, last, count);
      expect(ranges.length).toBeGreaterThan(0);
      expect(ranges.length).toBeLessThanOrEqual(count);
      expect(ranges[0][0]).toBe(after);
      expect(ranges[ranges.length - 1][1]).toBe(last);
      ranges.slice(1).forEach(([from], i) => expect(from).toBe(ranges[i][1]));
      for (const [from, to] of ranges) expect(to).toBeGreaterThan(from);
    }
  });

  it('has nothing to read when the first page already reached the highest id', () => {
    expect(rangesBetween(42, 42, 6)).toEqual([]);
  });
});
