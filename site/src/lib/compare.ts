/**
 * The comparison matrix (/jamfor/): for every initiative and theme, the success factors and
 * obstacles the bank holds — lessons of that type that come from the initiative and carry the
 * theme. Pure, so the tests can recompute it from the open-data JSON.
 */
import type { Initiative, Lesson, Theme } from '@erfarenhetsbanken/shared-types';

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
    const row = themes.map((t) => cells.get(key(initiative.slug, t.slug)) ?? { successFactors: [], obstacles: [] });
    if (row.some((c) => c.successFactors.length + c.obstacles.length > 0)) rows.push({ initiative, cells: row });
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

/** Where a cell links: the initiative's section on the theme's comparison page. */
export const compareThemeUrl = (theme: string) => `/jamfor/tema/${theme}/`;
export const compareAnchor = (initiative: string) => `insats-${initiative}`;
