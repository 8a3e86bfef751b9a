import { realpathSync } from 'node:fs';

import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  plugins: [WxtVitest()],
  // node_modules may be a link to an install shared by several checkouts, outside
  // the project; Vite serves files (happy-dom's setup file among them) only from
  // allowed folders.
  server: { fs: { allow: ['.', realpathSync('node_modules')] } },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    setupFiles: ['fake-indexeddb/auto'],
  },
});
