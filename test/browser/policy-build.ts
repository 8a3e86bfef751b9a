/**
 * Builds the test-only variant of the extension for enterprise-policy tests: the
 * production entrypoints, packs and wxt.config.ts, plus three things production
 * never has, all given by the caller (policy-extension.ts) in the environment:
 *
 * - INFLOW_MANIFEST_KEY: the manifest `key`, so the extension id is fixed and a
 *   policy file can name it;
 * - INFLOW_GRANTED_HOSTS: hosts the build holds from install (read by wxt.config.ts,
 *   the same switch an organization's own build uses);
 * - INFLOW_TEST_REFRESH_SECONDS: the refresh interval of subscribed packs, compiled
 *   in through Vite's `define` (lib/refresh-schedule.ts), so a test sees a refresh
 *   in seconds rather than hours.
 *
 * Written to test-output/policy-extension/, never to .output/.
 */
import { resolve } from 'node:path';
import { build } from 'wxt';

const root = resolve(import.meta.dirname, '../..');
const key = process.env.INFLOW_MANIFEST_KEY;
const seconds = Number(process.env.INFLOW_TEST_REFRESH_SECONDS);
if (!key || !(seconds > 0))
  throw new Error('INFLOW_MANIFEST_KEY and INFLOW_TEST_REFRESH_SECONDS are required');

await build({
  root,
  browser: 'chrome',
  outDir: 'test-output/policy-extension',
  logger: { ...console, debug() {}, info() {}, log() {}, success() {} } as never,
  manifest: { key },
  vite: () => ({
    define: { 'import.meta.env.INFLOW_TEST_REFRESH_SECONDS': JSON.stringify(String(seconds)) },
  }),
});
