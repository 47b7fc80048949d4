import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { TYPE_LABEL } from '../lib/format';
import {
  createSearcher,
  EMPTY_STATE,
  FACET_NAMES,
  highlightParts,
  isOnDemandFacet,
  ON_DEMAND_FACETS,
  sameState,
  stateFromSearch,
  stateToSearch,
  type FacetName,
  type FacetOption,
  type Hit,
  type SearchFacets,
  type SearchOutcome,
  type Searcher,
  type SearchState,
} from '../lib/search';

interface Props {
  /** Facet options, rendered before the index arrives so the form is usable at once. */
  facets: SearchFacets;
  /** Base URL of the chunked static index (meta.json, facetter.json, ord/, svar/, poster/). */
  indexUrl: string;
}

const FACET_LEGEND: Record<FacetName, string> = {
  type: 'Typ av post',
  lessonType: 'Typ av lärdom',
  theme: 'Tema',
  area: 'Område',
  period: 'Period',
};

/**
 * Groups with few options start open; long lists (the facets counted on demand) start closed
 * unless something in them is chosen.
 */
const startsOpen = (facet: FacetName) => !isOnDemandFacet(facet);

const PAGE_SIZE = 50;

/**
 * Hits shown at once for a new search: a screenful. The rest of the page follows when typing
 * pauses, so each keystroke fetches the text of a few hits, not of fifty.
 */
const FIRST_HITS = 10;
const REST_AFTER_MS = 200;

const LOAD_ERROR = 'Sökindexet kunde inte laddas. Försök igen senare, eller bläddra bland insatserna.';

const plural = (n: number) => (n === 1 ? '1 träff' : `${n} träffar`);

function Highlighted({ text, ranges }: { text: string; ranges: [number, number][] }) {
  return (
    <>
      {highlightParts(text, ranges).map((part, i) => (part.mark ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </>
  );
}

/** A hit stays the same object while its answer is on screen: a keystroke alone re-renders none. */
const Result = memo(function Result({ hit }: { hit: Hit }) {
  const { doc, highlights } = hit;
  return (
    <li className="search-hit">
      <p className="search-hit__type">{TYPE_LABEL[doc.t]}</p>
      <h3 className="search-hit__title">
        <a href={doc.u}>
          <Highlighted text={doc.title} ranges={highlights.title} />
        </a>
      </h3>
      {doc.meta && <p className="search-hit__meta">{doc.meta}</p>}
      {doc.text && (
        <p className="search-hit__text">
          <Highlighted text={doc.text} ranges={highlights.text} />
        </p>
      )}
    </li>
  );
});

interface FacetGroupProps {
  facet: FacetName;
  options: FacetOption[];
  selected: string[];
  /** hits per value, or null before the first answer */
  counts: Map<string, number> | null;
  open: boolean;
  onOpen: (facet: FacetName, open: boolean) => void;
  onToggle: (facet: FacetName, value: string, on: boolean) => void;
}

/**
 * One facet's checkboxes. A closed group keeps the counts it last showed (nobody can see them)
 * and is not rendered again until it opens or its choice changes: the area group alone may
 * hold hundreds of options, and every keystroke brings new counts.
 */
const FacetGroup = memo(
  function FacetGroup({ facet, options, selected, counts, open, onOpen, onToggle }: FacetGroupProps) {
    return (
      <details className="facet" open={open} onToggle={(event) => onOpen(facet, event.currentTarget.open)}>
        <summary>
          {FACET_LEGEND[facet]}
          {selected.length > 0 && <span className="facet__selected"> ({selected.length} valda)</span>}
        </summary>
        <fieldset>
          <legend className="visually-hidden">{FACET_LEGEND[facet]}</legend>
          <ul className={options.length > 12 ? 'facet__options facet__options--long' : 'facet__options'}>
            {options.map((option) => {
              const id = `facett-${facet}-${option.value}`;
              return (
                <li key={option.value}>
                  <input
                    type="checkbox"
                    id={id}
                    name={facet}
                    value={option.value}
                    checked={selected.includes(option.value)}
                    onChange={(event) => onToggle(facet, option.value, event.target.checked)}
                  />
                  <label htmlFor={id}>
                    {option.label}
                    {counts && <span className="facet__count"> ({counts.get(option.value) ?? 0})</span>}
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
      </details>
    );
  },
  (before, after) =>
    before.open || after.open
      ? // An open group shows its counts: it renders again when anything it shows changes
        // (a new answer brings new counts), not on a keystroke alone.
        before.open === after.open &&
        before.selected === after.selected &&
        before.options === after.options &&
        before.counts === after.counts &&
        before.facet === after.facet &&
        before.onOpen === after.onOpen &&
        before.onToggle === after.onToggle
      : before.selected === after.selected && before.options === after.options && (before.counts === null) === (after.counts === null),
);

export default function Search({ facets, indexUrl }: Props) {
  // Rendered in the browser only (client:only): nothing of the form is of use before its index is.
  const [state, setState] = useState<SearchState>(() => stateFromSearch(window.location.search));
  const [searcher, setSearcher] = useState<Searcher | null>(null);
  // The latest answer; while the next one is on its way the old one stays on screen.
  const [outcome, setOutcome] = useState<SearchOutcome | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [shown, setShown] = useState(PAGE_SIZE);
  const [announcement, setAnnouncement] = useState('');
  // On a narrow screen the filters sit above the results: start them closed so the hits show.
  const [wide] = useState(() => window.matchMedia('(min-width: 50rem)').matches);
  // Groups the reader opened or closed; the others follow startsOpen and the choice.
  const [opened, setOpened] = useState<Partial<Record<FacetName, boolean>>>({});
  const isOpen = (facet: FacetName) => opened[facet] ?? ((wide && startsOpen(facet)) || state[facet].length > 0);
  // Whether the facets counted on demand are counted: from when the reader first opens one of their groups.
  const [allCounted, setAllCounted] = useState(false);
  const countsWanted = ON_DEMAND_FACETS.some(isOpen);
  // True while the current history entry belongs to a query being typed: further keystrokes
  // replace it, so Back returns to the previous search rather than to each letter.
  const typingEntry = useRef(false);
  // A history write costs about 6 ms in Chromium, as much as the rest of a keystroke: a typed
  // query reaches the address bar once its answer is on screen (or, typing on, not at all).
  const unwritten = useRef<SearchState | null>(null);
  const resultsRef = useRef<HTMLOListElement>(null);
  const focusIndexAfterMore = useRef<number | null>(null);

  useEffect(() => {
    const onPopState = () => {
      typingEntry.current = false;
      unwritten.current = null;
      setState(stateFromSearch(window.location.search));
      setShown(PAGE_SIZE);
    };
    window.addEventListener('popstate', onPopState);
    let cancelled = false;
    createSearcher(indexUrl)
      .then((created) => !cancelled && setSearcher(created))
      .catch(() => !cancelled && setLoadError(LOAD_ERROR));
    return () => {
      cancelled = true;
      window.removeEventListener('popstate', onPopState);
    };
  }, [indexUrl]);

  // Answers can arrive out of order when typing fast: only the latest request may land.
  const latestRequest = useRef(0);
  useEffect(() => {
    if (!searcher) return;
    const request = ++latestRequest.current;
    const latest = () => request === latestRequest.current;
    const land = (next: SearchOutcome) => latest() && setOutcome(next);
    const fail = () => latest() && setLoadError(LOAD_ERROR);
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A new search shows its first screenful at once; "more hits" asks for the whole page.
    searcher.search(state, shown > PAGE_SIZE ? shown : Math.min(FIRST_HITS, shown)).then((next) => {
      land(next);
      if (latest() && next.hits.length < Math.min(shown, next.total)) {
        timer = setTimeout(() => latest() && searcher.search(state, shown).then(land, fail), REST_AFTER_MS);
      }
    }, fail);
    return () => clearTimeout(timer);
  }, [searcher, state, shown, allCounted]);

  useEffect(() => {
    if (!searcher || !countsWanted || allCounted) return;
    searcher.countAll().then(
      () => setAllCounted(true),
      () => setLoadError(LOAD_ERROR),
    );
  }, [searcher, countsWanted, allCounted]);

  // Between keys: the likely next keystroke's answer (Searcher.prefetch), in a task of its own
  // once the answer on screen is committed. (Idle callbacks did not come between keys in
  // headless Chromium, even with 100 ms to spare.)
  useEffect(() => {
    if (!searcher || !outcome || !sameState(outcome.state, state)) return;
    const timer = setTimeout(() => searcher.prefetch(outcome.state, FIRST_HITS));
    return () => clearTimeout(timer);
  }, [searcher, outcome, state]);

  const current = outcome !== null && sameState(outcome.state, state) && outcome.hits.length >= Math.min(shown, outcome.total);
  const shownState = outcome?.state ?? state;
  const isActive = shownState.q.trim() !== '' || FACET_NAMES.some((f) => shownState[f].length > 0);
  const countText = outcome
    ? isActive
      ? `${plural(outcome.total)}${outcome.state.q.trim() ? ` för ”${outcome.state.q.trim()}”` : ''}`
      : `${plural(outcome.total)} – alla poster i banken`
    : '';

  // For measurements (benchmarks, tests): when the results for a query are on the page.
  const readyMarked = useRef(false);
  useLayoutEffect(() => {
    if (!outcome) return;
    if (!readyMarked.current) performance.mark('search-ready');
    readyMarked.current = true;
    performance.mark('search-rendered');
  }, [outcome]);

  // Screen readers hear the count once typing pauses, not after every keystroke.
  useEffect(() => {
    if (!current) return;
    const timer = setTimeout(() => setAnnouncement(countText), 600);
    return () => clearTimeout(timer);
  }, [countText, current]);

  useEffect(() => {
    document.title = state.q.trim() ? `Sök: ${state.q.trim()} – Erfarenhetsbanken` : 'Sök – Erfarenhetsbanken';
  }, [state.q]);

  useEffect(() => {
    const index = focusIndexAfterMore.current;
    if (index == null) return;
    const link = resultsRef.current?.querySelectorAll<HTMLAnchorElement>('.search-hit a')[index];
    if (!link) return; // the next page's text has not arrived yet
    focusIndexAfterMore.current = null;
    link.focus();
  }, [outcome]);

  /** A typed query replaces the history entry its first letters made; anything else is a new entry. */
  const writeUrl = useCallback((next: SearchState, typed: boolean) => {
    const url = `${window.location.pathname}${stateToSearch(next)}`;
    if (typed && typingEntry.current) {
      window.history.replaceState(null, '', url);
    } else if (!sameState(next, stateFromSearch(window.location.search))) {
      window.history.pushState(null, '', url);
    }
    typingEntry.current = typed;
  }, []);

  const writeTyped = useCallback(() => {
    const next = unwritten.current;
    unwritten.current = null;
    if (next) writeUrl(next, true);
  }, [writeUrl]);

  const commit = useCallback(
    (next: SearchState, mode: 'push' | 'type') => {
      setState(next);
      setShown(PAGE_SIZE);
      if (mode === 'type') {
        unwritten.current = next;
        return;
      }
      // A choice is its own history entry, after the query typed before it.
      writeTyped();
      writeUrl(next, false);
    },
    [writeUrl, writeTyped],
  );

  useEffect(() => {
    if (!current && !loadError) return;
    const timer = setTimeout(writeTyped);
    return () => clearTimeout(timer);
  }, [current, loadError, outcome, writeTyped]);

  const onQuery = (event: ChangeEvent<HTMLInputElement>) => commit({ ...state, q: event.target.value }, 'type');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    writeTyped();
    typingEntry.current = false;
  };

  // The facet groups get stable callbacks, so a keystroke does not re-render them all.
  const stateRef = useRef(state);
  stateRef.current = state;
  const toggle = useCallback(
    (facet: FacetName, value: string, on: boolean) => {
      const current = stateRef.current;
      const values = on ? [...current[facet], value] : current[facet].filter((v) => v !== value);
      commit({ ...current, [facet]: values }, 'push');
    },
    [commit],
  );
  const onOpen = useCallback((facet: FacetName, open: boolean) => setOpened((o) => (o[facet] === open ? o : { ...o, [facet]: open })), []);

  const clearFacets = () => commit({ ...EMPTY_STATE, q: state.q }, 'push');
  const anyFacet = FACET_NAMES.some((f) => state[f].length > 0);

  const hits = outcome?.hits ?? [];
  const total = outcome?.total ?? 0;
  return (
    <div
      className="search"
      data-ready={outcome ? 'true' : undefined}
      data-rendered-query={outcome ? outcome.state.q : undefined}
      data-rendered-search={outcome ? stateToSearch(outcome.state) : undefined}
    >
      <form role="search" className="search-form" action="/sok/" method="get" onSubmit={onSubmit}>
        <label htmlFor="sok-fraga" className="search-form__label">
          Sök bland insatser, lärdomar, källor, områden, aktörer, metoder och teman
        </label>
        <div className="search-form__row">
          <input
            id="sok-fraga"
            type="search"
            name="q"
            value={state.q}
            onChange={onQuery}
            autoComplete="off"
            spellCheck={false}
            aria-describedby="sok-tips"
          />
          <button type="submit">Sök</button>
        </div>
        <p id="sok-tips" className="search-form__hint">
          Stavfel och å, ä, ö spelar mindre roll: ”mollevangen” hittar Möllevången. Alla ord måste finnas med.
        </p>
      </form>

      <div className="search-layout">
        <section className="search-facets" aria-labelledby="filter-rubrik">
          <h2 id="filter-rubrik">Filtrera</h2>
          {FACET_NAMES.map((facet) => {
            const options = facets[facet];
            if (options.length === 0) return null;
            const selected = state[facet];
            const open = isOpen(facet);
            return (
              <FacetGroup
                key={facet}
                facet={facet}
                options={options}
                selected={selected}
                counts={outcome?.counts[facet] ?? null}
                open={open}
                onOpen={onOpen}
                onToggle={toggle}
              />
            );
          })}
          {anyFacet && (
            <button type="button" className="search-facets__clear" onClick={clearFacets}>
              Rensa alla filter
            </button>
          )}
        </section>

        <section className="search-results" aria-labelledby="traffar-rubrik">
          <h2 id="traffar-rubrik">Träffar</h2>
          {/* Until the answer for the current search arrives, the previous count stays, without the class that marks it as the current one. */}
          <p className={current || loadError ? 'search-results__count' : 'search-results__count-pending'} aria-hidden="true">
            {loadError ?? (outcome ? countText : 'Laddar sökindexet …')}
          </p>
          {/* A polite live region, updated after a pause, so the count is announced without stealing focus. */}
          <p role="status" aria-live="polite" aria-atomic="true" className="visually-hidden">
            {loadError ?? announcement}
          </p>
          {current && total === 0 && (
            <p>
              Inga träffar. Pröva ett annat ord, ta bort ett filter eller <a href="/insatser/">bläddra bland alla insatser</a>.
            </p>
          )}
          {hits.length > 0 && (
            <ol className="search-hits" ref={resultsRef}>
              {hits.slice(0, shown).map((hit) => (
                <Result key={hit.doc.u} hit={hit} />
              ))}
            </ol>
          )}
          {total > shown && (
            <button
              type="button"
              className="search-results__more"
              onClick={() => {
                focusIndexAfterMore.current = shown;
                setShown(shown + PAGE_SIZE);
              }}
            >
              Visa fler träffar ({Math.min(PAGE_SIZE, total - shown)} av {total - shown} till)
            </button>
          )}
        </section>
      </div>
    </div>
  );
}
