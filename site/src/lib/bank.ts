/**
 * The site's one data-access module. Pages ask it for entries and their relations; it reads the
 * validated snapshot (lib/snapshot.ts) once per build and derives the reverse relations the
 * snapshot leaves out (initiative → lessons, successors, theme → initiatives, …).
 */
import type {
  Area,
  Citation,
  Initiative,
  Lesson,
  Method,
  Organisation,
  Snapshot,
  Source,
  Theme,
} from '@erfarenhetsbanken/shared-types';
import { loadSnapshot, resolveSnapshotPath } from './snapshot';
import { byText, compareDecades, compareThemeUrl, decadesOf, entryUrl, LESSON_TYPES, listUrl, UNKNOWN_DECADE, type EntryType } from './format';

export type { Area, Citation, Initiative, Lesson, Method, Organisation, Source, Theme };

export interface CitedBy {
  lesson: Lesson;
  citation: Citation;
}

export interface Bank {
  generatedAt: string;
  /** In snapshot order (slug order from the export), which the open-data file keeps. */
  initiatives: Initiative[];
  lessons: Lesson[];
  sources: Source[];
  areas: Area[];
  organisations: Organisation[];
  methods: Method[];
  themes: Theme[];

  initiative: Map<string, Initiative>;
  lesson: Map<string, Lesson>;
  source: Map<string, Source>;
  area: Map<string, Area>;
  organisation: Map<string, Organisation>;
  method: Map<string, Method>;
  theme: Map<string, Theme>;

  lessonsOfInitiative: Map<string, Lesson[]>;
  successors: Map<string, Initiative[]>;
  initiativesOfTheme: Map<string, Initiative[]>;
  lessonsOfTheme: Map<string, Lesson[]>;
  initiativesOfArea: Map<string, Initiative[]>;
  childAreas: Map<string, Area[]>;
  initiativesAsParticipant: Map<string, Initiative[]>;
  initiativesAsFunder: Map<string, Initiative[]>;
  initiativesOfMethod: Map<string, Initiative[]>;
  lessonsOfMethod: Map<string, Lesson[]>;
  initiativesCitingSource: Map<string, Initiative[]>;
  lessonsCitingSource: Map<string, CitedBy[]>;
}

function multimap<K, V>(): Map<K, V[]> & { add(key: K, value: V): void } {
  const map = new Map<K, V[]>() as Map<K, V[]> & { add(key: K, value: V): void };
  map.add = (key, value) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  return map;
}

const byTitle = byText<Initiative | Lesson | Source>((x) => x.title);
const byName = byText<Area | Organisation | Method | Theme>((x) => x.name);

type CollectionName = 'initiatives' | 'lessons' | 'sources' | 'areas' | 'organisations' | 'methods' | 'themes';

// One bank per snapshot, on globalThis like the snapshot cache (lib/snapshot.ts): the pages'
// bundled copy of this module and the integrations' own copy then share it instead of each
// deriving the relations of 60,000 entries.
const BANKS_KEY = Symbol.for('erfarenhetsbanken.banks');
const banks = ((globalThis as Record<symbol, unknown>)[BANKS_KEY] ??= new WeakMap()) as WeakMap<Snapshot, Bank>;

/** The bank of the snapshot at `file` (by default the build's). */
export async function loadBank(file = resolveSnapshotPath()): Promise<Bank> {
  const snapshot = await loadSnapshot(file);
  let bank = banks.get(snapshot);
  if (!bank) {
    bank = buildBank(snapshot);
    banks.set(snapshot, bank);
  }
  return bank;
}

/** Derives lookups and reverse relations from a (validated) snapshot. */
export function buildBank(snapshot: Snapshot): Bank {
  const { initiatives, lessons, sources, areas, organisations, methods, themes } = snapshot;
  const index = <T extends { slug: string }>(items: T[]) => new Map(items.map((item) => [item.slug, item]));

  const lessonsOfInitiative = multimap<string, Lesson>();
  const lessonsOfTheme = multimap<string, Lesson>();
  const lessonsOfMethod = multimap<string, Lesson>();
  const lessonsCitingSource = multimap<string, CitedBy>();
  for (const lesson of lessons) {
    for (const slug of lesson.initiatives) lessonsOfInitiative.add(slug, lesson);
    for (const slug of lesson.themes) lessonsOfTheme.add(slug, lesson);
    for (const slug of lesson.methods) lessonsOfMethod.add(slug, lesson);
    for (const citation of lesson.citations) if (citation.source) lessonsCitingSource.add(citation.source, { lesson, citation });
  }

  const successors = multimap<string, Initiative>();
  const initiativesOfTheme = multimap<string, Initiative>();
  const initiativesOfArea = multimap<string, Initiative>();
  const initiativesAsParticipant = multimap<string, Initiative>();
  const initiativesAsFunder = multimap<string, Initiative>();
  const initiativesOfMethod = multimap<string, Initiative>();
  const initiativesCitingSource = multimap<string, Initiative>();
  for (const initiative of initiatives) {
    for (const slug of initiative.predecessors) successors.add(slug, initiative);
    for (const slug of initiative.themes) initiativesOfTheme.add(slug, initiative);
    for (const slug of initiative.areas) initiativesOfArea.add(slug, initiative);
    for (const slug of initiative.participants) initiativesAsParticipant.add(slug, initiative);
    for (const slug of initiative.funders) initiativesAsFunder.add(slug, initiative);
    for (const slug of initiative.methods) initiativesOfMethod.add(slug, initiative);
    for (const slug of initiative.sources) initiativesCitingSource.add(slug, initiative);
  }

  const childAreas = multimap<string, Area>();
  for (const area of areas) if (area.parent) childAreas.add(area.parent, area);

  // Lists read alphabetically (Swedish collation); the lessons of one initiative read by type.
  const typeOrder = (l: Lesson) => LESSON_TYPES.indexOf(l.type);
  for (const list of lessonsOfInitiative.values()) list.sort((a, b) => typeOrder(a) - typeOrder(b) || byTitle(a, b));
  for (const map of [lessonsOfTheme, lessonsOfMethod]) for (const list of map.values()) list.sort(byTitle);
  for (const list of lessonsCitingSource.values()) list.sort((a, b) => byTitle(a.lesson, b.lesson));
  for (const map of [successors, initiativesOfTheme, initiativesOfArea, initiativesAsParticipant, initiativesAsFunder, initiativesOfMethod, initiativesCitingSource]) {
    for (const list of map.values()) list.sort(byTitle);
  }
  for (const list of childAreas.values()) list.sort(byName);

  return {
    generatedAt: snapshot.generatedAt,
    initiatives,
    lessons,
    sources,
    areas,
    organisations,
    methods,
    themes,
    initiative: index(initiatives),
    lesson: index(lessons),
    source: index(sources),
    area: index(areas),
    organisation: index(organisations),
    method: index(methods),
    theme: index(themes),
    lessonsOfInitiative,
    successors,
    initiativesOfTheme,
    lessonsOfTheme,
    initiativesOfArea,
    childAreas,
    initiativesAsParticipant,
    initiativesAsFunder,
    initiativesOfMethod,
    lessonsOfMethod,
    initiativesCitingSource,
    lessonsCitingSource,
  };
}

let pending: Promise<Bank> | undefined;

/** The bank, built once per build and shared by every page (rebuilt per request under `astro dev`). */
export function getBank(): Promise<Bank> {
  if (import.meta.env?.DEV) return loadBank();
  pending ??= loadBank();
  return pending;
}

/** Looks up slugs, skipping none: the snapshot loader has already refused dangling ones. */
export function pick<T>(map: Map<string, T>, slugs: readonly (string | null)[]): T[] {
  return slugs.flatMap((slug) => (slug && map.has(slug) ? [map.get(slug)!] : []));
}

export const sortedByTitle = <T extends Initiative | Lesson | Source>(items: T[]) => [...items].sort(byTitle);
export const sortedByName = <T extends Area | Organisation | Method | Theme>(items: T[]) => [...items].sort(byName);

/** The decades an initiative was active in, or a lesson's initiatives were. */
export function decadesOfInitiative(initiative: Initiative): string[] {
  return decadesOf(initiative);
}

export function decadesOfLesson(bank: Bank, lesson: Lesson): string[] {
  const decades = new Set(pick(bank.initiative, lesson.initiatives).flatMap(decadesOf));
  // A lesson with a dated initiative should not also be filed under "years missing".
  if (decades.size > 1) decades.delete(UNKNOWN_DECADE);
  return [...decades].sort(compareDecades);
}

/** The decade an initiative is listed under on the period-grouped list: its first. */
export const listingDecade = (initiative: Initiative) => decadesOf(initiative)[0];

/** Sorts by start year (or end year), undated last, then title. */
export function byPeriod(a: Initiative, b: Initiative): number {
  const ya = a.startYear ?? a.endYear;
  const yb = b.startYear ?? b.endYear;
  if (ya != null && yb != null && ya !== yb) return ya - yb;
  if (ya == null && yb != null) return 1;
  if (yb == null && ya != null) return -1;
  return byTitle(a, b);
}

/** Lessons that share a theme with this one but come from none of its initiatives, per theme. */
/** How many related lessons a lesson page shows per theme; the theme page lists them all. */
export const RELATED_PER_THEME = 5;

/**
 * Lessons on the same themes from other initiatives, at most `limit` per theme (in the theme's
 * order), and whether there are more: a national bank has thousands per theme, and a lesson
 * page that listed them all would weigh megabytes.
 */
export function relatedLessons(bank: Bank, lesson: Lesson, limit = RELATED_PER_THEME): { theme: Theme; lessons: Lesson[]; more: boolean }[] {
  const own = new Set(lesson.initiatives);
  const isOther = (other: Lesson) => other.slug !== lesson.slug && !other.initiatives.some((slug) => own.has(slug));
  return pick(bank.theme, lesson.themes)
    .map((theme) => {
      const others: Lesson[] = [];
      for (const other of bank.lessonsOfTheme.get(theme.slug) ?? []) {
        if (isOther(other) && others.push(other) > limit) break;
      }
      return { theme, lessons: others.slice(0, limit), more: others.length > limit };
    })
    .filter((group) => group.lessons.length > 0);
}

/** The chain of predecessors back to the first, nearest first; guarded against cycles. */
export function ancestry(bank: Bank, initiative: Initiative): Initiative[][] {
  const seen = new Set([initiative.slug]);
  const generations: Initiative[][] = [];
  let current = [initiative];
  while (current.length > 0) {
    const next = pick(bank.initiative, current.flatMap((i) => i.predecessors)).filter((i) => !seen.has(i.slug));
    next.forEach((i) => seen.add(i.slug));
    const unique = [...new Map(next.map((i) => [i.slug, i])).values()];
    if (unique.length > 0) generations.push(unique);
    current = unique;
  }
  return generations;
}

/** The areas above this one, nearest last, for breadcrumbs. */
export function areaAncestors(bank: Bank, area: Area): Area[] {
  const out: Area[] = [];
  const seen = new Set([area.slug]);
  let parent = area.parent ? bank.area.get(area.parent) : undefined;
  while (parent && !seen.has(parent.slug)) {
    out.unshift(parent);
    seen.add(parent.slug);
    parent = parent.parent ? bank.area.get(parent.parent) : undefined;
  }
  return out;
}

/** The open-data file: the snapshot contract exactly, generatedAt first. */
export function openData(bank: Bank): Snapshot {
  return {
    generatedAt: bank.generatedAt,
    initiatives: bank.initiatives,
    lessons: bank.lessons,
    sources: bank.sources,
    areas: bank.areas,
    organisations: bank.organisations,
    methods: bank.methods,
    themes: bank.themes,
  };
}

/** Pages that exist whatever the content. */
export const STATIC_PATHS = [
  '/',
  '/insatser/',
  '/insatser/kategori/',
  '/insatser/omrade/',
  '/lardomar/',
  '/teman/',
  '/omraden/',
  '/aktorer/',
  '/metoder/',
  '/kallor/',
  '/jamfor/',
  '/jamfor/period/',
  '/tidslinje/',
  '/sok/',
  '/data/',
  '/om/',
  '/tillganglighet/',
];

/** Every page of the site, for the sitemap. */
export function allPaths(bank: Bank): string[] {
  const of = (type: EntryType, items: { slug: string }[]) => items.map((item) => entryUrl(type, item.slug));
  return [
    ...STATIC_PATHS,
    ...of('initiative', bank.initiatives),
    ...of('lesson', bank.lessons),
    ...of('theme', bank.themes),
    ...of('area', bank.areas),
    ...of('organisation', bank.organisations),
    ...of('method', bank.methods),
    ...of('source', bank.sources),
    // One column of the comparison matrix per theme.
    ...bank.themes.map((theme) => compareThemeUrl(theme.slug)),
  ];
}

export { entryUrl, listUrl };
