import { defineConfig } from 'vitest/config';

// Benchmarks: run on demand (npm run bench:*), never as part of npm test.
export default defineConfig({
  test: {
    include: ['test/bench/**/*.bench.ts'],
    environment: 'node',
    globalSetup: ['test/support/global-setup.ts'],
    fileParallelism: false,
  },
});
