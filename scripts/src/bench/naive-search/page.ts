/**
 * The naive baseline's page script (bundled with esbuild by ../search.ts): download every entry
 * with all its text and a prebuilt fuse.js index as one JSON file, then one Fuse over it all.
 * It honours the same measuring contract as the site's island: `.search[data-ready]`,
 * `data-rendered-query`, and the `search-ready` performance mark.
 */
import Fuse from 'fuse.js';
import { FUSE_OPTIONS } from '../../../../site/src/lib/search/options';

interface Payload {
  keys: { name: string; weight: number }[];
  docs: Record<string, string>[];
  index: Parameters<typeof Fuse.parseIndex>[0];
}

const PAGE_SIZE = 50;
const root = document.querySelector<HTMLElement>('.search')!;
const input = document.querySelector<HTMLInputElement>('#sok-fraga')!;
const count = document.querySelector<HTMLElement>('.search-results__count')!;
const list = document.querySelector<HTMLOListElement>('.search-hits')!;

function render(query: string, hits: { item: Record<string, string> }[], total: number) {
  count.textContent = `${total} träffar`;
  list.replaceChildren(
    ...hits.slice(0, PAGE_SIZE).map(({ item }) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = item.u;
      a.textContent = item.title;
      const p = document.createElement('p');
      p.textContent = (item.summary ?? item.body ?? item.description ?? '').slice(0, 280);
      li.append(a, p);
      return li;
    }),
  );
  root.dataset.renderedQuery = query;
}

fetch('data.json')
  .then((r) => r.json() as Promise<Payload>)
  .then((payload) => {
    const fuse = new Fuse(
      payload.docs,
      // The site's own matching options, over every field instead of the site's three.
      { ...FUSE_OPTIONS, keys: payload.keys },
      Fuse.parseIndex(payload.index),
    );
    const run = () => {
      const query = input.value;
      if (query.trim()) {
        const results = fuse.search(query);
        render(query, results, results.length);
      } else render(query, payload.docs.slice(0, PAGE_SIZE).map((item) => ({ item })), payload.docs.length);
    };
    input.addEventListener('input', run);
    run();
    root.dataset.ready = 'true';
    performance.mark('search-ready');
  });
