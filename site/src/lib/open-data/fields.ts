/**
 * The field config of the open data: one table per CSV file, one row per column, saying what the
 * column holds, its type and its Swedish title and description. The CSV writer, datapackage.json
 * and the data dictionary on /data/ are all generated from this table, so a column cannot be
 * added to one of them and forgotten in the others (CollectionBuilder-style; DESIGN.md).
 */
import { LABELS, type Collection, type Snapshot } from '@erfarenhetsbanken/shared-types';

export type FieldKind =
  /** The row's own stable identifier. */
  | 'slug'
  /** One slug of another entry, or empty. */
  | 'ref'
  /** Slugs of other entries, separated by ";", empty for none. */
  | 'refs'
  | 'text'
  /** Text written in Markdown. */
  | 'markdown'
  /** One of a fixed set of English codes; `labels` gives their Swedish names. */
  | 'code'
  | 'integer'
  | 'year'
  | 'datetime';

export interface Field {
  name: string;
  kind: FieldKind;
  title: string;
  description: string;
  /** Never empty. */
  required?: boolean;
  /** For 'code': value → Swedish label. */
  labels?: Record<string, string>;
  /** For 'ref' and 'refs': the table the slugs point into. */
  target?: TableName;
}

export type TableName = Collection | 'lesson_citations';

export interface Table {
  name: TableName;
  /** The CSV file's name under /data/. */
  file: string;
  title: string;
  description: string;
  fields: Field[];
  primaryKey: string[];
  /** The rows, as objects keyed by field name, in the open-data file's order. */
  rows(snapshot: Snapshot): Record<string, unknown>[];
}

/** Slugs as in the URLs: lower-case letters, digits and single hyphens. */
export const SLUG_PATTERN = '[a-z0-9]+(?:-[a-z0-9]+)*';
export const LIST_SEPARATOR = ';';

const WHAT: Record<Collection, string> = {
  initiatives: 'insatsen',
  lessons: 'lärdomen',
  sources: 'källan',
  areas: 'området',
  organisations: 'aktören',
  methods: 'metoden',
  themes: 'temat',
};

const SEGMENTS: Record<Collection, string> = {
  initiatives: 'insatser',
  lessons: 'lardomar',
  sources: 'kallor',
  areas: 'omraden',
  organisations: 'aktorer',
  methods: 'metoder',
  themes: 'teman',
};

const slug = (collection: Collection): Field => ({
  name: 'slug',
  kind: 'slug',
  title: 'Identifierare',
  description: `Stabil identifierare för ${WHAT[collection]}, samma som i sidans adress (/${SEGMENTS[collection]}/<slug>/). Andra filer hänvisar till posten med den.`,
  required: true,
});

const dates: Field[] = [
  { name: 'publishedAt', kind: 'datetime', title: 'Publicerad', description: 'När den här versionen av posten publicerades (ISO 8601).', required: true },
  { name: 'updatedAt', kind: 'datetime', title: 'Senast ändrad', description: 'När posten senast ändrades i redaktionssystemet (ISO 8601).', required: true },
];

const refs = (name: string, target: Collection, title: string, description: string, required = false): Field => ({
  name,
  kind: 'refs',
  target,
  title,
  description: `${description} Identifierare (slug) i ${target}.csv, separerade med semikolon (;); tom om inga.`,
  ...(required ? { required } : {}),
});

const identity = <T extends Record<string, unknown>>(items: T[]) => items as Record<string, unknown>[];

export const TABLES: Table[] = [
  {
    name: 'initiatives',
    file: 'initiatives.csv',
    title: LABELS.collection.initiatives,
    description: 'Insatser: program, projekt, förstudier, studiebesök, nätverk och liknande, med period, finansiering och kopplingar.',
    primaryKey: ['slug'],
    rows: (s) => identity(s.initiatives),
    fields: [
      slug('initiatives'),
      { name: 'title', kind: 'text', title: 'Titel', description: 'Insatsens namn.', required: true },
      { name: 'summary', kind: 'text', title: 'Sammanfattning', description: 'Kort sammanfattning (högst 300 tecken).', required: true },
      { name: 'description', kind: 'markdown', title: 'Beskrivning', description: 'Längre beskrivning, i Markdown.' },
      { name: 'category', kind: 'code', title: 'Typ av insats', description: 'Vilken sorts insats det är.', required: true, labels: LABELS.initiativeCategory },
      { name: 'startYear', kind: 'year', title: 'Startår', description: 'Året insatsen startade. Tomt när källan inte anger det: årtal gissas aldrig.' },
      { name: 'endYear', kind: 'year', title: 'Slutår', description: 'Året insatsen avslutades. Tomt när källan inte anger det.' },
      { name: 'periodNote', kind: 'text', title: 'Kommentar om perioden', description: 'Vad källan säger om tiden när årtal saknas eller är osäkra.' },
      { name: 'municipality', kind: 'text', title: 'Kommun', description: 'Kommunen insatsen genomfördes i, om det är en.' },
      { name: 'funding', kind: 'text', title: 'Finansiering', description: 'Finansieringen som källan beskriver den.' },
      { name: 'amountSek', kind: 'integer', title: 'Belopp (kr)', description: 'Belopp i svenska kronor, när källan anger ett.' },
      { name: 'goals', kind: 'markdown', title: 'Mål', description: 'Insatsens mål, i Markdown.' },
      { name: 'outcomes', kind: 'markdown', title: 'Resultat', description: 'Insatsens resultat, i Markdown.' },
      { name: 'notes', kind: 'text', title: 'Redaktionens anmärkningar', description: 'Redaktionens anmärkningar om posten och källäget.' },
      refs('areas', 'areas', 'Områden', 'Områden insatsen riktades mot.'),
      refs('participants', 'organisations', 'Aktörer', 'Aktörer som deltog.'),
      refs('funders', 'organisations', 'Finansiärer', 'Aktörer som finansierade insatsen.'),
      refs('methods', 'methods', 'Metoder', 'Metoder som användes.'),
      refs('themes', 'themes', 'Teman', 'Teman insatsen hör till.'),
      refs('sources', 'sources', 'Källor', 'Källor som beskriver insatsen.'),
      refs('predecessors', 'initiatives', 'Föregångare', 'Insatser som den här byggde vidare på.'),
      ...dates,
    ],
  },
  {
    name: 'lessons',
    file: 'lessons.csv',
    title: LABELS.collection.lessons,
    description: 'Lärdomar: framgångsfaktorer, hinder, insikter och rekommendationer. Källhänvisningarna finns i lesson_citations.csv.',
    primaryKey: ['slug'],
    rows: (s) => identity(s.lessons),
    fields: [
      slug('lessons'),
      { name: 'title', kind: 'text', title: 'Titel', description: 'Lärdomen i en mening (högst 140 tecken).', required: true },
      { name: 'type', kind: 'code', title: 'Typ av lärdom', description: 'Vad för slags lärdom det är.', required: true, labels: LABELS.lessonType },
      { name: 'body', kind: 'markdown', title: 'Lärdomen', description: 'Lärdomen utförligt, i Markdown.', required: true },
      { name: 'evidenceKind', kind: 'code', title: 'Typ av underlag', description: 'Vilket slags underlag lärdomen bygger på; tomt om det inte anges.', labels: LABELS.evidenceKind },
      refs('initiatives', 'initiatives', 'Insatser', 'Insatser lärdomen kommer från (minst en).', true),
      refs('themes', 'themes', 'Teman', 'Teman lärdomen hör till.'),
      refs('methods', 'methods', 'Metoder', 'Metoder lärdomen gäller.'),
      ...dates,
    ],
  },
  {
    name: 'lesson_citations',
    file: 'lesson_citations.csv',
    title: 'Källhänvisningar',
    description: 'Lärdomarnas källhänvisningar (fältet citations i JSON-filen), en rad per hänvisning i lärdomens ordning.',
    primaryKey: ['lesson', 'position'],
    rows: (s) => s.lessons.flatMap((lesson) => lesson.citations.map((c, i) => ({ lesson: lesson.slug, position: i + 1, source: c.source, pages: c.pages, quote: c.quote }))),
    fields: [
      { name: 'lesson', kind: 'ref', target: 'lessons', title: 'Lärdom', description: 'Lärdomen som hänvisar: identifierare (slug) i lessons.csv.', required: true },
      { name: 'position', kind: 'integer', title: 'Ordning', description: 'Hänvisningens plats bland lärdomens hänvisningar, från 1.', required: true },
      { name: 'source', kind: 'ref', target: 'sources', title: 'Källa', description: 'Källan det hänvisas till: identifierare (slug) i sources.csv.', required: true },
      { name: 'pages', kind: 'text', title: 'Sidor', description: 'Sida, sidor eller avsnitt i källan; tomt om det inte anges.' },
      { name: 'quote', kind: 'text', title: 'Citat', description: 'Ett kort citat ur källan (högst 400 tecken), om ett finns.' },
    ],
  },
  {
    name: 'sources',
    file: 'sources.csv',
    title: LABELS.collection.sources,
    description: 'Källor: utvärderingar, rapporter, böcker, beslut och andra dokument som insatserna och lärdomarna bygger på.',
    primaryKey: ['slug'],
    rows: (s) => identity(s.sources),
    fields: [
      slug('sources'),
      { name: 'title', kind: 'text', title: 'Titel', description: 'Källans titel.', required: true },
      { name: 'authors', kind: 'text', title: 'Författare', description: 'Författarna som källan anger dem (fritext).' },
      { name: 'publisher', kind: 'text', title: 'Utgivare', description: 'Utgivare; tomt om källan inte anger någon.' },
      { name: 'year', kind: 'year', title: 'År', description: 'Utgivningsår; tomt om källan inte anger det.' },
      { name: 'type', kind: 'code', title: 'Typ av källa', description: 'Vad för slags dokument källan är.', required: true, labels: LABELS.sourceType },
      { name: 'url', kind: 'text', title: 'Webbadress', description: 'Var källan finns på webben, om den gör det.' },
      { name: 'isbn', kind: 'text', title: 'ISBN', description: 'ISBN, om källan har ett.' },
      { name: 'notes', kind: 'text', title: 'Om källan', description: 'Redaktionens kommentar om källan.' },
      ...dates,
    ],
  },
  {
    name: 'areas',
    file: 'areas.csv',
    title: LABELS.collection.areas,
    description: 'Områden: stadsdelar, bostadsområden, kommuner, regioner och länder, ordnade i en hierarki.',
    primaryKey: ['slug'],
    rows: (s) => identity(s.areas),
    fields: [
      slug('areas'),
      { name: 'name', kind: 'text', title: 'Namn', description: 'Områdets namn.', required: true },
      { name: 'municipality', kind: 'text', title: 'Kommun', description: 'Kommunen området ligger i.' },
      { name: 'kind', kind: 'code', title: 'Typ av område', description: 'Vad för slags område det är.', required: true, labels: LABELS.areaKind },
      { name: 'description', kind: 'text', title: 'Beskrivning', description: 'Kort beskrivning av området.' },
      { name: 'parent', kind: 'ref', target: 'areas', title: 'Ingår i', description: 'Området det här ingår i: identifierare (slug) i areas.csv; tomt för de översta.' },
      ...dates,
    ],
  },
  {
    name: 'organisations',
    file: 'organisations.csv',
    title: LABELS.collection.organisations,
    description: 'Aktörer: kommuner, myndigheter, föreningar, lärosäten, företag och andra som deltog i eller finansierade insatser.',
    primaryKey: ['slug'],
    rows: (s) => identity(s.organisations),
    fields: [
      slug('organisations'),
      { name: 'name', kind: 'text', title: 'Namn', description: 'Aktörens namn.', required: true },
      { name: 'kind', kind: 'code', title: 'Typ av aktör', description: 'Vad för slags aktör det är.', required: true, labels: LABELS.organisationKind },
      { name: 'description', kind: 'text', title: 'Beskrivning', description: 'Kort beskrivning av aktören.' },
      { name: 'url', kind: 'text', title: 'Webbadress', description: 'Aktörens webbplats.' },
      ...dates,
    ],
  },
  {
    name: 'methods',
    file: 'methods.csv',
    title: LABELS.collection.methods,
    description: 'Metoder och arbetssätt, till exempel mötesplatser, brobyggare och tjänstedesign.',
    primaryKey: ['slug'],
    rows: (s) => identity(s.methods),
    fields: [
      slug('methods'),
      { name: 'name', kind: 'text', title: 'Namn', description: 'Metodens namn.', required: true },
      { name: 'description', kind: 'markdown', title: 'Beskrivning', description: 'Beskrivning av metoden, i Markdown.' },
      ...dates,
    ],
  },
  {
    name: 'themes',
    file: 'themes.csv',
    title: LABELS.collection.themes,
    description: 'Teman: det kontrollerade ordförråd som knyter ihop insatser och lärdomar.',
    primaryKey: ['slug'],
    rows: (s) => identity(s.themes),
    fields: [
      slug('themes'),
      { name: 'name', kind: 'text', title: 'Namn', description: 'Temats namn.', required: true },
      { name: 'description', kind: 'text', title: 'Beskrivning', description: 'Vad temat omfattar.' },
      ...dates,
    ],
  },
];

/** Fields of the open-data JSON that a table does not carry as a column, and where they went. */
export const MOVED_FIELDS: Partial<Record<Collection, Record<string, TableName>>> = { lessons: { citations: 'lesson_citations' } };

/** The JSON file itself, described alongside the CSVs. */
export const JSON_FILE = 'erfarenhetsbank.json';
