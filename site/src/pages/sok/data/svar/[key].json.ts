import { searchIndexRoute } from '../../../../lib/search-index-route';
import { chunkFile } from '../../../../lib/search/text';

/** Per prefix: the answers to the ord/ keys one letter longer, each typed alone, with the text of their first hits. */
export const { getStaticPaths, GET } = searchIndexRoute('key', ({ answers }) => [...answers].map(([prefix, group]) => [chunkFile(prefix), group]));
