/**
 * The test-only build of the extension with the fixture packs (see fixture-build.ts),
 * built at most once per process: the hostile-input tests, the delayed-header test
 * and the browser benchmarks load it.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { PROJECT_ROOT } from './harness';

export const FIXTURE_EXTENSION_DIR = join(PROJECT_ROOT, 'test-output/fixture-extension/chrome-mv3');

let built = false;

/** Builds the fixture extension (about 6 s) unless this process already did; returns its folder. */
export function buildFixtureExtension(): string {
  if (built) return FIXTURE_EXTENSION_DIR;

  execFileSync(
    join(PROJECT_ROOT, 'node_modules/.bin/tsx'),
    [join(PROJECT_ROOT, 'test/browser/fixture-build.ts')],
    { cwd: PROJECT_ROOT, stdio: 'pipe' },
  );
  built = true;
  return FIXTURE_EXTENSION_DIR;
}
