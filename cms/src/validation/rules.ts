import { fieldLabel } from '../labels';
import type { Attribute } from '../seed/models';

export interface FieldError {
  path: string[];
  message: string;
}


type Entry = Record<string, any>;
type Attributes = Record<string, Attribute>;

const URL_FIELDS = new Set(['url']);

/** Initiative slugs the site uses for its own list pages (/insatser/kategori/, /insatser/omrade/). */
const RESERVED_SLUGS: Record<string, string[]> = { 'api::initiative.initiative': ['kategori', 'omrade'] };

export function fieldError(uid: string, path: string[], text: string): FieldError {
  return { path, message: `${path.join('.')} (${fieldLabel(uid, path[path.length - 1])}): ${text}` };
}

function isWellFormedUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** What is wrong with one field value, if anything (Swedish, for editors). */
function valueProblem(field: string, attr: Attribute, value: unknown, publishing: boolean): string | null {
  if (value === undefined || value === null || value === '') {
    return attr.required && publishing ? 'måste fyllas i' : null;
  }
  switch (attr.type) {
    case 'string':
    case 'text':
    case 'richtext':
    case 'uid':
      if (typeof value !== 'string') return `måste vara text, fick ${JSON.stringify(value)}`;
      if (attr.maxLength && value.length > attr.maxLength) return `är ${value.length} tecken, högst ${attr.maxLength} tillåts`;
      if (attr.regex && !new RegExp(attr.regex).test(value)) return `"${value}" får bara innehålla små bokstäver a–z, siffror och enkla bindestreck`;
      if (URL_FIELDS.has(field) && !isWellFormedUrl(value)) return `"${value}" är ingen giltig webbadress (http:// eller https://)`;
      return null;
    case 'integer':
    case 'biginteger':
    case 'decimal': {
      // Big integers come back from the database as strings.
      const number = typeof value === 'string' && attr.type !== 'integer' ? Number(value) : value;
      if (typeof number !== 'number' || Number.isNaN(number) || (attr.type !== 'decimal' && !Number.isInteger(number))) {
        return `måste vara ${attr.type !== 'decimal' ? 'ett heltal' : 'ett tal'}, fick ${JSON.stringify(value)}`;
      }
      if (attr.min !== undefined && number < Number(attr.min)) return `${number} är mindre än lägsta tillåtna ${attr.min}`;
      if (attr.max !== undefined && number > Number(attr.max)) return `${number} är större än högsta tillåtna ${attr.max}`;
      return null;
    }
    case 'enumeration':
      return attr.enum!.includes(value as string) ? null : `"${value}" är inte ett av ${attr.enum!.join(', ')}`;
    default:
      return null;
  }
}

/**
 * The rules every stored version must satisfy, drafts included (Strapi 5 itself relaxes its
 * schema checks for drafts): field types, lengths, slug form, year range and order, URLs, and
 * with `publishing` the required fields. Components are checked with their own schemas.
 */
export function entryErrors(
  uid: string,
  entry: Entry,
  modelOf: (uid: string) => Attributes,
  publishing: boolean,
  prefix: string[] = [],
): FieldError[] {
  const errors: FieldError[] = [];
  for (const [field, attr] of Object.entries(modelOf(uid))) {
    const value = entry[field];
    if (attr.type === 'component') {
      if (Array.isArray(value)) {
        value.forEach((item, i) => errors.push(...entryErrors(attr.component!, item ?? {}, modelOf, publishing, [...prefix, field, String(i)])));
      }
      continue;
    }
    if (attr.type === 'relation') continue;
    const problem = valueProblem(field, attr, value, publishing);
    if (problem) errors.push(fieldError(uid, [...prefix, field], problem));
  }
  if (RESERVED_SLUGS[uid]?.includes(entry.slug)) {
    errors.push(fieldError(uid, ['slug'], `"${entry.slug}" är reserverat för webbplatsens egna sidor`));
  }
  if (uid === 'api::initiative.initiative' && entry.startYear != null && entry.endYear != null && entry.endYear < entry.startYear) {
    errors.push(fieldError(uid, ['endYear'], `slutåret ${entry.endYear} ligger före startåret ${entry.startYear}`));
  }
  return errors;
}

/**
 * Rules for what may be published: a lesson must say which initiative it comes from and cite
 * an existing source for it. `entry` is the published version with relations populated, so a
 * relation to something unpublished does not count.
 */
export function publishErrors(uid: string, entry: Entry): FieldError[] {
  if (uid !== 'api::lesson.lesson') return [];
  const errors: FieldError[] = [];
  if (!entry.initiatives?.length) {
    errors.push(fieldError(uid, ['initiatives'], 'en lärdom måste kopplas till minst en publicerad insats innan den publiceras'));
  }
  const citations: Entry[] = entry.citations ?? [];
  if (citations.length === 0) {
    errors.push(fieldError(uid, ['citations'], 'en lärdom måste ha minst en källhänvisning innan den publiceras'));
  }
  citations.forEach((citation, index) => {
    if (!citation.source) {
      errors.push(fieldError(uid, ['citations', String(index), 'source'], `källhänvisning ${index + 1} saknar en publicerad källa`));
    }
  });
  return errors;
}
