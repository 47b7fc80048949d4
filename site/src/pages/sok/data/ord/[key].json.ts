import { searchIndexRoute } from '../../../../lib/search-index-route';
import { chunkFile } from '../../../../lib/search/text';

/** Per folded two- or three-letter prefix: its words' postings (PrefixUnion, TermChunk). */
export const { getStaticPaths, GET } = searchIndexRoute('key', ({ terms }) => [...terms].map(([key, file]) => [chunkFile(key), file]));
