import { defineConfig } from 'vitest/config';
// TEMPORARY (site helper's dev loop): reuses a snapshot instead of exporting one per run.
export default defineConfig({
  test: {
    include: ['site/**/*.test.ts', 'e2e/**/*.test.ts'],
    provide: { snapshotPath: '/tmp/ebsnap/snapshot.json' },
    pool: 'threads',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
