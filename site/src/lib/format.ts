/**
 * Pure helpers shared by pages, the search index and the island: URLs, Swedish labels, periods.
 * Nothing here touches Astro, so the React island can import it too.
 */
// The labels alone: the search island imports this module, and the package's index brings zod.
import { LABELS } from '@erfarenhetsbanken/shared-types/labels';

export type EntryType = 'initiative' | 'lesson' | 'source' | 'area' | 'organisation' | 'method' | 'theme';

/** The Swedish URL segment of each entry type (DESIGN.md, "Public URLs"). */
export const SEGMENT: Record<EntryType, string> = {
  initiative: 'insatser',
  lesson: 'lardomar',
  source: 'kallor',
  area: 'omraden',
  organisation: 'aktorer',
  method: 'metoder',
  theme: 'teman',
};

export const TYPE_LABEL: Record<EntryType, string> = {
  initiative: 'Insats',
  lesson: 'Lärdom',
  source: 'Källa',
  area: 'Område',
  organisation: 'Aktör',
  method: 'Metod',
  theme: 'Tema',
};

export const TYPE_LABEL_PLURAL: Record<EntryType, string> = {
  initiative: 'Insatser',
  lesson: 'Lärdomar',
  source: 'Källor',
  area: 'Områden',
  organisation: 'Aktörer',
  method: 'Metoder',
  theme: 'Teman',
};

export const entryUrl = (type: EntryType, slug: string) => `/${SEGMENT[type]}/${slug}/`;
export const listUrl = (type: EntryType) => `/${SEGMENT[type]}/`;
/** The first page of a theme's column of the comparison matrix (lib/compare.ts). */
export const compareThemeUrl = (theme: string) => `/jamfor/tema/${theme}/`;

/** Lesson types in the order a reader should meet them: what worked before what got in the way. */
export const LESSON_TYPES = ['success_factor', 'obstacle', 'insight', 'recommendation'] as const;
export type LessonType = (typeof LESSON_TYPES)[number];
export const LESSON_TYPE_LABEL: Record<LessonType, string> = LABELS.lessonType;
export const LESSON_TYPE_PLURAL: Record<LessonType, string> = {
  success_factor: 'Framgångsfaktorer',
  obstacle: 'Hinder',
  insight: 'Insikter',
  recommendation: 'Rekommendationer',
};

/** Lesson types as URL values (the search page's `lardomstyp=`). */
export const LESSON_TYPE_PARAM: Record<LessonType, string> = {
  success_factor: 'framgangsfaktor',
  obstacle: 'hinder',
  insight: 'insikt',
  recommendation: 'rekommendation',
};

export const collator = new Intl.Collator('sv', { sensitivity: 'base', numeric: true });
export const byText = <T>(text: (item: T) => string) => (a: T, b: T) => collator.compare(text(a), text(b));

export interface Period {
  startYear: number | null;
  endYear: number | null;
  periodNote?: string | null;
}

export const MISSING_YEARS = 'Årtal saknas i källan';

/** The period as the sources give it: a missing year is said to be missing, never guessed. */
export function formatPeriod({ startYear, endYear }: Period): string {
  if (startYear != null && endYear != null) return startYear === endYear ? `${startYear}` : `${startYear}–${endYear}`;
  if (startYear != null) return `Från ${startYear} (slutår saknas i källan)`;
  if (endYear != null) return `Till ${endYear} (startår saknas i källan)`;
  return MISSING_YEARS;
}

/** Short form for lists, where the long explanation would crowd the line. */
export function formatPeriodShort({ startYear, endYear }: Period): string {
  if (startYear != null && endYear != null) return startYear === endYear ? `${startYear}` : `${startYear}–${endYear}`;
  if (startYear != null) return `${startYear}–?`;
  if (endYear != null) return `?–${endYear}`;
  return 'Årtal saknas';
}

export const UNKNOWN_DECADE = 'okand';

/** Every decade a period touches; a one-sided period counts only the decade it names. */
export function decadesOf({ startYear, endYear }: Period): string[] {
  const from = startYear ?? endYear;
  const to = endYear ?? startYear;
  if (from == null || to == null) return [UNKNOWN_DECADE];
  const out: string[] = [];
  for (let d = Math.floor(from / 10) * 10; d <= to; d += 10) out.push(String(d));
  return out;
}

export const decadeLabel = (decade: string) => (decade === UNKNOWN_DECADE ? 'Årtal saknas' : `${decade}-talet`);

/** Ascending decades, the unknown ones last. */
export const compareDecades = (a: string, b: string) =>
  a === b ? 0 : a === UNKNOWN_DECADE ? 1 : b === UNKNOWN_DECADE ? -1 : Number(a) - Number(b);

const sek = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
export const formatSek = (amount: number) => `${sek.format(amount)} kr`;

const dateFormat = new Intl.DateTimeFormat('sv-SE', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'Europe/Stockholm' });
// Every page's footer formats the export date: once, not 60,000 times at about 25 µs each.
const formattedDates = new Map<string, string>();
export function formatDate(iso: string): string {
  let text = formattedDates.get(iso);
  if (text === undefined) formattedDates.set(iso, (text = dateFormat.format(new Date(iso))));
  return text;
}
