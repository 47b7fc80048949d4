import path from 'path';
import { parseArgs } from 'util';
import { snapshotCounts, writeSnapshot } from '../export';
import { generateBank } from './bank';

/** `npm run generate -w scripts -- --initiatives 1000 [--seed 1] --out <file>`: a synthetic bank for benchmarks. */
const { values } = parseArgs({
  options: { initiatives: { type: 'string' }, seed: { type: 'string', default: '1' }, out: { type: 'string' } },
});
const initiatives = Number(values.initiatives);
const seed = Number(values.seed);
if (!values.out || !Number.isInteger(initiatives) || initiatives < 1 || !Number.isInteger(seed)) {
  console.error('Usage: npm run generate -w scripts -- --initiatives <n> [--seed <integer>] --out <file>');
  process.exit(2);
}
const startedAt = performance.now();
const snapshot = generateBank({ initiatives, seed });
const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), values.out);
writeSnapshot(snapshot, file);
console.log(`Generated a synthetic bank (seed ${seed}) in ${Math.round(performance.now() - startedAt)} ms: ${snapshotCounts(snapshot)} → ${file}`);
console.log('Synthetic benchmark data: never load it into a CMS that holds the real bank.');
