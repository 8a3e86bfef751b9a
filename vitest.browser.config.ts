import { defineConfig } from 'vitest/config';

// Real-Chromium tests: one browser at a time (they share the machine's two cores
// and the local HTTPS port), against the built extension in .output/chrome-mv3.
export default defineConfig({
  resolve: { alias: { '@': import.meta.dirname } },
  test: {
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
