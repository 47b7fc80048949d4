import { describe, expect, it } from 'vitest';
import { listPageUrl, listPaths, paginateGroups } from '../../site/src/lib/listing';

const group = (id: string, n: number) => ({ id, heading: id.toUpperCase(), items: Array.from({ length: n }, (_, i) => `${id}${i}`) });

describe('list pages at national scale (site/src/lib/listing.ts)', () => {
  it('keeps a list that fits on one page at its own URL', () => {
    const pages = paginateGroups('/lardomar/', [group('a', 3), group('b', 2)], 10);
    expect(pages).toHaveLength(1);
    expect(pages[0].slices.map((s) => [s.group.id, s.items.length, s.continued])).toEqual([['a', 3, false], ['b', 2, false]]);
    expect(pages[0].jumps.map((j) => j.href)).toEqual(['#a', '#b']);
    expect(listPaths(pages)).toEqual([{ params: { page: undefined }, props: { page: pages[0] } }]);
  });

  it('cuts pages at the page size, continues a group across the break, and links every group where it starts', () => {
    const pages = paginateGroups('/insatser/', [group('a', 7), group('b', 9), group('c', 1)], 5);
    expect(pages.map((p) => p.slices.reduce((n, s) => n + s.items.length, 0))).toEqual([5, 5, 5, 2]);
    expect(pages.flatMap((p) => p.slices.flatMap((s) => s.items))).toEqual([...group('a', 7).items, ...group('b', 9).items, ...group('c', 1).items]);
    expect(pages[1].slices.map((s) => [s.group.id, s.continued])).toEqual([['a', true], ['b', false]]);
    expect(pages[1].jumps.map((j) => j.href)).toEqual(['/insatser/#a', '#b', '/insatser/sida/4/#c']);
    expect(pages[0].pages.map((p) => p.href)).toEqual(['/insatser/', '/insatser/sida/2/', '/insatser/sida/3/', '/insatser/sida/4/']);
    expect(listPaths(pages).map((p) => p.params.page)).toEqual([undefined, 'sida/2', 'sida/3', 'sida/4']);
    expect(listPageUrl('/insatser/', 3)).toBe('/insatser/sida/3/');
  });
});
