/**
 * Postings as compact strings inside JSON: a list of non-negative integers, each written as
 * base-32 digits, most significant first, one character per digit; every digit but the last
 * has bit 5 set. Characters run from '0' (48) to 'o' (111), so JSON escapes at most the
 * backslash, and a dense list costs one character per posting where a JSON number array costs
 * three or four. The browser decodes with charCodeAt, without allocating a number per value.
 */
const BASE = 48;
// Every code is below 128, where UTF-8 is ASCII.
const ASCII = new TextDecoder();

export function encodeInts(values: Iterable<number>): string {
  const out = new CharCodes();
  for (const v of values) out.putInt(v);
  return out.text();
}

/**
 * Char codes gathered into a buffer and made into one string at the end: at national scale the
 * index holds 50 MB of postings, and adding them to a string one character at a time cost seconds.
 */
class CharCodes {
  private codes = new Uint8Array(1024);
  private length = 0;

  putInt(value: number) {
    let digits = 1;
    for (let rest = Math.floor(value / 32); rest > 0; rest = Math.floor(rest / 32)) digits++;
    if (this.length + digits > this.codes.length) {
      const grown = new Uint8Array(Math.max(this.codes.length * 2, this.length + digits));
      grown.set(this.codes);
      this.codes = grown;
    }
    for (let i = digits - 1, v = value; i >= 0; i--, v = Math.floor(v / 32)) this.codes[this.length + i] = BASE + (v & 31) + (i < digits - 1 ? 32 : 0);
    this.length += digits;
  }

  text(): string {
    return ASCII.decode(this.codes.subarray(0, this.length));
  }
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
export function encodePostings({ ids, masks }: { ids: ArrayLike<number>; masks: ArrayLike<number> }): string {
  const out = new CharCodes();
  for (let i = 0; i < ids.length; i++) out.putInt((ids[i] - (i > 0 ? ids[i - 1] : 0)) * 8 + masks[i]);
  return out.text();
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
