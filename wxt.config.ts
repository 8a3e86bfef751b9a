import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

import { loadBundledPacks } from './rules/bundled';
import { compileRules } from './rules/engine';
import { matchPatternsOf } from './rules/hosts';

/** The content script runs on the bundled packs' hosts, and nowhere else. */
function packMatchPatterns(): string[] {
  const { packs, errors } = loadBundledPacks();
  if (errors.length > 0) throw new Error(`bundled packs are invalid:\n${errors.join('\n')}`);
  return compileRules(packs).hostGlobs().flatMap(matchPatternsOf);
}

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: 'Inflow',
    default_locale: 'en',
    description:
      'Two-minute lessons for the web tool you are using, in the side panel. Your progress stays on this device.',
    permissions: ['storage'],
    action: { default_title: 'Inflow: lessons for this page' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'inflow@inflow.example',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : // Chrome and Edge check managed storage (enterprise policy) against this schema;
        // Firefox reads its 3rdparty policies without one. See docs/admin-guide.md.
        { storage: { managed_schema: 'managed-schema.json' } }),
  }),
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => {
      const matches = packMatchPatterns();
      for (const script of manifest.content_scripts ?? []) script.matches = matches;
      if (wxt.config.manifestVersion === 3) manifest.host_permissions = matches;
      else manifest.permissions = [...(manifest.permissions ?? []), ...matches];
    },
  },
  zip: {
    excludeSources: ['test-output/**', '.bench/**', 'demo-output/**'],
  },
});
