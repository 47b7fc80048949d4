/**
 * Build step after index-builder.ts: the engine's answer to each file key typed alone (svar/,
 * one file per key without its last letter) and to the empty search (in the meta file). The
 * browser then ranks nothing on the keystrokes that would fetch a file (the second and third
 * letters of every word, where a prefix matches most of the bank), and since the same engine
 * computes the answer, it is exactly what the browser would compute.
 */
import { createEngine, RANKED_MAX, type Engine, type IndexSource } from './engine';
import { encodeInts } from './codec';
import { answersKey, type KeyOutcome } from './format';
import { RIDER_HITS, ridersOf, type SearchIndexFiles } from './index-builder';
import { FACET_NAMES } from './options';
import { EMPTY_STATE } from '../search';

/** Keys ranked per engine: an engine caches what it decoded, so a fresh one bounds the memory. */
const KEYS_PER_ENGINE = 150;

export async function addKeyOutcomes(files: SearchIndexFiles): Promise<void> {
  // The engine reads the files without the answers, so it ranks every key (and the empty search) itself.
  const source: IndexSource = {
    meta: async () => ({ ...files.meta, o: undefined }),
    facets: async () => files.facets,
    terms: async (key) => files.terms.get(key)!,
    answers: async () => null,
    fragments: async (i) => files.fragments[i],
  };
  const outcome = ({ total, top, counts }: Awaited<ReturnType<Engine['rank']>>): KeyOutcome => ({
    n: total,
    top: encodeInts(top.slice(0, RANKED_MAX)),
    c: encodeInts(FACET_NAMES.flatMap((facet) => files.meta.values[facet].map((value) => counts[facet]!.get(value) ?? 0))),
  });
  const keys = [...files.terms.keys()];
  const groups = new Map<string, { o: Record<string, KeyOutcome>; shown: Set<number> }>();
  for (let start = 0; start < keys.length; start += KEYS_PER_ENGINE) {
    const engine = await createEngine(source);
    // The stored answers count every facet, whichever group the reader opens.
    await engine.countAll();
    if (start === 0) files.meta.o = outcome(await engine.rank(EMPTY_STATE));
    for (const key of keys.slice(start, start + KEYS_PER_ENGINE)) {
      const ranked = await engine.rank({ ...EMPTY_STATE, q: key });
      const group = groups.get(answersKey(key)) ?? { o: {}, shown: new Set<number>() };
      groups.set(answersKey(key), group);
      group.o[key] = outcome(ranked);
      for (const id of ranked.top.slice(0, RIDER_HITS)) group.shown.add(id);
    }
  }
  for (const [prefix, { o, shown }] of groups) files.answers.set(prefix, { o, h: ridersOf(files.fragments, shown) });
}
