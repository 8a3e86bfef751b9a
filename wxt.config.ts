import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: 'Inflow',
    description:
      'Two-minute lessons for the web tool you are using, in the side panel. Your progress stays on this device.',
    permissions: ['storage'],
    action: { default_title: 'Inflow: lessons for this page' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'inflow@inflow.example',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  zip: {
    excludeSources: ['test-output/**', '.bench/**', 'demo-output/**'],
  },
});
