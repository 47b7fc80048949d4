import { SEARCH_DATA_URL, searchDataFiles, searchIndexFiles } from '../lib/search-index';
import { isPrimaryShard } from '../lib/shard';
import { generatedFiles, type GeneratedFile } from './generated-files';

/** The search index files under /sok/data/ (lib/search-index.ts). */
export const searchData = () =>
  generatedFiles({
    name: 'search-data',
    folder: SEARCH_DATA_URL,
    inThisShard: () => isPrimaryShard,
    filesOf: async (bank) => {
      const index = await searchIndexFiles(bank);
      // One file's JSON at a time: all of them at once would be 16,500 strings held together.
      return (function* (): Generator<GeneratedFile> {
        for (const [file, body] of searchDataFiles(index)) yield [file, JSON.stringify(body)];
      })();
    },
  });
