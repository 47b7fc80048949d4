import path from 'path';
import { checkSeed } from '../src/seed/check';
import { readModels, SEED_ORDER } from '../src/seed/models';
import { readSeedFiles } from '../src/seed/read-files';

/** `npm run seed:check`: checks the seed files against the schemas without a database. */
const root = path.join(__dirname, '..');
const dir = process.env.SEED_DIR || path.join(root, 'seed');
const models = readModels(path.join(root, 'src'));
const { entries, problems } = readSeedFiles(dir, models, SEED_ORDER);
problems.push(...checkSeed(entries, models));
for (const uid of SEED_ORDER) console.log(`${uid.split('.')[1].padEnd(13)} ${entries[uid].length}`);
if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`);
  process.exit(1);
}
console.log('\nSeed files OK.');
