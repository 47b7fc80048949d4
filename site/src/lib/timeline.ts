/**
 * Layout of the timeline (/tidslinje/) as plain geometry for a static SVG. Only years the sources
 * give are drawn: a period with a missing end (or start) is drawn open, dashed to the edge of the
 * axis, and initiatives without years are left out of the drawing and listed apart.
 */
import type { Initiative } from '@erfarenhetsbanken/shared-types';

export type BarKind = 'closed' | 'open-end' | 'open-start';

export interface TimelineBar {
  initiative: Initiative;
  kind: BarKind;
  row: number;
  /** Solid part: the years the source gives (a one-year period is one year wide). */
  x: number;
  width: number;
  /** Dashed part for a missing end or start, out to the edge of the axis; 0 when closed. */
  openX: number;
  openWidth: number;
  /** Top of the bar. */
  y: number;
  label: { x: number; y: number; anchor: 'start' | 'end'; text: string };
}

export interface TimelineLink {
  from: string;
  to: string;
  path: string;
}

export interface TimelineLayout {
  width: number;
  height: number;
  from: number;
  to: number;
  ticks: { year: number; x: number }[];
  bars: TimelineBar[];
  links: TimelineLink[];
  undated: Initiative[];
}

export const LAYOUT = { width: 900, margin: 28, axisHeight: 36, rowHeight: 42, barHeight: 12, fontSize: 14, openYears: 3 };

/** A generous estimate of a label's width at LAYOUT.fontSize (no font metrics at build time). */
const textWidth = (text: string) => text.length * LAYOUT.fontSize * 0.56;

const truncate = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

/** `initiatives` in the order to draw them (earliest first); `shortPeriod` labels each bar. */
export function timelineLayout(initiatives: Initiative[], shortPeriod: (i: Initiative) => string): TimelineLayout {
  const { width, margin, axisHeight, rowHeight, barHeight, openYears } = LAYOUT;
  const dated = initiatives.filter((i) => i.startYear != null || i.endYear != null);
  const undated = initiatives.filter((i) => i.startYear == null && i.endYear == null);
  const years = dated.flatMap((i) => [i.startYear, i.endYear]).filter((y): y is number => y != null);
  // Whole five-year spans, with room around the years for an open start or end to be drawn.
  const from = years.length ? Math.floor((Math.min(...years) - 1) / 5) * 5 : 0;
  const to = years.length ? Math.ceil((Math.max(...years) + 2) / 5) * 5 : 0;
  const span = Math.max(to - from, 1);
  const xOf = (year: number) => margin + ((year - from) / span) * (width - 2 * margin);

  const bars: TimelineBar[] = dated.map((initiative, row) => {
    const { startYear: s, endYear: e } = initiative;
    const kind: BarKind = s != null && e != null ? 'closed' : s != null ? 'open-end' : 'open-start';
    const first = s ?? e!;
    const last = e ?? s!;
    const x = xOf(first);
    const barEnd = xOf(last + 1);
    const y = axisHeight + row * rowHeight + rowHeight - barHeight;
    // A missing year is a short dashed stub: open, without suggesting how long the period lasted.
    const stub = Math.min(openYears, kind === 'open-end' ? to - last - 1 : first - from);
    const openWidth = kind === 'closed' ? 0 : xOf(from + stub) - xOf(from);
    const openX = kind === 'open-end' ? barEnd : kind === 'open-start' ? x - openWidth : 0;
    const period = shortPeriod(initiative);
    const room = Math.floor((width - 2 * margin) / (LAYOUT.fontSize * 0.56));
    const title = initiative.title.includes(period) ? initiative.title : `${initiative.title} (${period})`;
    const text = truncate(title, room);
    // Labels sit above their bar: from its start, or ending at its end near the right edge, or
    // wherever they fit whole.
    const w = textWidth(text);
    const anchor: 'start' | 'end' = x + w <= width - margin || barEnd - w < margin ? 'start' : 'end';
    const labelX = anchor === 'start' ? Math.min(x, width - margin - w) : barEnd;
    return {
      initiative,
      kind,
      row,
      x,
      width: barEnd - x,
      openX,
      openWidth,
      y,
      label: { x: Math.max(margin, labelX), y: y - 5, anchor, text },
    };
  });

  const bySlug = new Map(bars.map((b) => [b.initiative.slug, b]));
  const links: TimelineLink[] = [];
  for (const bar of bars) {
    for (const slug of bar.initiative.predecessors) {
      const before = bySlug.get(slug);
      if (!before) continue; // an undated predecessor is named in the text list instead
      // Down (or up) from the predecessor's bar, just before the successor starts, then across
      // into the start of the successor's bar: the arrow keeps clear of the successor's label.
      const down = before.y < bar.y;
      const x1 = Math.max(before.x + 2, Math.min(before.x + before.width, bar.x) - 10);
      const y1 = down ? before.y + barHeight : before.y;
      const x2 = bar.x - 1;
      const y2 = bar.y + barHeight / 2;
      links.push({ from: slug, to: bar.initiative.slug, path: `M${r(x1)},${r(y1)} V${r(y2)} H${r(Math.max(x2, x1))}` });
    }
  }

  const ticks: { year: number; x: number }[] = [];
  if (years.length) for (let year = from; year <= to; year += 5) ticks.push({ year, x: xOf(year) });
  const height = axisHeight + dated.length * rowHeight + barHeight;
  return { width, height, from, to, ticks, bars, links, undated };
}

const r = (n: number) => Math.round(n * 10) / 10;
