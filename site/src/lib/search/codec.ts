/**
 * Postings as compact strings inside JSON: a list of non-negative integers, each written as
 * base-32 digits, most significant first, one character per digit; every digit but the last
 * has bit 5 set. Characters run from '0' (48) to 'o' (111), so JSON escapes at most the
 * backslash, and a dense list costs one character per posting where a JSON number array costs
 * three or four. The browser decodes with charCodeAt, without allocating a number per value.
 */
const BASE = 48;

export function encodeInts(values: Iterable<number>): string {
  let out = '';
  const digits: number[] = [];
  for (let v of values) {
    digits.length = 0;
    do {
      digits.push(v & 31);
      v = Math.floor(v / 32);
    } while (v > 0);
    for (let i = digits.length - 1; i >= 0; i--) out += String.fromCharCode(BASE + digits[i] + (i > 0 ? 32 : 0));
  }
  return out;
}

export function decodeInts(text: string): number[] {
  const out: number[] = [];
  let v = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) - BASE;
    v = v * 32 + (c & 31);
    if (c < 32) {
      out.push(v);
      v = 0;
    }
  }
  return out;
}

/** Postings: per doc, (id - previous id) * 8 + field mask; the first holds the id itself. */
export function encodePostings(entries: Iterable<[id: number, mask: number]>): string {
  const values: number[] = [];
  let last = 0;
  for (const [id, mask] of entries) {
    values.push((id - last) * 8 + mask);
    last = id;
  }
  return encodeInts(values);
}

export interface Postings {
  /** doc ids, ascending */
  ids: Int32Array;
  /** per doc: bit i set when the word occurs in field FIELDS[i] */
  masks: Uint8Array;
}

export function decodePostings(text: string): Postings {
  // At most one posting per character.
  const ids = new Int32Array(text.length);
  const masks = new Uint8Array(text.length);
  let n = 0;
  let id = 0;
  let v = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) - BASE;
    v = v * 32 + (c & 31);
    if (c < 32) {
      id += Math.floor(v / 8);
      ids[n] = id;
      masks[n++] = v & 7;
      v = 0;
    }
  }
  return { ids: ids.subarray(0, n), masks: masks.subarray(0, n) };
}

/** A string of small integers, one character each (value + 48): facet columns, counts. */
export function encodeSmall(values: number[]): string {
  let out = '';
  // In slices: fromCharCode takes its arguments on the stack.
  for (let i = 0; i < values.length; i += 8192) out += String.fromCharCode(...values.slice(i, i + 8192).map((v) => v + BASE));
  return out;
}
export const smallAt = (text: string, i: number) => text.charCodeAt(i) - BASE;
