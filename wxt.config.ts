import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

import { loadBundledPacks } from './rules/bundled';
import { compileRules } from './rules/engine';
import { matchPatternsOf } from './rules/hosts';
import { hostGlob } from './rules/schema';

/** The content script runs on the bundled packs' hosts, and nowhere else. */
function packMatchPatterns(): string[] {
  const { packs, errors } = loadBundledPacks();
  if (errors.length > 0) throw new Error(`bundled packs are invalid:\n${errors.join('\n')}`);
  return compileRules(packs).hostGlobs().flatMap(matchPatternsOf);
}

/**
 * Hosts an organization's own build holds from install, for the tools of its policy
 * packs: `INFLOW_GRANTED_HOSTS="jira.acme.internal *.crm.acme.example" npm run build`.
 * The content script is registered there only while a pack in use covers them
 * (lib/host-access.ts); see docs/pack-sources.md.
 */
function grantedHostPatterns(): string[] {
  const globs = (process.env.INFLOW_GRANTED_HOSTS ?? '').split(/[\s,]+/).filter(Boolean);
  const invalid = globs.filter((glob) => !hostGlob.safeParse(glob).success);
  if (invalid.length > 0) throw new Error(`INFLOW_GRANTED_HOSTS: not hosts: ${invalid.join(', ')}`);
  return globs.flatMap(matchPatternsOf);
}

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Inflow',
    default_locale: 'en',
    description:
      'Two-minute lessons for the web tool you are using, in the side panel. Your progress stays on this device.',
    // activeTab: the context menu and the shortcut give access to the one tab they
    // are used in, so Inflow can bookmark any page without access to every site.
    // alarms: subscribed packs are fetched again on a schedule; scripting: the content
    // script is registered on the hosts of packs added after install, once granted,
    // and the shortcut reads the selection of the tab it was pressed in.
    permissions: ['storage', 'activeTab', 'contextMenus', 'scripting', 'alarms'],
    ...(manifestVersion === 3
      ? { optional_host_permissions: ['*://*/*'] }
      : { optional_permissions: ['*://*/*'] }),
    commands: {
      // Alt+Shift+B focuses the bookmarks bar in Chrome; Alt+Shift+K is none of its
      // shortcuts (chrome/browser/ui/views/accelerator_table.cc). On a Mac,
      // Option+letter types characters, so Control+Shift+K there.
      'bookmark-page': {
        suggested_key: { default: 'Alt+Shift+K', mac: 'MacCtrl+Shift+K' },
        description: '__MSG_commandBookmarkPage__',
      },
    },
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
      const hosts = [...new Set([...matches, ...grantedHostPatterns()])];
      for (const script of manifest.content_scripts ?? []) script.matches = matches;
      if (wxt.config.manifestVersion === 3) manifest.host_permissions = hosts;
      else manifest.permissions = [...(manifest.permissions ?? []), ...hosts];
    },
  },
  zip: {
    excludeSources: ['test-output/**', '.bench/**', 'demo-output/**'],
  },
});
