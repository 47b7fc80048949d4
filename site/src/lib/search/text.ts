/**
 * Folding and tokenising exactly as fuse.js does with `ignoreDiacritics` and its default
 * tokenizer, so words in the prebuilt index and words typed in the browser meet in one form.
 */

// Letters NFD cannot split into base + mark; fuse.js maps the same ones.
const NON_DECOMPOSABLE: Record<string, string> = { ł: 'l', đ: 'd', ø: 'o', ħ: 'h', ŧ: 't', ı: 'i', ß: 'ss' };
const NON_DECOMPOSABLE_RE = new RegExp(`[${Object.keys(NON_DECOMPOSABLE).join('')}]`, 'g');
const TOKEN = /[\p{L}\p{M}\p{N}_]+/gu;

/** Lowercase without diacritics: "Möllevången" → "mollevangen". */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(NON_DECOMPOSABLE_RE, (ch) => NON_DECOMPOSABLE[ch]);
}

/** Folded words, fuse.js's default token rule (letters, marks, digits, underscore). */
export function words(text: string): string[] {
  return fold(text).match(TOKEN) ?? [];
}

/** Words shorter than this are not indexed and not searched for: fuse.js's minMatchCharLength. */
export const MIN_WORD = 2;

/** The prefix union a folded word counts in: its first two characters (for 2- and 3-letter queries). */
export const prefixKey = (word: string) => word.slice(0, MIN_WORD);

/** Query words from this length are matched fuzzily against the words of their term chunk. */
export const CHUNK_CHARS = 3;

/** The term chunk a folded word lives in: its first three characters. */
export const chunkKey = (word: string) => word.slice(0, CHUNK_CHARS);

/**
 * Compound parts are indexed from this length: "socialfondsprojekt" is also filed under "pro",
 * because "projekt" is a word of the bank, so the query "projekt" finds it (fuse.js matched
 * inside words, and Swedish writes compounds as one word).
 */
export const MIN_PART = 4;

/** A file-name-safe form of a chunk key (most are two ASCII letters already). */
export const chunkFile = (key: string) =>
  [...key].map((ch) => (/[a-z0-9]/.test(ch) ? ch : `-${ch.codePointAt(0)!.toString(16)}-`)).join('');

/** fuse.js's field-length norm: 1 / √(tokens), tokens counted between whitespace. */
export function tokenCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const separator = (c >= 9 && c <= 13) || c === 32 || c === 160;
    if (!separator && !inWord) n++;
    inWord = !separator;
  }
  return Math.max(n, 1);
}

export const normOf = (tokens: number) => Math.round(1000 / Math.sqrt(tokens)) / 1000;
