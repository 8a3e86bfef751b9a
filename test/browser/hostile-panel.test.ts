/**
 * Hostile text in the real side panel: more than 100 XSS payloads as lesson titles,
 * Markdown bodies, quiz prompts, choices and explanations, tool and context names
 * (and the pack's name and publisher, which the panel does not show today). They
 * come from a fixture pack through the whole product path (validation, matching,
 * messages, rendering) in the test-only build (see fixture-build.ts). The same
 * payloads as bookmark titles, selections, notes, tags, places and addresses: saved
 * through the context menu's handler on the hostile page, typed into the edit form,
 * and written straight into the record as an imported backup could hold them.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { HOSTILE_HOST, HOSTILE_PACK_TEXTS } from '../fixtures/packs/index';
import { XSS_BEACON_HOST, XSS_PAYLOADS } from '../fixtures/xss-payloads';
import { buildFixtureExtension } from './fixture-extension';
import { launchBrowser, startDemoServer, type DemoServer, type ExtensionSession } from './harness';
import { scriptTraces, unsafeMarkup, watchForScript } from './panel-safety';
import type { WorkerHooks } from './worker-hooks';

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

/**
 * Requests the panel or the worker made, or that went to the beacon, other than the
 * extension's own files; from the `since`-th request of the browser on.
 */
function requestsOffExtension(since = 0): string[] {
  const own = `chrome-extension://${browser.extensionId}/`;
  return browser.requests
    .slice(since)
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

declare const inflowTest: WorkerHooks;

/** Bookmark rows holding a payload in every text field, as an imported backup may hold them. */
function hostileBookmarks(): object[] {
  const schemes = ['javascript:', 'data:text/html,', ''];
  return XSS_PAYLOADS.map((payload, index) => ({
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    kind: 'page',
    title: payload,
    url: `${schemes[index % schemes.length]}${payload}`,
    selection: payload,
    note: payload,
    tags: [payload.slice(0, 60), 'hostile-row'],
    tool: 'hostile',
    toolName: payload,
    contextName: payload,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString(),
    updatedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString(),
  }));
}

/** Writes rows into the bookmarks table of the extension's database, from an extension page. */
function storeRows(page: Page, rows: object[]): Promise<void> {
  return page.evaluate(
    (records) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('inflow');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const transaction = open.result.transaction('bookmarks', 'readwrite');
          for (const record of records) transaction.objectStore('bookmarks').put(record);
          transaction.oncomplete = () => {
            open.result.close();
            done();
          };
          transaction.onerror = () => fail(transaction.error);
        };
      }),
    rows,
  );
}

describe('hostile bookmark text in the side panel', () => {
  const menuSaved = XSS_PAYLOADS.slice(0, 20);

  async function openBookmarks(tabId: number): Promise<Page> {
    const panel = await browser.openSidePanel(tabId);
    await panel.getByTestId('tab-bookmarks').click();
    await panel.getByTestId('bookmarks-view').waitFor();
    return panel;
  }

  it(`should save ${menuSaved.length} hostile selections and titles through the menu, and never a hostile address`, async () => {
    const page = await browser.openPage(RECORD_URL);
    const tabId = await browser.tabIdOf(page);
    const panel = await browser.openSidePanel(tabId);
    await panel.getByTestId('context').waitFor();

    const saved = await browser.serviceWorker.evaluate(
      ({ tabId: id, url, payloads }) =>
        Promise.all(
          payloads.map((payload, index) =>
            inflowTest.bookmarkFromMenu(
              {
                menuItemId: inflowTest.BOOKMARK_MENUS.selection,
                selectionText: payload,
                pageUrl: index % 2 === 0 ? url : `javascript:${payload}`,
              },
              { id, title: payload },
            ),
          ),
        ),
      { tabId, url: page.url(), payloads: menuSaved },
    );

    const addresses = saved.map((bookmark) => bookmark?.url);
    expect(addresses.filter((url) => url !== undefined).every((url) => url === page.url())).toBe(
      true,
    );
    expect(addresses.filter((url) => url === undefined)).toHaveLength(menuSaved.length / 2);
    expect(saved.filter((bookmark) => bookmark?.url).map((bookmark) => bookmark?.toolName)).toEqual(
      Array(menuSaved.length / 2).fill(HOSTILE_PACK_TEXTS.toolName),
    );
    await Promise.all([page.close(), panel.close()]);
  });

  it(`should list ${XSS_PAYLOADS.length} hostile bookmarks more as plain text, none running or loading anything`, async () => {
    const requestsBefore = browser.requests.length;
    const page = await browser.openPage(RECORD_URL);
    const tabId = await browser.tabIdOf(page);
    const writer = await openBookmarks(tabId);
    await storeRows(writer, hostileBookmarks());
    await writer.close();

    const panel = await openBookmarks(tabId);
    await expect
      .poll(() => panel.getByTestId('bookmark').count(), { timeout: 15_000 })
      .toBe(XSS_PAYLOADS.length + menuSaved.length);

    const titles = await panel.getByTestId('bookmark-title').allTextContents();
    const notes = await panel.getByTestId('bookmark-note').allTextContents();
    expect(titles).toEqual(expect.arrayContaining([...XSS_PAYLOADS]));
    expect([...notes].sort()).toEqual([...XSS_PAYLOADS].sort());
    const where = await panel.getByTestId('bookmark-where').allTextContents();
    expect(
      where.some((text) => text.includes(`${HOSTILE_PACK_TEXTS.toolName} › ${CONTEXT_NAME}`)),
    ).toBe(true);
    // Only the menu's http(s) addresses open; no stored javascript: or data: address does.
    expect(await panel.getByTestId('bookmark-open').count()).toBe(menuSaved.length / 2);
    expect(await unsafeMarkup(panel, 'main')).toEqual([]);

    await panel.getByTestId('bookmark-filter').filter({ hasText: 'hostile-row' }).click();
    await expect.poll(() => panel.getByTestId('bookmark').count()).toBe(XSS_PAYLOADS.length);
    expect(await unsafeMarkup(panel, 'main')).toEqual([]);

    expect(await scriptTraces(panel)).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(requestsOffExtension(requestsBefore)).toEqual([]);
    await Promise.all([page.close(), panel.close()]);
  }, 120_000);

  it('should keep hostile notes and tags typed into the edit form as text', async () => {
    const requestsBefore = browser.requests.length;
    const page = await browser.openPage(RECORD_URL);
    const tabId = await browser.tabIdOf(page);
    const panel = await openBookmarks(tabId);
    const typed = XSS_PAYLOADS.slice(-10);
    const first = panel.getByTestId('bookmark').first();

    for (const payload of typed) {
      await first.getByTestId('bookmark-edit').click();
      await panel.getByTestId('bookmark-note-field').fill(payload);
      await panel.getByTestId('bookmark-tags-field').fill(payload.replace(/,/g, ' '));
      await panel.getByTestId('bookmark-note-field').press('Enter');
      await expect.poll(() => panel.getByTestId('bookmark-editor').count()).toBe(0);
      await expect
        .poll(() => first.getByTestId('bookmark-note').textContent())
        .toBe(payload.trim());
      expect(await unsafeMarkup(panel, 'main')).toEqual([]);
    }

    expect(await scriptTraces(panel)).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(requestsOffExtension(requestsBefore)).toEqual([]);
    await Promise.all([page.close(), panel.close()]);
  }, 120_000);
});

interface ChromeRuntime {
  runtime: { getManifest(): { content_security_policy?: unknown } };
}
