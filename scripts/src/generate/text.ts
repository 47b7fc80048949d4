import type { Random } from './random';
import { ACTORS, ADJECTIVES, CONNECTIVES, HEADS, MODIFIERS, OBSTACLES, OUTCOMES, VERBS } from './vocabulary';

/** Lower-case ASCII slug from Swedish text (å/ä → a, ö → o), matching the CMS's slug regex. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Swedish adjective agreement: neuter singular ("ett lokalt") and plural ("lokala"). */
function neuter(adjective: string): string {
  if (adjective.endsWith('nde')) return adjective;
  if (adjective.endsWith('d')) return `${adjective.slice(0, -1)}t`;
  if (adjective.endsWith('t')) return adjective;
  return `${adjective}t`;
}
function plural(adjective: string): string {
  if (adjective.endsWith('nde')) return adjective;
  if (adjective.endsWith('ad')) return `${adjective.slice(0, -1)}e`;
  return `${adjective}a`;
}

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A compound noun such as "trygghetsarbete": the main source of distinct words. */
export const compound = (r: Random) => r.pick(MODIFIERS) + r.pick(HEADS);

/** One declarative sentence in the register of an evaluation report. */
export function sentence(r: Random, place: string): string {
  switch (r.int(0, 5)) {
    case 0:
      return `${capitalise(r.pick(ACTORS))} ${r.pick(VERBS)} ${compound(r)} i ${place}.`;
    case 1:
      return `${r.pick(CONNECTIVES)} ${r.pick(VERBS)} ${r.pick(ACTORS)} ett ${neuter(r.pick(ADJECTIVES))} ${compound(r)} som gav ${r.pick(OUTCOMES)}.`;
    case 2:
      return `En ${r.pick(ADJECTIVES)} ${compound(r)} krävdes för att nå ${r.pick(OUTCOMES)}.`;
    case 3:
      return `${capitalise(r.pick(OBSTACLES))} gjorde att ${compound(r)} och ${compound(r)} inte räckte till.`;
    case 4:
      return `${r.pick(CONNECTIVES)} visade ${r.pick(ACTORS)} att ${compound(r)} behövde ${plural(r.pick(ADJECTIVES))} ${r.pick(HEADS)}.`;
    default:
      return `Arbetet med ${compound(r)} i ${place} ${r.pick(VERBS)} ${r.pick(OUTCOMES)} trots ${r.pick(OBSTACLES)}.`;
  }
}

/** Sentences until the paragraph is at least `min` characters long. */
export function paragraph(r: Random, place: string, min: number): string {
  const parts: string[] = [];
  let length = 0;
  while (length < min) {
    const s = sentence(r, place);
    parts.push(s);
    length += s.length + 1;
  }
  return parts.join(' ');
}

/** As many whole sentences as fit in `max` characters (at least one, cut if it alone is too long). */
export function boundedText(r: Random, place: string, max: number, sentences: number): string {
  let text = '';
  for (let i = 0; i < sentences; i += 1) {
    const next = text ? `${text} ${sentence(r, place)}` : sentence(r, place);
    if (next.length > max) break;
    text = next;
  }
  return text || sentence(r, place).slice(0, max);
}

/** Markdown of roughly `min`–`min`·1.4 characters: headed paragraphs and a bullet list. */
export function markdown(r: Random, place: string, headings: readonly string[], min: number): string {
  const blocks: string[] = [];
  const perBlock = Math.max(120, Math.floor(min / (headings.length + 1)));
  for (const heading of headings) {
    blocks.push(`## ${heading}`, paragraph(r, place, perBlock));
  }
  const bullets = Array.from({ length: r.int(2, 4) }, () => `- ${capitalise(compound(r))}: ${r.pick(OUTCOMES)}`);
  blocks.push(bullets.join('\n'));
  let text = blocks.join('\n\n');
  while (text.length < min) text += `\n\n${paragraph(r, place, 100)}`;
  return text;
}
