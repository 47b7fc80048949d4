import type { Bank } from '../bank';
import { initiativePageParts } from './initiative';
import { lessonPageParts } from './lesson';
import { TEMPLATE_PARTS, TEMPLATE_SLUG, type EntryPageParts, type TemplatedType } from './template';

/** What a templated page is made of: the placeholders for the model page, the entry's own parts otherwise. */
export function entryPageParts(type: TemplatedType, bank: Bank, slug: string, site: URL | string): EntryPageParts {
  if (slug === TEMPLATE_SLUG) return TEMPLATE_PARTS;
  return type === 'lesson' ? lessonPageParts(bank, bank.lesson.get(slug)!, site) : initiativePageParts(bank, bank.initiative.get(slug)!, site);
}
