/**
 * Builds the test-only variant of the extension: the production entrypoints and
 * wxt.config.ts, with one swap made through WXT's inline config: rules/packs/index.ts
 * is replaced by test/fixtures/packs/index.ts (the fixture packs), and the content
 * script's hosts are those packs' hosts. The background script also gets the test
 * hooks of worker-hooks.ts. Written to test-output/fixture-extension/,
 * never to .output/, so `npm run build` and the shipped extension never see it.
 *
 * Run as a script (`tsx test/browser/fixture-build.ts`); fixture-extension.ts does.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { build } from 'wxt';

import { compileRules } from '../../rules/engine';
import { matchPatternsOf } from '../../rules/hosts';
import { validatePack } from '../../rules/validate';
import { bundledPackSources } from '../fixtures/packs/index';

const root = resolve(import.meta.dirname, '../..');
const PACKS_INDEX = resolve(root, 'rules/packs/index.ts');
const FIXTURE_INDEX = resolve(root, 'test/fixtures/packs/index.ts');
const BACKGROUND = resolve(root, 'entrypoints/background.ts');
const WORKER_HOOKS = resolve(root, 'test/browser/worker-hooks.ts');

/** Resolves every import of the bundled packs' index to the fixture packs' index. */
function swapBundledPacks(): Plugin {
  return {
    name: 'inflow-fixture-packs',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !source.includes('packs/index')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === PACKS_INDEX ? FIXTURE_INDEX : null;
    },
  };
}

/** Appends worker-hooks.ts to the background script: the menu and shortcut handlers for tests. */
function exposeWorkerHooks(): Plugin {
  return {
    name: 'inflow-worker-hooks',
    enforce: 'pre',
    transform: (code, id) => (id === BACKGROUND ? `${code}\nimport '${WORKER_HOOKS}';\n` : null),
  };
}

function fixtureMatchPatterns(): string[] {
  const packs = bundledPackSources.map((source) => {
    const result = validatePack(source);
    if (!result.ok) throw new Error(`fixture pack invalid: ${JSON.stringify(result.problems[0])}`);
    return result.pack;
  });
  return compileRules(packs).hostGlobs().flatMap(matchPatternsOf);
}

await build({
  root,
  browser: 'chrome',
  outDir: 'test-output/fixture-extension',
  logger: { ...console, debug() {}, info() {}, log() {}, success() {} } as never,
  vite: () => ({ plugins: [swapBundledPacks(), exposeWorkerHooks()] }),
  hooks: {
    // Replaces wxt.config.ts's hook of the same name, which reads the bundled packs.
    'build:manifestGenerated': (_wxt, manifest) => {
      const matches = fixtureMatchPatterns();
      for (const script of manifest.content_scripts ?? []) script.matches = matches;
      manifest.host_permissions = matches;
    },
  },
});
