/**
 * The extension as an organization deploys it, for the enterprise-policy test: a
 * fixed id from a manifest key made here (never in the production manifest), hosts
 * held from install, and a refresh interval of seconds (see policy-build.ts); and
 * the machine-wide Chromium policy file that names that id.
 */
import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { PROJECT_ROOT } from './harness';

export const POLICY_EXTENSION_DIR = join(PROJECT_ROOT, 'test-output/policy-extension/chrome-mv3');
const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'inflow-policy-test.json');

export interface PolicyExtension {
  dir: string;
  extensionId: string;
}

/** Builds the extension (about 6 s) with a new key, holding `grantedHosts` from install. */
export function buildPolicyExtension(
  grantedHosts: string[],
  refreshSeconds: number,
): PolicyExtension {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });

  execFileSync(
    join(PROJECT_ROOT, 'node_modules/.bin/tsx'),
    [join(PROJECT_ROOT, 'test/browser/policy-build.ts')],
    {
      cwd: PROJECT_ROOT,
      stdio: 'pipe',
      env: {
        ...process.env,
        INFLOW_MANIFEST_KEY: der.toString('base64'),
        INFLOW_GRANTED_HOSTS: grantedHosts.join(' '),
        INFLOW_TEST_REFRESH_SECONDS: String(refreshSeconds),
      },
    },
  );
  return { dir: POLICY_EXTENSION_DIR, extensionId: extensionIdOf(der) };
}

/** Chromium's id for a key: the first 32 hex digits of its SHA-256, 0-9a-f spelt a-p. */
export function extensionIdOf(publicKeyDer: Buffer): string {
  const hex = createHash('sha256').update(publicKeyDer).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/**
 * Writes the policy Chromium gives the extension through managed storage. The file
 * is dated an hour back: Chromium reads a file written moments before more slowly.
 */
export function writePolicy(extensionId: string, values: Record<string, unknown>): void {
  mkdirSync(POLICY_DIR, { recursive: true });
  const policy = { '3rdparty': { extensions: { [extensionId]: values } } };
  writeFileSync(POLICY_FILE, JSON.stringify(policy, null, 2));
  const anHourAgo = new Date(Date.now() - 3600 * 1000);
  utimesSync(POLICY_FILE, anHourAgo, anHourAgo);
}

/** Removes the policy file; safe to call when there is none. */
export function removePolicy(): void {
  rmSync(POLICY_FILE, { force: true });
}
