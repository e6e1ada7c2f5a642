import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/server/src/**/*.test.ts',
      'apps/server/test/**/*.test.ts',
      'apps/web/src/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    globalSetup: ['apps/server/test/global-setup.ts'],
    setupFiles: ['test-support/fail-on-console-error.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // PGlite is memory-hungry per worker; two cores, two workers
    maxWorkers: 2,
  },
});
