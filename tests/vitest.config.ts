import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['unit/**/*.test.ts', 'cms/**/*.test.ts', 'site/**/*.test.ts', 'e2e/**/*.test.ts'],
    globalSetup: ['./helpers/global-setup.ts'],
    // Strapi's destroy() clears process listeners: worker threads keep that away from the runner.
    pool: 'threads',
    // Each CMS file boots its own Strapi; one at a time keeps memory and ports predictable.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
    reporters: ['default'],
  },
});
