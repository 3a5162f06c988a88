import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Vite would load graphql's ESM build for our files while Node loads its CommonJS build for
  // graphql-yoga: two GraphQLError classes, and `instanceof` checks across them fail. One copy only.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/**/*.test.ts'],
    // The registry of launched processes, checked at the end of the run (test/helpers/process.ts).
    globalSetup: ['test/setup/global.ts'],
    setupFiles: ['test/setup/processes.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file gets its own database; two cores run two files at a time.
    maxWorkers: 2,
  },
});
