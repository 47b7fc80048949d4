import { searchIndexRoute } from '../../../../lib/search-index-route';

/** The display text of a few docs, fetched only when one of them is among the hits shown. */
export const { getStaticPaths, GET } = searchIndexRoute('chunk', ({ fragments }) => fragments.map((docs, i) => [String(i), docs]));
