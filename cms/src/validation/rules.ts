import { fieldLabel } from '../labels';

export interface FieldError {
  path: string[];
  message: string;
}

type Entry = Record<string, any>;

const URL_FIELDS = ['url'];

function error(uid: string, path: string[], text: string): FieldError {
  return { path, message: `${path.join('.')} (${fieldLabel(uid, path[0])}): ${text}` };
}

function isWellFormedUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** Rules every stored version (draft or published) must satisfy, beyond what schema.json states. */
export function entryErrors(uid: string, entry: Entry): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of URL_FIELDS) {
    const value = entry[field];
    if (value != null && value !== '' && !isWellFormedUrl(String(value))) {
      errors.push(error(uid, [field], `"${value}" är ingen giltig webbadress (http:// eller https://)`));
    }
  }
  if (uid === 'api::initiative.initiative' && entry.startYear != null && entry.endYear != null && entry.endYear < entry.startYear) {
    errors.push(error(uid, ['endYear'], `slutåret ${entry.endYear} ligger före startåret ${entry.startYear}`));
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
    errors.push(error(uid, ['initiatives'], 'en lärdom måste kopplas till minst en publicerad insats innan den publiceras'));
  }
  const citations: Entry[] = entry.citations ?? [];
  if (citations.length === 0) {
    errors.push(error(uid, ['citations'], 'en lärdom måste ha minst en källhänvisning innan den publiceras'));
  }
  citations.forEach((citation, index) => {
    if (!citation.source) {
      errors.push(error(uid, ['citations', String(index), 'source'], `källhänvisning ${index + 1} saknar en publicerad källa`));
    }
  });
  return errors;
}
