import { searchIndexRoute } from '../../../../lib/search-index-route';
import { chunkFile } from '../../../../lib/search/text';

/** Per file key under ord/: the answer to it typed alone, with the text of its first hits. */
export const { getStaticPaths, GET } = searchIndexRoute('key', ({ answers }) => [...answers].map(([key, answer]) => [chunkFile(key), answer]));
