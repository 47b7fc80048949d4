import { openData } from '../lib/bank';
import { dataPackage, dataResource } from '../lib/open-data/datapackage';
import { dataFiles } from '../lib/open-data/files';
import { isPrimaryShard } from '../lib/shard';
import { generatedFiles, type GeneratedFile } from './generated-files';

/** The open-data files under /data/: the whole bank as JSON, a CSV per table, and datapackage.json describing them. */
export const openDataFiles = () =>
  generatedFiles({
    name: 'open-data',
    folder: '/data/',
    inThisShard: () => isPrimaryShard,
    filesOf: function* (bank, site): Generator<GeneratedFile> {
      const snapshot = openData(bank);
      // Each file is written and let go before the next is made; the descriptor keeps its size and hash.
      const resources = [];
      for (const file of dataFiles(snapshot)) {
        resources.push(dataResource(file));
        yield [file.file, file.bytes];
      }
      yield ['datapackage.json', `${JSON.stringify(dataPackage(snapshot, site, resources), null, 2)}\n`];
    },
  });
