import { ENUMS, parseSnapshot, type Area, type Citation, type Initiative, type Lesson, type Method, type Organisation, type Snapshot, type Source, type Theme } from '@erfarenhetsbanken/shared-types';
import { Random } from './random';
import { boundedText, capitalise, compound, markdown, paragraph, slugify } from './text';
import {
  FIRST_NAMES, LAST_NAMES, METHOD_BASES, METHOD_QUALIFIERS, MUNICIPALITIES, OBSTACLES, ORGANISATION_PATTERNS,
  OUTCOMES, PLACE_ENDINGS, PLACE_PREFIXES, PLACE_STEMS, THEMES,
} from './vocabulary';

export interface GenerateOptions {
  initiatives: number;
  seed?: number;
}

/** Every synthetic slug starts with this, so benchmark data can never pass for the real bank. */
export const SYNTHETIC_PREFIX = 'syn-';
const SYNTHETIC_NOTE = 'Syntetisk post, genererad för prestandatester. Får aldrig blandas med den verkliga erfarenhetsbanken.';
// Fixed, not the clock: the same options must give a byte-identical snapshot.
const GENERATED_AT = '2025-01-01T00:00:00.000Z';
const DATE_FROM = Date.UTC(2020, 0, 1);
const DATE_SPAN_MINUTES = 5 * 365 * 24 * 60;

/** Code-point order, the order the export and the generator both sort by, whatever the database collation. */
export const bySlug = (a: { slug: string }, b: { slug: string }) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
const sortedSlugs = (items: { slug: string }[]) => items.map((i) => i.slug).sort();

/** `syn-<kind>-<n>-<words>`: the number makes it unique, the words make it readable (cut at a word). */
function uniqueSlug(kind: string, index: number, name: string): string {
  const words = slugify(name);
  const cut = words.length > 50 ? words.slice(0, 50).replace(/-[^-]*$/, '') : words;
  return `${SYNTHETIC_PREFIX}${kind}-${index + 1}-${cut}`;
}

function meta(r: Random) {
  const at = new Date(DATE_FROM + r.int(0, DATE_SPAN_MINUTES) * 60_000).toISOString();
  return { publishedAt: at, updatedAt: at };
}

function placeName(r: Random) {
  const name = `${r.pick(PLACE_STEMS)}${r.pick(PLACE_ENDINGS)}`;
  return r.chance(0.3) ? `${r.pick(PLACE_PREFIXES)} ${name}` : name;
}

function themes(r: Random): Theme[] {
  return THEMES.map((name, i) => ({
    ...meta(r),
    name,
    slug: uniqueSlug('tema', i, name),
    description: `${name}: ${paragraph(r, 'Sverige', 120)}`,
  }));
}

function methods(r: Random, count: number): Method[] {
  return Array.from({ length: count }, (_, i) => {
    const base = METHOD_BASES[i % METHOD_BASES.length];
    const name = i < METHOD_BASES.length ? base : `${base} ${METHOD_QUALIFIERS[Math.floor(i / METHOD_BASES.length - 1) % METHOD_QUALIFIERS.length]}`;
    return { ...meta(r), name, slug: uniqueSlug('metod', i, name), description: markdown(r, 'bostadsområdet', ['Så fungerar metoden', 'Erfarenheter'], 300) };
  });
}

/** Municipalities first, then districts under them, then neighbourhoods under districts. */
function areas(r: Random, count: number): Area[] {
  const out: Area[] = [];
  const municipalityCount = Math.max(1, Math.min(MUNICIPALITIES.length, Math.round(count / 10)));
  for (let i = 0; i < municipalityCount; i += 1) {
    const name = MUNICIPALITIES[i];
    out.push({ ...meta(r), name, slug: uniqueSlug('omrade', out.length, name), municipality: name, kind: 'municipality', description: paragraph(r, name, 150), parent: null });
  }
  const districts: Area[] = [];
  const districtCount = Math.max(municipalityCount ? 1 : 0, Math.round((count - municipalityCount) / 3));
  for (let i = 0; i < districtCount && out.length < count; i += 1) {
    const parent = out[i % municipalityCount];
    const name = placeName(r);
    const area: Area = { ...meta(r), name, slug: uniqueSlug('omrade', out.length, name), municipality: parent.municipality, kind: 'district', description: paragraph(r, name, 150), parent: parent.slug };
    out.push(area);
    districts.push(area);
  }
  while (out.length < count) {
    const parent = r.pick(districts);
    const name = placeName(r);
    out.push({ ...meta(r), name, slug: uniqueSlug('omrade', out.length, name), municipality: parent.municipality, kind: 'neighbourhood', description: paragraph(r, name, 150), parent: parent.slug });
  }
  return out;
}

function organisations(r: Random, count: number): Organisation[] {
  const kinds = ENUMS.organisation.kind;
  return Array.from({ length: count }, (_, i) => {
    const kind = kinds[i % kinds.length];
    const name = r
      .pick(ORGANISATION_PATTERNS[kind])
      .replace('{m}', r.pick(MUNICIPALITIES))
      .replace('{p}', placeName(r))
      .replace('{t}', r.pick(THEMES).toLowerCase());
    return {
      ...meta(r),
      name,
      slug: uniqueSlug('aktor', i, name),
      kind,
      description: r.chance(0.8) ? paragraph(r, 'kommunen', 160) : null,
      url: r.chance(0.6) ? `https://example.org/syntetisk/aktor-${i + 1}` : null,
    };
  });
}

function sources(r: Random, count: number, areaNames: string[]): Source[] {
  const types = ENUMS.source.type;
  return Array.from({ length: count }, (_, i) => {
    const type = types[i % types.length];
    const year = r.int(1995, 2024);
    const title = `Syntetisk ${type === 'evaluation' ? 'utvärdering' : 'källa'}: ${capitalise(compound(r))} i ${r.pick(areaNames)} ${year}`;
    return {
      ...meta(r),
      title,
      slug: uniqueSlug('kalla', i, title.slice(title.indexOf(': ') + 2)),
      authors: r.chance(0.8) ? `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}, ${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}` : null,
      publisher: r.chance(0.7) ? `${r.pick(MUNICIPALITIES)} kommun` : null,
      year: r.chance(0.9) ? year : null,
      type,
      url: r.chance(0.5) ? `https://example.org/syntetisk/kalla-${i + 1}` : null,
      isbn: type === 'book' ? `978-91-${String(10000 + i).padStart(5, '0')}-${i % 10}` : null,
      notes: SYNTHETIC_NOTE,
    };
  });
}

const CATEGORY_WORDS: Record<string, string> = {
  area_programme: 'Områdesprogram', national_programme: 'Nationell satsning', eu_programme: 'EU-projekt', municipal_project: 'Kommunalt projekt',
  local_project: 'Lokalt projekt', pre_study: 'Förstudie', study_visit: 'Studiebesök', network_conference: 'Nätverkskonferens',
  practice_example: 'Praktikexempel', workshop_case: 'Workshopfall', government_inquiry: 'Statlig utredning', other: 'Insats',
};

function lessonTitle(r: Random, type: Lesson['type'], place: string): string {
  const title = {
    success_factor: () => `${capitalise(compound(r))} i ${place} gav ${r.pick(OUTCOMES)}`,
    obstacle: () => `${capitalise(r.pick(OBSTACLES))} bromsade ${compound(r)} i ${place}`,
    insight: () => `${capitalise(compound(r))} kräver ${r.pick(['tid', 'tillit', 'tydliga mandat', 'lokal närvaro', 'uthållighet'])} för att ge ${r.pick(OUTCOMES)}`,
    recommendation: () => `Planera ${compound(r)} tillsammans med ${r.pick(['boende', 'skolan', 'föreningslivet', 'fastighetsägare', 'unga'])} från början`,
  }[type]();
  return title.length <= 140 ? title : title.slice(0, 140).replace(/\s+\S*$/, '');
}

/** A synthetic bank of `initiatives` initiatives and about five lessons each, identical for the same options. */
export function generateBank({ initiatives: count, seed = 1 }: GenerateOptions): Snapshot {
  if (!Number.isInteger(count) || count < 1) throw new Error(`initiatives must be a positive integer, got ${count}`);
  const r = new Random(seed);
  const themeList = themes(r);
  const methodList = methods(r, Math.min(100, Math.max(50, Math.round(count / 100))));
  const areaList = areas(r, Math.max(3, Math.round(count / 20)));
  const organisationList = organisations(r, Math.max(11, Math.round(count / 10)));
  const sourceList = sources(r, Math.max(7, Math.round(count / 5)), areaList.map((a) => a.name));
  const categories = ENUMS.initiative.category;

  const initiativeList: Initiative[] = [];
  const lessonList: Lesson[] = [];
  for (let i = 0; i < count; i += 1) {
    const category = r.pick(categories);
    const initiativeAreas = r.sample(areaList, r.int(1, 3));
    const place = initiativeAreas[0].name;
    const startYear = r.chance(0.9) ? r.int(1990, 2022) : null;
    const endYear = startYear !== null && r.chance(0.8) ? startYear + r.int(0, 6) : null;
    const initiativeSources = r.sample(sourceList, r.int(1, 3));
    const title = `${CATEGORY_WORDS[category]}: ${capitalise(compound(r))} i ${place}`;
    const initiative: Initiative = {
      ...meta(r),
      title,
      slug: uniqueSlug('insats', i, title),
      summary: boundedText(r, place, 300, 3),
      description: markdown(r, place, ['Bakgrund', 'Genomförande', 'Organisation'], r.int(800, 1300)),
      category,
      startYear,
      endYear,
      periodNote: r.chance(0.15) ? `Förlängd i omgångar, ${r.pick(['ettårsvis', 'halvårsvis', 'efter beslut i nämnden'])}` : null,
      municipality: initiativeAreas[0].municipality,
      funding: r.chance(0.7) ? `Finansierad av ${r.pick(organisationList).name} och ${r.pick(organisationList).name}.` : null,
      amountSek: r.chance(0.6) ? r.int(50, 500_000) * 1000 : null,
      goals: markdown(r, place, ['Mål'], 250),
      outcomes: markdown(r, place, ['Resultat'], 250),
      notes: SYNTHETIC_NOTE,
      areas: sortedSlugs(initiativeAreas),
      participants: sortedSlugs(r.sample(organisationList, r.int(1, 4))),
      funders: sortedSlugs(r.sample(organisationList, r.int(0, 2))),
      methods: sortedSlugs(r.sample(methodList, r.int(1, 3))),
      themes: sortedSlugs(r.sample(themeList, r.int(1, 4))),
      sources: sortedSlugs(initiativeSources),
      predecessors: i > 0 && r.chance(0.1) ? sortedSlugs(r.sample(initiativeList, 1)) : [],
    };
    initiativeList.push(initiative);

    const lessons = r.int(3, 7);
    for (let j = 0; j < lessons; j += 1) {
      const type = r.pick(ENUMS.lesson.type);
      const lessonTitleText = lessonTitle(r, type, place);
      const others = i > 0 && r.chance(0.1) ? [r.pick(initiativeList.slice(0, i))] : [];
      const citations: Citation[] = Array.from({ length: r.int(1, 2) }, () => {
        const first = r.int(1, 180);
        return {
          source: (r.chance(0.85) ? r.pick(initiativeSources) : r.pick(sourceList)).slug,
          pages: r.chance(0.5) ? String(first) : `${first}–${first + r.int(1, 6)}`,
          quote: r.chance(0.4) ? boundedText(r, place, 400, 2) : null,
        };
      });
      lessonList.push({
        ...meta(r),
        title: lessonTitleText,
        slug: uniqueSlug('lardom', lessonList.length, lessonTitleText),
        type,
        body: markdown(r, place, [r.pick(['Vad hände', 'Iakttagelse', 'Sammanhang'])], r.int(400, 650)),
        evidenceKind: r.chance(0.9) ? r.pick(ENUMS.lesson.evidenceKind) : null,
        initiatives: sortedSlugs([initiative, ...others.filter((o) => o.slug !== initiative.slug)]),
        themes: sortedSlugs(r.sample(themeList, r.int(1, 3))),
        methods: sortedSlugs(r.sample(methodList, r.int(0, 2))),
        citations,
      });
    }
  }

  return parseSnapshot({
    generatedAt: GENERATED_AT,
    initiatives: initiativeList.sort(bySlug),
    lessons: lessonList.sort(bySlug),
    sources: sourceList.sort(bySlug),
    areas: areaList.sort(bySlug),
    organisations: organisationList.sort(bySlug),
    methods: methodList.sort(bySlug),
    themes: themeList.sort(bySlug),
  });
}
