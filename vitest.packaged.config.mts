import { defineConfig } from 'vitest/config';

// The packaged-app smoke test: only on the release workflow, after electron-builder.
export default defineConfig({
  test: { include: ['test/packaged/**/*.packaged.ts'], environment: 'node', testTimeout: 60_000 },
});
