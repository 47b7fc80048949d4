/**
 * Long lists split into pages. The list pages (/insatser/ in three orderings, /lardomar/) show
 * their entries in groups; a national bank has tens of thousands of entries, so each ordering is
 * cut into pages of at most LIST_PAGE_SIZE entries: the first at the list's own URL, the rest at
 * `<list>sida/<n>/`. A group that spans a page break continues on the next page.
 */
import { ENUMS, LABELS } from '@erfarenhetsbanken/shared-types';
import { areaAncestors, byPeriod, listingDecade, sortedByTitle, type Bank, type Initiative, type Lesson } from './bank';
import { collator, compareDecades, decadeLabel, LESSON_TYPE_PLURAL, LESSON_TYPES, UNKNOWN_DECADE } from './format';
import { isPrimaryShard } from './shard';

export const LIST_PAGE_SIZE = 200;

/**
 * How many related entries an entry page lists before pointing to the search: a theme of a
 * national bank has thousands of lessons.
 */
export const ENTRY_LIST_LIMIT = 50;

export interface ListGroup<T> {
  /** Anchor id, unique within the list. */
  id: string;
  heading: string;
  /** Shorter name for the jump links; the heading by default. */
  label?: string;
  items: T[];
}

export interface ListSlice<T> {
  group: ListGroup<T>;
  items: T[];
  /** The group started on an earlier page. */
  continued: boolean;
}

export interface ListPage<T> {
  /** 1-based */
  number: number;
  count: number;
  slices: ListSlice<T>[];
  /** For every group of the whole list, where it starts: an anchor on this page, or page + anchor. */
  jumps: { id: string; label: string; href: string }[];
  pages: { number: number; href: string }[];
}

export const listPageUrl = (base: string, number: number) => (number === 1 ? base : `${base}sida/${number}/`);

export function paginateGroups<T>(base: string, groups: ListGroup<T>[], pageSize = LIST_PAGE_SIZE): ListPage<T>[] {
  const pages: ListSlice<T>[][] = [[]];
  const startPage = new Map<string, number>();
  let room = pageSize;
  for (const group of groups) {
    for (let at = 0; at < group.items.length; ) {
      if (room === 0) {
        pages.push([]);
        room = pageSize;
      }
      if (at === 0) startPage.set(group.id, pages.length);
      const items = group.items.slice(at, at + room);
      pages[pages.length - 1].push({ group, items, continued: at > 0 });
      at += items.length;
      room -= items.length;
    }
  }
  const started = groups.filter((g) => startPage.has(g.id));
  const links = pages.map((_, i) => ({ number: i + 1, href: listPageUrl(base, i + 1) }));
  return pages.map((slices, i) => ({
    number: i + 1,
    count: pages.length,
    slices,
    jumps: started.map((g) => {
      const at = startPage.get(g.id)!;
      return { id: g.id, label: g.label ?? g.heading, href: at === i + 1 ? `#${g.id}` : `${listPageUrl(base, at)}#${g.id}` };
    }),
    pages: links,
  }));
}

/**
 * getStaticPaths for a `[...page].astro` list route: page 1 at the list's URL, then `sida/<n>`.
 * Lists are the primary build shard's (lib/shard.ts).
 */
export function listPaths<T>(pages: ListPage<T>[]) {
  if (!isPrimaryShard) return [];
  return pages.map((page) => ({ params: { page: pageParam(page) }, props: { page } }));
}

/** A `[...page]` route's parameter: none for the first page, `sida/<n>` for the rest. */
export const pageParam = (page: ListPage<unknown>) => (page.number === 1 ? undefined : `sida/${page.number}`);

/** The list pages and how each groups its entries. */
export const LISTS = {
  initiativesByPeriod: {
    base: '/insatser/',
    groups(bank: Bank): ListGroup<Initiative>[] {
      const byDecade = new Map<string, Initiative[]>();
      for (const i of [...bank.initiatives].sort(byPeriod)) {
        const decade = listingDecade(i);
        byDecade.set(decade, [...(byDecade.get(decade) ?? []), i]);
      }
      return [...byDecade.keys()].sort(compareDecades).map((d) => ({
        id: `period-${d}`,
        heading: d === UNKNOWN_DECADE ? 'Årtal saknas i källan' : `Startade på ${decadeLabel(d)}`,
        label: decadeLabel(d),
        items: byDecade.get(d)!,
      }));
    },
  },
  initiativesByCategory: {
    base: '/insatser/kategori/',
    groups: (bank: Bank): ListGroup<Initiative>[] =>
      ENUMS.initiative.category
        .map((category) => ({ id: `typ-${category}`, heading: LABELS.initiativeCategory[category], items: sortedByTitle(bank.initiatives.filter((i) => i.category === category)) }))
        .filter((g) => g.items.length > 0),
  },
  initiativesByArea: {
    base: '/insatser/omrade/',
    groups(bank: Bank): ListGroup<Initiative>[] {
      // An initiative in several areas is listed under each of them.
      const groups: ListGroup<Initiative>[] = bank.areas
        .filter((area) => bank.initiativesOfArea.has(area.slug))
        .sort((a, b) => collator.compare(a.name, b.name))
        .map((area) => ({ id: `omrade-${area.slug}`, heading: area.name, items: bank.initiativesOfArea.get(area.slug)! }));
      const without = sortedByTitle(bank.initiatives.filter((i) => i.areas.length === 0));
      if (without.length > 0) groups.push({ id: 'omrade-saknas', heading: 'Inget område angivet', label: 'Inget område', items: without });
      return groups;
    },
  },
  lessonsByType: {
    base: '/lardomar/',
    groups: (bank: Bank): ListGroup<Lesson>[] =>
      LESSON_TYPES.map((type) => ({ id: `typ-${type}`, heading: LESSON_TYPE_PLURAL[type], items: sortedByTitle(bank.lessons.filter((l) => l.type === type)) })).filter(
        (g) => g.items.length > 0,
      ),
  },
};

export const listPages = (bank: Bank, list: keyof typeof LISTS) =>
  paginateGroups<Initiative | Lesson>(LISTS[list].base, LISTS[list].groups(bank) as ListGroup<Initiative | Lesson>[]);

/** The addresses of a paged list's pages after the first. */
export const laterPageUrls = (pages: ListPage<unknown>[]) => pages[0].pages.slice(1).map((p) => p.href);

/** The list pages after the first of each list, for the sitemap. */
export function laterListPageUrls(bank: Bank): string[] {
  return (Object.keys(LISTS) as (keyof typeof LISTS)[]).flatMap((list) => laterPageUrls(listPages(bank, list)));
}
