/**
 * Markup built as strings, for the parts of pages that repeat hundreds of thousands of times in a
 * national build: as Astro components every list item cost a component instance of its own.
 */
import { pick, type Bank, type Lesson } from './bank';
import { entryUrl, LESSON_TYPE_LABEL, type LessonType } from './format';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };
/** The escaping Astro applies to expressions in templates. */
export const escapeHtml = (text: string) => text.replace(/[&<>'"]/g, (c) => ENTITIES[c]);

export const lessonBadgeHtml = (type: LessonType) => `<span class="badge badge--${type}">${escapeHtml(LESSON_TYPE_LABEL[type])}</span>`;

/** Lessons as an entry list: title, type and (unless the page is about it) the initiatives each comes from. */
export function lessonListHtml(bank: Bank, items: Lesson[], showInitiatives: boolean): string {
  const item = (l: Lesson) => {
    const from = showInitiatives ? ` från ${escapeHtml(pick(bank.initiative, l.initiatives).map((i) => i.title).join(', '))}` : '';
    return `<li><a href="${escapeHtml(entryUrl('lesson', l.slug))}">${escapeHtml(l.title)}</a> <span class="meta">${lessonBadgeHtml(l.type)}${from}</span></li>`;
  };
  return `<ul class="entry-list">${items.map(item).join('')}</ul>`;
}
