/**
 * Hostile text in the real side panel: more than 100 XSS payloads as lesson titles,
 * Markdown bodies, quiz prompts, choices and explanations, tool and context names
 * (and the pack's name and publisher, which the panel does not show today). They
 * come from a fixture pack through the whole product path (validation, matching,
 * messages, rendering) in the test-only build (see fixture-build.ts).
 * Bookmark notes do not exist yet, so they are not covered here.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { HOSTILE_HOST, HOSTILE_PACK_TEXTS } from '../fixtures/packs/index';
import { XSS_BEACON_HOST, XSS_PAYLOADS } from '../fixtures/xss-payloads';
import { buildFixtureExtension } from './fixture-extension';
import { launchBrowser, startDemoServer, type DemoServer, type ExtensionSession } from './harness';
import { scriptTraces, unsafeMarkup, watchForScript } from './panel-safety';

const CONTEXT_NAME = '<img src=x onerror=alert(1)>';
const RECORD_URL = `https://${HOSTILE_HOST}/records/${encodeURIComponent(CONTEXT_NAME)}`;

let server: DemoServer;
let browser: ExtensionSession;
const dialogs: string[] = [];

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchBrowser({ extensionDir: buildFixtureExtension(), port: server.port });
  await watchForScript(browser.context);
  browser.context.on('page', (page) =>
    page.on('dialog', (dialog) => void dialogs.push(dialog.message())),
  );
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPanel(): Promise<{ page: Page; panel: Page }> {
  const page = await browser.openPage(RECORD_URL);
  const panel = await browser.openSidePanel(await browser.tabIdOf(page));
  await panel.getByTestId('lesson').first().waitFor({ timeout: 15_000 });
  await showAllLessons(panel);
  await expect
    .poll(() => panel.getByTestId('lesson-title').count(), { timeout: 15_000 })
    .toBe(XSS_PAYLOADS.length);
  return { page, panel };
}

/** The list shows 20 lessons at first, and more on request: every hostile one must be on screen. */
async function showAllLessons(panel: Page): Promise<void> {
  const more = panel.getByTestId('show-more');
  while ((await more.count()) > 0) await more.click();
}

/** Requests the panel or the worker made, or that went to the beacon, other than the extension's own files. */
function requestsOffExtension(): string[] {
  const own = `chrome-extension://${browser.extensionId}/`;
  return browser.requests
    .filter((request) => request.from !== 'page' || request.url.includes(XSS_BEACON_HOST))
    .map((request) => request.url)
    .filter((url) => !url.startsWith(own));
}

describe('hostile pack text in the side panel', () => {
  it(`should list all ${XSS_PAYLOADS.length} hostile titles as plain text, with the hostile names as text`, async () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(100);
    const { page, panel } = await openPanel();

    const titles = await panel.getByTestId('lesson-title').allTextContents();
    expect([...titles].sort()).toEqual([...XSS_PAYLOADS].sort());
    const header = await panel.getByTestId('context').textContent();
    expect(header).toContain(`${HOSTILE_PACK_TEXTS.toolName} › ${CONTEXT_NAME}`);
    expect(await unsafeMarkup(panel, 'main')).toEqual([]);
    expect(await scriptTraces(panel)).toEqual([]);
    await Promise.all([page.close(), panel.close()]);
  });

  it('should render every hostile lesson body and quiz without markup that runs or loads', async () => {
    const { page, panel } = await openPanel();
    const unsafe: string[] = [];

    for (let index = 0; index < XSS_PAYLOADS.length; index++) {
      await showAllLessons(panel);
      await panel.getByTestId('lesson').nth(index).getByRole('button').click();
      await panel.getByTestId('lesson-body').waitFor();
      await panel.getByTestId('choice').first().click();
      await panel.getByTestId('feedback').first().waitFor();
      unsafe.push(...(await unsafeMarkup(panel, '[data-testid="reader"]')));
      await panel.getByTestId('back').click();
    }

    expect(unsafe).toEqual([]);
    expect(await scriptTraces(panel)).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(requestsOffExtension()).toEqual([]);
    await Promise.all([page.close(), panel.close()]);
  }, 180_000);
});

describe("the extension pages' content security policy", () => {
  it('should allow no inline or remote script: none in the manifest, and both blocked in the panel', async () => {
    const { page, panel } = await openPanel();

    const manifestCsp = await panel.evaluate(
      () =>
        (globalThis as unknown as { chrome: ChromeRuntime }).chrome.runtime.getManifest()
          .content_security_policy ?? null,
    );
    const marker = await panel.evaluate(async (beacon) => {
      const inline = document.createElement('script');
      inline.textContent = 'window.__xss = "inline"';
      const remote = document.createElement('script');
      remote.src = `https://${beacon}/remote.js`;
      document.head.append(inline, remote);
      await new Promise((done) => setTimeout(done, 300));
      return (window as { __xss?: unknown }).__xss ?? null;
    }, XSS_BEACON_HOST);

    // No policy in the manifest: Chromium's MV3 default, "script-src 'self'
    // 'wasm-unsafe-eval'; object-src 'self'", which an extension can only tighten.
    expect(manifestCsp).toBeNull();
    expect(marker).toBeNull();
    const violations = await scriptTraces(panel);
    expect(violations).toContain('script-src-elem inline');
    expect(violations).toContain(`script-src-elem https://${XSS_BEACON_HOST}/remote.js`);
    const remote = browser.requests.filter((request) => request.url.includes(XSS_BEACON_HOST));
    expect(remote.every((request) => request.blocked)).toBe(true);
    await Promise.all([page.close(), panel.close()]);
  });
});

interface ChromeRuntime {
  runtime: { getManifest(): { content_security_policy?: unknown } };
}
