/**
 * The comparison matrix (/jamfor/): for every initiative and theme, the success factors and
 * obstacles the bank holds — lessons of that type that come from the initiative and carry the
 * theme. Pure, so the tests can recompute it from the open-data JSON.
 */
import type { Initiative, Lesson, Theme } from '@erfarenhetsbanken/shared-types';
import { sortedByName, sortedByTitle, type Bank } from './bank';
import { compareThemeUrl } from './format';
import { laterPageUrls, listPageUrl, paginateGroups, type ListPage } from './listing';

export const COMPARED_TYPES = ['success_factor', 'obstacle'] as const;
export type ComparedType = (typeof COMPARED_TYPES)[number];

export interface MatrixCell {
  successFactors: Lesson[];
  obstacles: Lesson[];
}

export interface MatrixRow {
  initiative: Initiative;
  /** One cell per theme, in the order of `themes`. */
  cells: MatrixCell[];
}

export interface Matrix {
  themes: Theme[];
  /** Initiatives with at least one success factor or obstacle on some theme, in the given order. */
  rows: MatrixRow[];
  /** Initiatives with none: listed, not drawn as rows of empty cells. */
  without: Initiative[];
  /** Success factors and obstacles that carry no theme, so appear in no column. */
  unthemed: Lesson[];
}

// One cell shared by all the empty ones (read, never filled): most of a national matrix's 300,000 are empty.
const EMPTY: MatrixCell = { successFactors: [], obstacles: [] };
const isEmpty = (cell: MatrixCell) => cell.successFactors.length + cell.obstacles.length === 0;

const isCompared = (lesson: Lesson): lesson is Lesson & { type: ComparedType } => (COMPARED_TYPES as readonly string[]).includes(lesson.type);

export function compareMatrix(initiatives: Initiative[], themes: Theme[], lessons: Lesson[]): Matrix {
  const compared = lessons.filter(isCompared);
  const key = (initiative: string, theme: string) => `${initiative}\u0000${theme}`;
  const cells = new Map<string, MatrixCell>();
  for (const lesson of compared) {
    for (const initiative of lesson.initiatives) {
      for (const theme of lesson.themes) {
        const k = key(initiative, theme);
        const cell = cells.get(k) ?? { successFactors: [], obstacles: [] };
        (lesson.type === 'success_factor' ? cell.successFactors : cell.obstacles).push(lesson);
        cells.set(k, cell);
      }
    }
  }
  const rows: MatrixRow[] = [];
  const without: Initiative[] = [];
  for (const initiative of initiatives) {
    const row = themes.map((t) => cells.get(key(initiative.slug, t.slug)) ?? EMPTY);
    if (!row.every(isEmpty)) rows.push({ initiative, cells: row });
    else without.push(initiative);
  }
  return { themes, rows, without, unthemed: compared.filter((l) => l.themes.length === 0) };
}

const totalsOf = new WeakMap<Matrix, MatrixCell[]>();

/**
 * Distinct success factors and obstacles per theme (a lesson of two initiatives counts once).
 * Remembered per matrix: every page of a paged matrix shows the totals of the whole.
 */
export function themeTotals(matrix: Matrix): MatrixCell[] {
  let totals = totalsOf.get(matrix);
  if (!totals) totalsOf.set(matrix, (totals = computeThemeTotals(matrix)));
  return totals;
}

function computeThemeTotals(matrix: Matrix): MatrixCell[] {
  return matrix.themes.map((_, column) => {
    const unique = (pick: (c: MatrixCell) => Lesson[]) => [...new Map(matrix.rows.flatMap((r) => pick(r.cells[column])).map((l) => [l.slug, l])).values()];
    return { successFactors: unique((c) => c.successFactors), obstacles: unique((c) => c.obstacles) };
  });
}

/** "1 framgångsfaktor", "3 framgångsfaktorer"; "hinder" is the same in both numbers. */
export const countLabel = (n: number, type: ComparedType) => (type === 'success_factor' ? `${n} ${n === 1 ? 'framgångsfaktor' : 'framgångsfaktorer'}` : `${n} hinder`);

export const compareAnchor = (initiative: string) => `insats-${initiative}`;

/**
 * Initiatives per page of a theme's comparison (/jamfor/tema/<tema>/, then `sida/<n>/`). A
 * section holds a heading, the counts and the cell's lessons, about 1 KB, so 50 of them make a
 * page about the size of a 200-entry list page; unpaged, a theme of a national bank was 1.6 MB.
 */
export const SECTIONS_PER_PAGE = 50;

/** An initiative's section on a theme's comparison page: its cell in the theme's column. */
export interface ThemeSection {
  initiative: Initiative;
  cell: MatrixCell;
}

export interface Comparison {
  /** The whole matrix, initiatives by title, themes by name. */
  byTitle: Matrix;
  /** Per theme slug, its comparison pages: the sections of the initiatives with something on it, by title. */
  themePages: Map<string, ListPage<ThemeSection>[]>;
  /** Where a cell links: the initiative's section on the page of the theme's comparison that holds it. */
  sectionUrl(theme: string, initiative: string): string;
}

const comparisons = new WeakMap<Bank, Comparison>();

/** The comparison of a bank, worked out once: every /jamfor/ page, in either order, and every theme page read it. */
export function comparison(bank: Bank): Comparison {
  let result = comparisons.get(bank);
  if (!result) comparisons.set(bank, (result = compare(bank)));
  return result;
}

function compare(bank: Bank): Comparison {
  const byTitle = compareMatrix(sortedByTitle(bank.initiatives), sortedByName(bank.themes), bank.lessons);
  const themePages = new Map<string, ListPage<ThemeSection>[]>();
  const urls = new Map<string, string>();
  byTitle.themes.forEach((theme, column) => {
    const sections = byTitle.rows.flatMap(({ initiative, cells }) => (isEmpty(cells[column]) ? [] : [{ initiative, cell: cells[column] }]));
    const base = compareThemeUrl(theme.slug);
    const pages = paginateGroups(base, [{ id: 'insatser', heading: 'Insatser', items: sections }], SECTIONS_PER_PAGE);
    for (const page of pages) {
      for (const { initiative } of page.slices.flatMap((slice) => slice.items)) {
        urls.set(`${theme.slug}\u0000${initiative.slug}`, `${listPageUrl(base, page.number)}#${compareAnchor(initiative.slug)}`);
      }
    }
    themePages.set(theme.slug, pages);
  });
  return { byTitle, themePages, sectionUrl: (theme, initiative) => urls.get(`${theme}\u0000${initiative}`)! };
}

/** The matrix (rows in either order) as list pages at `base`: /jamfor/ and /jamfor/period/. */
export const matrixPages = (base: string, matrix: Matrix) => paginateGroups(base, [{ id: 'matris', heading: 'Insatser', items: matrix.rows }]);

/** The comparison pages after the first of each (the matrix in both orders, every theme's), for the sitemap. */
export function laterComparePageUrls(bank: Bank): string[] {
  const { byTitle, themePages } = comparison(bank);
  return [
    ...laterPageUrls(matrixPages('/jamfor/', byTitle)),
    ...laterPageUrls(matrixPages('/jamfor/period/', byTitle)),
    ...[...themePages.values()].flatMap(laterPageUrls),
  ];
}
