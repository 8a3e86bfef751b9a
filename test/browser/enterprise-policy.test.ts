/**
 * Real Chromium under Linux enterprise policy (/etc/chromium/policies/managed/), with
 * the extension built under a fixed id (policy-extension.ts). The policy arrives
 * after start and names a signed pack on a local HTTPS host; its lessons appear on
 * its tool's page (the demo intranet, a host no bundled pack covers). The pack
 * changes on the host and the new version is used after the refresh (every 3 s in
 * this build); a tampered copy is refused, the reason shown, the last good copy
 * kept; the policy removed, the pack is removed.
 *
 * The policy folder is machine-wide: this file removes its policy in `finally`
 * blocks and runs alone (vitest.browser.config.ts runs files one at a time).
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { generateSigningKeys, signPack } from '../../rules/signature';
import {
  DEMO_URLS,
  launchBrowser,
  screenshot,
  startDemoServer,
  type DemoServer,
  type ExtensionSession,
} from './harness';
import { startPackServer, type PackServer } from './pack-server';
import { buildPolicyExtension, removePolicy, writePolicy } from './policy-extension';

const REFRESH_SECONDS = 3;
const WAIT = { timeout: 20_000, interval: 250 };

let demo: DemoServer;
let packs: PackServer;
let browser: ExtensionSession;
let extensionId: string;
const keys = await generateSigningKeys();

/** A pack for the demo intranet: its tool, a news-article context and one lesson. */
function intranetPack(version: string, title: string): Record<string, unknown> {
  return {
    format: 1,
    id: 'acme.intranet',
    name: 'Acme intranet',
    version,
    publisher: 'Acme Learning',
    tools: [
      {
        id: 'acme-intranet',
        name: 'Acme Intranet',
        category: 'other',
        hosts: ['intranet.example.org'],
        contexts: [
          {
            id: 'news',
            name: 'News article',
            when: { path: '/news/:slug' },
            because: 'the address is a news article',
          },
        ],
      },
    ],
    modules: [
      {
        id: 'reading-news',
        title,
        minutes: 2,
        kind: 'lesson',
        language: 'en',
        body: 'Read the three questions first.',
        showOn: [{ tool: 'acme-intranet', context: 'news' }],
      },
    ],
  };
}

beforeAll(async () => {
  removePolicy();
  const built = buildPolicyExtension(['intranet.example.org'], REFRESH_SECONDS);
  extensionId = built.extensionId;
  demo = await startDemoServer();
  packs = await startPackServer();
  browser = await launchBrowser({
    extensionDir: built.dir,
    port: demo.port,
    // The test's own visits to chrome://policy, and the pack host: nothing else.
    allowedUrls: [`${new URL(packs.url).origin}/`, 'chrome://policy/'],
    // The pack host's certificate is self-signed. Playwright's ignoreHTTPSErrors
    // covers pages but not the service worker's fetch (Chromium 148, 2026-12-03).
    extraArgs: ['--ignore-certificate-errors'],
  });
});

afterAll(async () => {
  removePolicy();
  await browser?.close();
  await packs?.close();
  await demo?.close();
});

// The extension APIs this file calls inside the service worker.
declare const chrome: {
  scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> };
};

async function registeredMatches(): Promise<string[]> {
  const scripts = await browser.serviceWorker.evaluate(() =>
    chrome.scripting.getRegisteredContentScripts(),
  );
  return scripts.flatMap((script) => script.matches ?? []);
}

/** Makes Chromium read the policy files now, as chrome://policy's button does. */
async function reloadPolicies(): Promise<void> {
  const page = await browser.context.newPage();
  try {
    await page.goto('chrome://policy');
    await page.locator('#reload-policies').click();
  } finally {
    await page.close();
  }
}

/** The lesson titles and pack line the panel lists for the intranet article, freshly opened. */
async function intranetLessons(): Promise<{ titles: string[]; why: string[]; empty: boolean }> {
  const page = await browser.openPage(DEMO_URLS.intranet);
  const panel = await browser.openSidePanel(await browser.tabIdOf(page));
  try {
    await panel.getByTestId('loading').waitFor({ state: 'detached', timeout: 10_000 });
    await panel.waitForTimeout(300);
    return {
      titles: await panel.getByTestId('lesson-title').allTextContents(),
      why: await panel.getByTestId('lesson-why').allTextContents(),
      empty: await panel.getByTestId('empty-state').isVisible(),
    };
  } finally {
    await Promise.all([page.close(), panel.close()]);
  }
}

function text(locator: Locator): Promise<string> {
  return locator.innerText();
}

function packItem(options: Page) {
  return options.locator('[data-testid="pack-source"][data-pack="acme.intranet"]');
}

describe('a pack named by enterprise policy', () => {
  it('should install live, refresh, refuse a tampered copy and go with the policy', async () => {
    expect(browser.extensionId).toBe(extensionId);
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);

    try {
      // Before any policy: no pack covers the intranet, and the content script is not there.
      expect(await registeredMatches()).toEqual([]);
      expect(await intranetLessons()).toMatchObject({ titles: [], empty: true });

      // The policy arrives while the browser runs.
      packs.serve(
        await signPack(intranetPack('1.0.0', 'Reading the pipeline news'), keys.privateKey),
      );
      const missing = packs.url.replace('acme-intranet', 'missing');
      writePolicy(extensionId, {
        packUrls: [packs.url, missing],
        requireSignatures: true,
        trustedKeys: [keys.publicKey, 'ed25519:not-a-key'],
      });
      await reloadPolicies();

      await expect.poll(registeredMatches, WAIT).toContain('*://intranet.example.org/*');
      await expect.poll(intranetLessons, WAIT).toEqual({
        titles: ['Reading the pipeline news'],
        why: ['Acme Intranet › News article: the address is a news article · From Acme intranet'],
        empty: false,
      });
      await expect
        .poll(() => text(packItem(options).getByTestId('pack-use')), WAIT)
        .toBe('In use · locked by your organization');
      expect(await text(options.getByTestId('policy-pack-urls'))).toContain(packs.url);
      expect(await text(options.getByTestId('policy-require-signatures'))).toContain('Yes');
      const problems = () => options.getByTestId('policy-problem').allTextContents();
      await expect
        .poll(async () => (await problems()).find((problem) => problem.includes(missing)), WAIT)
        .toContain('the server answered 404');
      expect(
        (await problems()).filter((problem) => problem.includes('ed25519:not-a-key')),
      ).toHaveLength(1);

      // The pack changes on its host: the next refresh brings it.
      packs.serve(
        await signPack(intranetPack('1.1.0', 'Reading the pipeline news, v1.1'), keys.privateKey),
      );
      await expect
        .poll(() => packItem(options).locator('.pack-name').textContent(), WAIT)
        .toContain('1.1.0');
      expect((await intranetLessons()).titles).toEqual(['Reading the pipeline news, v1.1']);
      // While it stays the same, the host is asked conditionally and answers 304.
      await expect
        .poll(
          () => packs.requests.some((req) => req.status === 304 && req.ifNoneMatch === '"v2"'),
          WAIT,
        )
        .toBe(true);

      // A copy changed after signing: refused, the reason shown, the last good copy kept.
      const tampered = await signPack(
        intranetPack('1.2.0', 'Reading the pipeline news, v1.2'),
        keys.privateKey,
      );
      (tampered.modules as { title: string }[])[0]!.title = 'Slipped in on the way';
      packs.serve(tampered);
      await expect
        .poll(() => packItem(options).getByTestId('pack-last-error').textContent(), WAIT)
        .toContain('signature does not match: the pack was changed after');
      expect(await text(packItem(options).locator('.pack-name'))).toContain('1.1.0');
      expect((await intranetLessons()).titles).toEqual(['Reading the pipeline news, v1.1']);
      await screenshot(options, 'options-policy-tampered');

      // The policy goes: so does its pack, and the content script leaves the intranet.
      removePolicy();
      await reloadPolicies();
      await expect.poll(() => packItem(options).count(), WAIT).toBe(0);
      await expect.poll(registeredMatches, WAIT).toEqual([]);
      expect(await intranetLessons()).toMatchObject({ titles: [], empty: true });
      await expect.poll(() => options.getByTestId('policy-none').isVisible(), WAIT).toBe(true);
    } finally {
      removePolicy();
      await options.close();
    }
  });
});
