import { beforeAll, describe, expect, it } from 'vitest';
import { generateBank } from '@erfarenhetsbanken/scripts/generate/bank';
import { buildBank } from '../../site/src/lib/bank';
import { EMPTY_STATE, FACET_NAMES, type SearchDoc } from '../../site/src/lib/search';
import { buildFacets, buildSearchDocs } from '../../site/src/lib/search-index';
import { createEngine, type Engine, type IndexSource } from '../../site/src/lib/search/engine';
import { buildSearchIndex, type SearchIndexFiles } from '../../site/src/lib/search/index-builder';
import { addKeyOutcomes } from '../../site/src/lib/search/key-outcomes';
import { isOnDemandFacet } from '../../site/src/lib/search/format';

/** The files as the browser gets them: through JSON, with the fetches counted. */
function memorySource(f: SearchIndexFiles, fetched: string[] = []): IndexSource {
  const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value));
  return {
    meta: async () => copy(f.meta),
    facets: async () => (fetched.push('facetter'), copy(f.facets)),
    terms: async (key) => (fetched.push(`ord/${key}`), copy(f.terms.get(key)!)),
    answers: async (prefix) => (fetched.push(`svar/${prefix}`), f.answers.has(prefix) ? copy(f.answers.get(prefix)!) : null),
    fragments: async (i) => (fetched.push(`poster/${i}`), copy(f.fragments[i])),
  };
}

let plain: SearchIndexFiles;
let withOutcomes: SearchIndexFiles;
let ranking: Engine;
let answering: Engine;
const fetched: string[] = [];

beforeAll(async () => {
  const bank = buildBank(generateBank({ initiatives: 60, seed: 7 }));
  const docs = buildSearchDocs(bank);
  // Small split threshold: crowded-prefix files (three-letter unions, four-letter chunks) too.
  plain = buildSearchIndex(docs, buildFacets(bank, docs), new Map(), { splitAbove: 200 });
  const copy = JSON.parse(JSON.stringify({ meta: plain.meta, facets: plain.facets, terms: [...plain.terms], fragments: plain.fragments }));
  withOutcomes = { ...copy, terms: new Map(copy.terms), answers: new Map() };
  await addKeyOutcomes(withOutcomes);
  ranking = await createEngine(memorySource(plain));
  answering = await createEngine(memorySource(withOutcomes, fetched));
  // Both count every facet, as the page does once a theme or area group is open.
  await Promise.all([ranking.countAll(), answering.countAll()]);
});

describe('answers the build stores per file key', () => {
  it('are what the engine computes itself: same total, hits in the same order, same facet counts', async () => {
    expect(plain.meta.split.length).toBeGreaterThan(0);
    const keys = [...withOutcomes.terms.keys()];
    for (const key of keys) expect(withOutcomes.answers.get(key.slice(0, -1))?.o[key], key).toBeDefined();
    expect(withOutcomes.meta.o).toBeDefined();
    // Every kind of file (two-letter unions, three-letter chunks and unions, four-letter chunks), sampled.
    const sample = keys.filter((k, i) => i % 7 === 0 || plain.meta.split.includes(k) || k.length === 4);
    for (const key of sample) {
      for (const q of [key, `${key} `, key.toUpperCase(), '', ' ']) {
        for (const limit of [10, 50]) {
          const a = await ranking.search({ ...EMPTY_STATE, q }, limit);
          const b = await answering.search({ ...EMPTY_STATE, q }, limit);
          expect(b.total, q).toBe(a.total);
          expect(b.hits.map((h) => h.doc.u), q).toEqual(a.hits.map((h) => h.doc.u));
          expect(b.hits.map((h) => h.highlights), q).toEqual(a.hits.map((h) => h.highlights));
          for (const f of FACET_NAMES) expect([...b.counts[f]!].sort(), `${q} ${f}`).toEqual([...a.counts[f]!].sort());
        }
      }
    }
  }, 120_000);

  it('leave themes and areas uncounted, as a ranking does, until their columns are loaded', async () => {
    const key = [...withOutcomes.terms.keys()].find((k) => k.length === 2)!;
    const fresh = await createEngine(memorySource(withOutcomes));
    const state = { ...EMPTY_STATE, q: key };
    const reference = await answering.search(state, 10);
    const before = await fresh.search(state, 10);
    for (const f of FACET_NAMES) expect(before.counts[f], f).toEqual(isOnDemandFacet(f) ? null : reference.counts[f]);
    await fresh.countAll();
    expect((await fresh.search(state, 10)).counts).toEqual(reference.counts);
  });

  it('are not used with facets chosen or beyond the hits ranked per search', async () => {
    const key = [...withOutcomes.terms.keys()].find((k) => k.length === 2)!;
    const theme = plain.meta.values.theme[0];
    for (const state of [{ ...EMPTY_STATE, q: key, theme: [theme] }, { ...EMPTY_STATE, q: key, type: ['insatser'] }]) {
      const a = await ranking.search(state, 10);
      const b = await answering.search(state, 10);
      expect(b.total).toBe(a.total);
      expect(b.hits.map((h) => h.doc.u)).toEqual(a.hits.map((h) => h.doc.u));
    }
    const a = await ranking.search({ ...EMPTY_STATE, q: key }, 120);
    const b = await answering.search({ ...EMPTY_STATE, q: key }, 120);
    expect(b.hits.map((h) => h.doc.u)).toEqual(a.hits.map((h) => h.doc.u));
  });

  it('let a key typed alone fetch its answer, with the text of the hits shown, and then its chunk for the next letter', async () => {
    for (const key of [...withOutcomes.terms.keys()].filter((k) => k.length === 2 || (k.length === 3 && !plain.meta.split.includes(k)))) {
      const fresh = await createEngine(memorySource(withOutcomes, fetched));
      fetched.length = 0;
      const { hits } = await fresh.search({ ...EMPTY_STATE, q: key }, 10);
      expect(hits.length, key).toBeGreaterThan(0);
      // A two-letter key's union file is only read for a ranking in the browser: not fetched.
      expect(fetched, key).toEqual(key.length === 2 ? [`svar/${key[0]}`] : [`svar/${key.slice(0, 2)}`, `ord/${key}`]);
    }
  });

  it('are fetched between keys, so the next letter of a word typed alone is answered from memory', async () => {
    for (const key of [...withOutcomes.terms.keys()].filter((k) => k.length === 2).slice(0, 5)) {
      const fresh = await createEngine(memorySource(withOutcomes, fetched));
      await fresh.search({ ...EMPTY_STATE, q: key[0] }, 10);
      fetched.length = 0;
      await fresh.prefetch({ ...EMPTY_STATE, q: key[0] }, 10);
      expect(fetched, key).toEqual([`svar/${key[0]}`]);
      fetched.length = 0;
      const b = await fresh.search({ ...EMPTY_STATE, q: key }, 10);
      expect(fetched, key).toEqual([]);
      expect(b.hits.map((h) => h.doc.u), key).toEqual((await ranking.search({ ...EMPTY_STATE, q: key }, 10)).hits.map((h) => h.doc.u));
    }
  });
});

describe('between keys, a longer word', () => {
  const doc = (u: string, title: string, text: string): SearchDoc => ({ t: 'initiative', u, title, text, ctx: '', meta: '', th: [], ar: [], pe: [] });
  /** The files of a few docs, without riders: what a keystroke finds comes from the prefetch. */
  async function filesOf(docs: SearchDoc[]) {
    const files = buildSearchIndex(docs, { type: [{ value: 'insatser', label: 'Insatser' }], lessonType: [], theme: [], area: [], period: [] }, new Map(), { riderBudget: 0 });
    await addKeyOutcomes(files);
    return files;
  }
  /** The hits of `next` once `typed` is on screen and the page has prefetched for it; `fetched` holds what `next` fetched. */
  async function nextAfterPrefetch(engine: Engine, typed: string, next: string) {
    await engine.search({ ...EMPTY_STATE, q: typed }, 10);
    await engine.prefetch({ ...EMPTY_STATE, q: typed }, 10);
    fetched.length = 0;
    return (await engine.search({ ...EMPTY_STATE, q: next }, 10)).hits.map((h) => h.doc.u);
  }

  // No hits' text riding along with the term files: what the next letter finds comes from the prefetch.
  let riderless: SearchIndexFiles;
  beforeAll(async () => {
    const bank = buildBank(generateBank({ initiatives: 60, seed: 7 }));
    const docs = buildSearchDocs(bank);
    riderless = buildSearchIndex(docs, buildFacets(bank, docs), new Map(), { splitAbove: 200, riderBudget: 0 });
    await addKeyOutcomes(riderless);
  });

  it('is continued by its likeliest letter: that search fetches nothing, and every letter answers as without', async () => {
    // A four-letter prefix that several words of its chunk continue with different letters.
    const vocabularyOf = (key: string) => (plain.terms.get(key) as { w: string[] }).w;
    const continued = (words: string[], prefix: string) => new Set(words.filter((w) => w.startsWith(prefix) && w.length > 4).map((w) => w[4])).size;
    const chunks = [...plain.terms.keys()].filter((k) => k.length === 3 && !plain.meta.split.includes(k));
    const [prefix, vocabulary] = chunks
      .flatMap((k) => vocabularyOf(k).map((w) => [w.slice(0, 4), vocabularyOf(k)] as const))
      .find(([p, words]) => p.length === 4 && continued(words, p) > 1)!;
    const letters = [...new Set(vocabulary.filter((w) => w.startsWith(prefix) && w.length > 4).map((w) => w[4]))];
    const silent: string[] = [];
    for (const letter of letters) {
      const fresh = await createEngine(memorySource(riderless, fetched));
      await fresh.prefetch({ ...EMPTY_STATE, q: prefix }, 10);
      fetched.length = 0;
      const q = prefix + letter;
      const b = await fresh.search({ ...EMPTY_STATE, q }, 10);
      if (fetched.length === 0) silent.push(letter);
      const a = await ranking.search({ ...EMPTY_STATE, q }, 10);
      expect(b.total, q).toBe(a.total);
      expect(b.hits.map((h) => h.doc.u), q).toEqual(a.hits.map((h) => h.doc.u));
    }
    // One letter is prepared for; the others fetch their hits' text as they would have.
    expect(silent.length, `${prefix}: ${letters.join('')}`).toBe(1);
  });

  it('after other words, is continued by the letter the hits on screen suggest, a phrase over more frequent words', async () => {
    // On screen for "lokal f": one phrase continuing "f" with "o", and many more words with "a".
    const docs = [
      doc('/a/', 'Lokal förankring', 'Arbete i stadsdelen.'),
      doc('/b/', 'Lokal insats', 'Fakta om familjer, fastigheter och fabriker.'),
      doc('/c/', 'Lokal plan', 'Fattigdom, fattiga hushåll och fattigvård.'),
    ];
    const engine = await createEngine(memorySource(await filesOf(docs), fetched));
    expect(await nextAfterPrefetch(engine, 'lokal f', 'lokal fö')).toEqual(['/a/']);
    expect(fetched).toEqual([]);
    // Where no phrase says otherwise, the most frequent continuation is ranked ahead.
    await engine.prefetch({ ...EMPTY_STATE, q: 'lokal fa' }, 10);
    fetched.length = 0;
    await engine.search({ ...EMPTY_STATE, q: 'lokal fat' }, 10);
    expect(fetched).toEqual([]);
  });

  it('is left alone after a space', async () => {
    const q = `${[...withOutcomes.terms.keys()].find((k) => k.length === 3)!} `;
    const fresh = await createEngine(memorySource(withOutcomes, fetched));
    await fresh.search({ ...EMPTY_STATE, q }, 10);
    fetched.length = 0;
    await fresh.prefetch({ ...EMPTY_STATE, q }, 10);
    expect(fetched).toEqual([]);
  });

  it('after other words, also fetches the files of the letter the hits suggest next most often', async () => {
    // On screen for "barn unga ma": "män" right after "unga" twice, "Malmö" twice elsewhere, "mammor" once.
    const docs = [
      doc('/a/', 'Barn och unga', 'Unga män i Malmö.'),
      doc('/b/', 'Barn och unga', 'Unga män och mammor.'),
      doc('/c/', 'Barn och unga', 'Malmö stad.'),
    ];
    const engine = await createEngine(memorySource(await filesOf(docs), fetched));
    const hits = await nextAfterPrefetch(engine, 'barn unga ma', 'barn unga mal');
    expect(fetched).toEqual([]);
    // The two with "Malmö" first; "män" is one letter off.
    expect(hits.slice(0, 2).sort()).toEqual(['/a/', '/c/']);
    // A third letter's files are not fetched ahead.
    await engine.search({ ...EMPTY_STATE, q: 'barn unga mam' }, 10);
    expect(fetched).toEqual(['ord/mam']);
  });
});

describe('before the first letter', () => {
  it('only warms the ranking up: it fetches nothing, and what follows ranks as without', async () => {
    const fresh = await createEngine(memorySource(plain, fetched));
    fetched.length = 0;
    await fresh.prefetch(EMPTY_STATE, 10);
    expect(fetched).toEqual([]);
    for (const q of ['lokal', 'barn unga', 'samverkan mellan', 'xq']) {
      const a = await ranking.search({ ...EMPTY_STATE, q }, 10);
      const b = await fresh.search({ ...EMPTY_STATE, q }, 10);
      expect(b.total, q).toBe(a.total);
      expect(b.hits.map((h) => h.doc.u), q).toEqual(a.hits.map((h) => h.doc.u));
    }
  });
});
